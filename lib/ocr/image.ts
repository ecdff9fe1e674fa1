// Gray images and their ruling lines: the grid of a table picture. DOM-free (Node and the browser).

export interface Gray {
  width: number;
  height: number;
  /** One byte per pixel, 0 black .. 255 white. */
  data: Uint8Array;
}

export function toGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const a = rgba[p + 3] / 255;
    // Transparent pixels are paper.
    data[i] = Math.round((0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]) * a + 255 * (1 - a));
  }
  return { width, height, data };
}

const DARK = 150;

/** How far a line may drift from a straight row or column (skew, anti-aliasing), in pixels. */
const slackOf = (img: Gray) => (Math.max(img.width, img.height) > 1600 ? 2 : 1);

/**
 * Positions of ruling lines: rows (or columns) holding a long unbroken dark run (text strokes are
 * short). Lines that stop at merged cells still count; adjacent hits merge into one line.
 */
export function rulingLines(img: Gray, axis: 'h' | 'v'): number[] {
  const { width: w, height: h, data } = img;
  const len = axis === 'h' ? w : h;
  const count = axis === 'h' ? h : w;
  const slack = slackOf(img);
  const minRun = Math.max(24, Math.round(len * 0.12));
  const isDark = (i: number, j: number) => data[axis === 'h' ? i * w + j : j * w + i] < DARK;
  const hits: number[] = [];
  for (let i = 0; i < count; i++) {
    let run = 0;
    let best = 0;
    for (let j = 0; j < len; j++) {
      let any = false;
      for (let d = -slack; d <= slack && !any; d++) {
        const k = i + d;
        if (k >= 0 && k < count && isDark(k, j)) any = true;
      }
      run = any ? run + 1 : 0;
      if (run > best) best = run;
    }
    if (best >= minRun) hits.push(i);
  }
  const lines: number[] = [];
  let first = -1;
  let last = -1;
  for (const i of hits) {
    if (last >= 0 && i - last > 1) {
      lines.push(Math.round((first + last) / 2));
      first = -1;
    }
    if (first < 0) first = i;
    last = i;
  }
  if (first >= 0) lines.push(Math.round((first + last) / 2));
  return lines;
}

/** Share of a segment that is dark: does a ruling line run there? */
export function segmentCover(img: Gray, axis: 'h' | 'v', at: number, from: number, to: number): number {
  const slack = slackOf(img);
  let hit = 0;
  let n = 0;
  for (let j = Math.max(0, from); j < to; j++, n++) {
    for (let d = -slack; d <= slack; d++) {
      const k = at + d;
      const x = axis === 'h' ? j : k;
      const y = axis === 'h' ? k : j;
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      if (img.data[y * img.width + x] < DARK) {
        hit++;
        break;
      }
    }
  }
  return n ? hit / n : 0;
}

export interface GridCell {
  x: number;
  y: number;
  w: number;
  h: number;
  row: number;
  /** Grid rows the cell covers (rowspan). */
  span: number;
}

/**
 * Cells of a ruled table in reading order. A cell spans columns where a vertical segment is missing
 * (colspan), and rows where the horizontal segment above it is missing (rowspan: read once, in its
 * first row).
 */
export function gridCells(img: Gray, hLines: number[], vLines: number[]): GridCell[][] {
  const rows: GridCell[][] = [];
  // The cell standing above each column stretch, to extend when a row continues it (rowspan).
  const above = new Map<string, GridCell>();
  for (let r = 0; r + 1 < hLines.length; r++) {
    const top = hLines[r];
    const bottom = hLines[r + 1];
    const inset = Math.max(1, Math.round((bottom - top) * 0.2));
    const crossing = vLines.filter((x, i) => i === 0 || i === vLines.length - 1 || segmentCover(img, 'v', x, top + inset, bottom - inset) > 0.85);
    const cells: GridCell[] = [];
    for (let c = 0; c + 1 < crossing.length; c++) {
      const left = crossing[c];
      const right = crossing[c + 1];
      const pad = Math.max(2, Math.round((right - left) * 0.15));
      const key = `${left}-${right}`;
      const prev = above.get(key);
      // No line above this stretch: the cell above continues here (rowspan).
      if (r > 0 && prev && segmentCover(img, 'h', top, left + pad, right - pad) < 0.7) {
        prev.h = bottom - prev.y;
        prev.span++;
        continue;
      }
      const cell = { x: left, y: top, w: right - left, h: bottom - top, row: r, span: 1 };
      above.set(key, cell);
      cells.push(cell);
    }
    if (cells.length) rows.push(cells);
  }
  return rows;
}

/** The image with its ruling lines painted white (OCR reads digits next to lines as 1 or |). */
export function whitenLines(img: Gray, hLines: number[], vLines: number[]): Gray {
  const data = img.data.slice();
  const slack = slackOf(img) + 1;
  for (const y of hLines)
    for (let d = -slack; d <= slack; d++) {
      const yy = y + d;
      if (yy >= 0 && yy < img.height) data.fill(255, yy * img.width, (yy + 1) * img.width);
    }
  for (const x of vLines)
    for (let y = 0; y < img.height; y++)
      for (let d = -slack; d <= slack; d++) {
        const xx = x + d;
        if (xx >= 0 && xx < img.width) data[y * img.width + xx] = 255;
      }
  return { ...img, data };
}

export function crop(img: Gray, x: number, y: number, w: number, h: number): Gray {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(img.width, Math.round(x + w));
  const y1 = Math.min(img.height, Math.round(y + h));
  const out = new Uint8Array((x1 - x0) * (y1 - y0));
  for (let yy = y0; yy < y1; yy++) out.set(img.data.subarray(yy * img.width + x0, yy * img.width + x1), (yy - y0) * (x1 - x0));
  return { width: x1 - x0, height: y1 - y0, data: out };
}

/**
 * Ink black, paper white. For a cell read on its own: JPEG ringing and anti-aliasing leave a light
 * grey haze that makes Tesseract see nothing at all in a cell holding one digit.
 */
export function binarize(img: Gray, threshold: number): Gray {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i] < threshold ? 0 : 255;
  return { ...img, data };
}

/** Is there any ink in this region (after the lines are whitened)? */
export function hasInk(img: Gray, x: number, y: number, w: number, h: number): boolean {
  // A lighter bar than for lines: a one-pixel "1" at 1x is anti-aliased grey, not black.
  let dark = 0;
  for (let yy = Math.max(0, y); yy < Math.min(img.height, y + h); yy++)
    for (let xx = Math.max(0, x); xx < Math.min(img.width, x + w); xx++) if (img.data[yy * img.width + xx] < 200) dark++;
  return dark >= 4;
}

/**
 * The small rotation of a scanned or screenshot table, in degrees (±1.5° searched): the angle that
 * makes ruling lines and text rows line up into the sharpest horizontal profile.
 */
export function skewAngle(img: Gray): number {
  const { width: w, height: h, data } = img;
  const pts: number[] = [];
  // Every row (skipping rows aliases thin lines away), every few columns.
  const step = Math.max(1, Math.round((w * h) / 1_500_000));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x += step) if (data[y * w + x] < DARK) pts.push(x, y);
  let best = 0;
  let bestScore = -1;
  const bins = new Float64Array(h + 2 * w);
  for (let a = -1.5; a <= 1.5001; a += 0.05) {
    const t = Math.tan((a * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < pts.length; i += 2) bins[Math.round(pts[i + 1] - pts[i] * t) + w]++;
    let score = 0;
    for (let i = 0; i < bins.length; i++) score += bins[i] * bins[i];
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return Math.abs(best) < 0.04 ? 0 : best;
}

/** The image rotated by -angle (nearest neighbour, paper white outside). */
export function rotate(img: Gray, angleDeg: number): Gray {
  if (!angleDeg) return img;
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h).fill(255);
  const t = (angleDeg * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // Where this output pixel came from in the skewed picture.
      const sx = Math.round(cos * (x - cx) - sin * (y - cy) + cx);
      const sy = Math.round(sin * (x - cx) + cos * (y - cy) + cy);
      if (sx >= 0 && sy >= 0 && sx < w && sy < h) out[y * w + x] = data[sy * w + sx];
    }
  return { width: w, height: h, data: out };
}

/**
 * The usual height of a line of text, in pixels: the median height of the bands of rows holding
 * ink (ruling lines, a pixel or two high, are left out). 0 when there is no text.
 */
export function textHeight(img: Gray): number {
  const { width: w, height: h, data } = img;
  const bands: number[] = [];
  let run = 0;
  for (let y = 0; y <= h; y++) {
    let ink = 0;
    if (y < h) for (let x = 0; x < w; x++) if (data[y * w + x] < DARK) ink++;
    // A row of a ruling line is mostly ink; a row of text is a little.
    const text = ink > 0 && ink < w * 0.5;
    if (text) run++;
    else {
      if (run >= 5) bands.push(run);
      run = 0;
    }
  }
  bands.sort((a, b) => a - b);
  return bands.length ? bands[Math.floor(bands.length / 2)] : 0;
}

/** The picture at twice the size (bilinear): Tesseract reads small Chinese text far better so. */
export function upscale2(img: Gray): Gray {
  const { width: w, height: h, data } = img;
  const W = w * 2;
  const H = h * 2;
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    const sy = Math.max(0, Math.min(h - 1, (y - 0.5) / 2));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < W; x++) {
      const sx = Math.max(0, Math.min(w - 1, (x - 0.5) / 2));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = sx - x0;
      const top = data[y0 * w + x0] * (1 - fx) + data[y0 * w + x1] * fx;
      const bottom = data[y1 * w + x0] * (1 - fx) + data[y1 * w + x1] * fx;
      out[y * W + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width: W, height: H, data: out };
}
