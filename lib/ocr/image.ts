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
 * short). Lines that stop at merged cells still count; adjacent hits merge into one line, and so do
 * the strokes of a double rule (no cell fits between them). A band too thick to be a rule is a
 * filled block (a dark header): its edges are the lines. A line that is not drawn from one crossing
 * line to the next anywhere is no rule (the upright stroke of a character crossing a rule).
 */
export function rulingLines(img: Gray, axis: 'h' | 'v'): number[] {
  let g = gridCache.get(img);
  if (!g) {
    g = crossChecked(img, lineCandidates(img, 'h'), lineCandidates(img, 'v'));
    gridCache.set(img, g);
  }
  return g[axis];
}

const gridCache = new WeakMap<Gray, { h: number[]; v: number[] }>();

/** Rows (or columns) with a long dark run, as bands of adjacent hits. */
function hitBands(img: Gray, axis: 'h' | 'v'): { first: number; last: number }[] {
  const { width: w, height: h, data } = img;
  const len = axis === 'h' ? w : h;
  const count = axis === 'h' ? h : w;
  const slack = slackOf(img);
  const minRun = Math.max(24, Math.round(len * 0.12));
  const isDark = (i: number, j: number) => data[axis === 'h' ? i * w + j : j * w + i] < DARK;
  const bands: { first: number; last: number }[] = [];
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
    if (best < minRun) continue;
    const prev = bands[bands.length - 1];
    // A gap of a few rows between strokes: the two lines of a double rule (slack already bridges 2·slack+1 px).
    if (prev && i - prev.last - 1 <= 2 * slack) prev.last = i;
    else bands.push({ first: i, last: i });
  }
  return bands;
}

function lineCandidates(img: Gray, axis: 'h' | 'v'): number[] {
  const slack = slackOf(img);
  const bands = hitBands(img, axis);
  // Thickness of the ink itself (hits reach `slack` beyond it on each side).
  const ink = (b: { first: number; last: number }) => Math.max(1, b.last - b.first + 1 - 2 * slack);
  const sorted = bands.map(ink).sort((a, b) => a - b);
  const usual = sorted.length ? sorted[sorted.length >> 1] : 1;
  const lines: number[] = [];
  for (const b of bands) {
    const t = ink(b);
    if (t >= 8 && t > 4 * usual) lines.push(b.first + slack, b.last - slack);
    else lines.push(Math.round((b.first + b.last) / 2));
  }
  return lines;
}

/**
 * Lines kept only where they are drawn across some cell: each upright line from one horizontal line
 * to the next somewhere, then each horizontal line from one kept upright line to the next. Without
 * two crossing lines nothing can be checked, and all are kept.
 */
function crossChecked(img: Gray, h: number[], v: number[]): { h: number[]; v: number[] } {
  const across = (axis: 'h' | 'v', at: number, cross: number[]) => {
    for (let i = 0; i + 1 < cross.length; i++) {
      const inset = Math.max(3, Math.round((cross[i + 1] - cross[i]) * 0.08));
      if (drawn(img, axis, at, cross[i] + inset, cross[i + 1] - inset)) return true;
    }
    return false;
  };
  const vKept = h.length >= 2 ? v.filter((x) => across('v', x, h)) : v;
  const hKept = vKept.length >= 2 ? h.filter((y) => across('h', y, vKept)) : h;
  return { h: hKept, v: vKept };
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

/**
 * Is a ruling line drawn from `from` to `to` at `at`? One unbroken run (in some row, or column, within
 * the slack) over the whole stretch, ends included: text written across the place (a label centred
 * on a row boundary under a merged cell) has gaps between characters and stops short of the lines.
 */
export function drawn(img: Gray, axis: 'h' | 'v', at: number, from: number, to: number): boolean {
  const slack = slackOf(img);
  const len = to - from;
  if (len <= 2) return false;
  const dark = (k: number, j: number) => {
    const x = axis === 'h' ? j : k;
    const y = axis === 'h' ? k : j;
    return x >= 0 && y >= 0 && x < img.width && y < img.height && img.data[y * img.width + x] < DARK;
  };
  // The line may step a pixel sideways along the stretch (a picture straightened to within a
  // fraction of a degree): followed from pixel to pixel, never more than the slack from its place.
  let run = 0;
  let best = 0;
  let k = -1;
  for (let j = from; j < to; j++) {
    const near = [k, k - 1, k + 1].filter((c) => c >= at - slack - 1 && c <= at + slack + 1 && dark(c, j));
    if (k >= 0 && near.length) k = near[0];
    else {
      k = -1;
      for (let d = 0; d <= slack + 1 && k < 0; d++) k = dark(at + d, j) ? at + d : dark(at - d, j) ? at - d : -1;
    }
    run = k >= 0 ? (near.length ? run + 1 : 1) : 0;
    if (run > best) best = run;
  }
  return best >= len * 0.92;
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
    const inset = Math.max(3, Math.round((bottom - top) * 0.08));
    const crossing = vLines.filter((x, i) => i === 0 || i === vLines.length - 1 || drawn(img, 'v', x, top + inset, bottom - inset));
    const cells: GridCell[] = [];
    for (let c = 0; c + 1 < crossing.length; c++) {
      const left = crossing[c];
      const right = crossing[c + 1];
      const pad = Math.max(3, Math.round((right - left) * 0.08));
      const key = `${left}-${right}`;
      const prev = above.get(key);
      // No line above this stretch: the cell above continues here (rowspan).
      if (r > 0 && prev && !drawn(img, 'h', top, left + pad, right - pad)) {
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

/**
 * The image with its ruling lines painted white (OCR reads digits next to lines as 1 or |). With the
 * ink mask, only the stretches of a line that are really drawn (between two crossing lines): a line
 * that stops at a merged cell must not cut through the label written across it.
 */
export function whitenLines(img: Gray, hLines: number[], vLines: number[], thickness = 1, mask?: Gray): Gray {
  const data = img.data.slice();
  const slack = slackOf(img) + 1 + Math.max(0, Math.ceil((thickness - 1) / 2));
  const paint = (x0: number, x1: number, y0: number, y1: number) => {
    for (let y = Math.max(0, y0); y <= Math.min(img.height - 1, y1); y++) data.fill(255, y * img.width + Math.max(0, x0), y * img.width + Math.min(img.width - 1, x1) + 1);
  };
  const segmented = mask && hLines.length >= 2 && vLines.length >= 2;
  for (const y of hLines) {
    if (!segmented) {
      paint(0, img.width - 1, y - slack, y + slack);
      continue;
    }
    for (let j = 0; j + 1 < vLines.length; j++) {
      const [a, b] = [vLines[j], vLines[j + 1]];
      const pad = Math.max(3, Math.round((b - a) * 0.08));
      if (drawn(mask, 'h', y, a + pad, b - pad)) paint(a - slack, b + slack, y - slack, y + slack);
    }
    // Beyond the outer lines (a table's overhang).
    paint(0, vLines[0] - slack - 1, y - slack, y + slack);
    paint(vLines[vLines.length - 1] + slack + 1, img.width - 1, y - slack, y + slack);
  }
  for (const x of vLines) {
    if (!segmented) {
      paint(x - slack, x + slack, 0, img.height - 1);
      continue;
    }
    for (let i = 0; i + 1 < hLines.length; i++) {
      const [a, b] = [hLines[i], hLines[i + 1]];
      const inset = Math.max(3, Math.round((b - a) * 0.08));
      if (drawn(mask, 'v', x, a + inset, b - inset)) paint(x - slack, x + slack, a - slack, b + slack);
    }
    paint(x - slack, x + slack, 0, hLines[0] - slack - 1);
    paint(x - slack, x + slack, hLines[hLines.length - 1] + slack + 1, img.height - 1);
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
  // A turn that moves no pixel by more than about one straightens nothing, but puts a one-pixel jog
  // into every line of text it crosses.
  const shift = Math.tan((Math.abs(best) * Math.PI) / 180) * Math.max(w, h);
  return Math.abs(best) < 0.04 || shift < 1.5 ? 0 : best;
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

/**
 * Ink by local contrast (Sauvola, over integral images): a pixel is ink when it is darker than its
 * neighbourhood's mean by a margin that shrinks where the neighbourhood varies (text, lines) and
 * grows where it is flat (paper, a filled header). A grey or coloured header fill is then paper, and
 * a light grey rule on it still ink. Black ink (0), paper white (255): the structure functions above
 * (ruling lines, cells, ink tests) take this in place of the picture.
 */
export function inkMask(img: Gray, radius = 16, k = 0.2, faint = false): Gray {
  const { width: w, height: h, data } = img;
  const W = w + 1;
  const sum = new Float64Array(W * (h + 1));
  const sq = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let rs = 0;
    let rq = 0;
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x];
      rs += v;
      rq += v * v;
      sum[(y + 1) * W + x + 1] = sum[y * W + x + 1] + rs;
      sq[(y + 1) * W + x + 1] = sq[y * W + x + 1] + rq;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x];
      let ink: boolean;
      if (v < 90) ink = true;
      else if (v > 235) ink = false;
      else {
        const x0 = Math.max(0, x - radius);
        const x1 = Math.min(w, x + radius + 1);
        const n = (x1 - x0) * (y1 - y0);
        const s = sum[y1 * W + x1] - sum[y0 * W + x1] - sum[y1 * W + x0] + sum[y0 * W + x0];
        const q = sq[y1 * W + x1] - sq[y0 * W + x1] - sq[y1 * W + x0] + sq[y0 * W + x0];
        const m = s / n;
        const sd = Math.sqrt(Math.max(0, q / n - m * m));
        // Sauvola's threshold, and never less contrast than a faint anti-aliased stroke has.
        ink = v < m * (1 + k * (sd / 128 - 1)) && m - v > 20;
      }
      out[y * w + x] = ink ? 0 : 255;
    }
  }
  const mask = { width: w, height: h, data: out };
  return faint ? withFaintRules(img, mask, radius) : mask;
}

/** A copy of an ink mask of `img` (made with this radius) with the picture's faint rules marked too. */
export function withFaintRules(img: Gray, mask: Gray, radius = 16): Gray {
  const data = mask.data.slice();
  faintRules(img, data, Math.max(24, 2 * radius));
  return { ...mask, data };
}

/** How much darker than the paper on both sides a faint rule is (a pale 0.5 px rule blends to ~20). */
const RIDGE = 16;

/**
 * Faint thin rules marked as ink in `out`: a pale rule (light blue at half a pixel, grey next to a
 * dark fill that pulls the local mean down) has too little contrast for the threshold above, but it
 * is thin (darker than the paper 2–3 px to either side) and long, which no faint stroke of text is.
 * Runs of such pixels along a row (or column), crossings bridged, at least `minRun` long.
 */
function faintRules(img: Gray, out: Uint8Array, minRun: number): void {
  const { width: w, height: h, data } = img;
  const bridge = 8;
  for (const axis of ['h', 'v'] as const) {
    const len = axis === 'h' ? w : h;
    const count = axis === 'h' ? h : w;
    const at = (i: number, j: number) => (axis === 'h' ? i * w + j : j * w + i);
    const ridge = (i: number, j: number) => {
      const v = data[at(i, j)] + RIDGE;
      for (const r of [2, 3]) if (i - r >= 0 && i + r < count && v <= data[at(i - r, j)] && v <= data[at(i + r, j)]) return true;
      return false;
    };
    for (let i = 0; i < count; i++) {
      let start = -1;
      let last = -1;
      let n = 0;
      const flush = () => {
        // Mostly ridge over the stretch: a rule, not a few specks strung together.
        if (start >= 0 && last - start + 1 >= minRun && n >= (last - start + 1) * 0.7) for (let j = start; j <= last; j++) if (ridge(i, j)) out[at(i, j)] = 0;
      };
      for (let j = 0; j < len; j++) {
        if (!ridge(i, j)) continue;
        if (start < 0 || j - last > bridge) {
          flush();
          start = j;
          n = 0;
        }
        last = j;
        n++;
      }
      flush();
    }
  }
}

/**
 * The picture with everything that is not ink (or next to ink) made white: fills, JPEG haze and
 * shading go; the ink keeps its grey edges (Tesseract reads anti-aliased glyphs better than hard ones).
 */
export function flatten(img: Gray, mask: Gray): Gray {
  const { width: w, height: h } = img;
  const out = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let near = false;
      for (let dy = -1; dy <= 1 && !near; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx >= 0 && xx < w && mask.data[yy * w + xx] === 0) {
            near = true;
            break;
          }
        }
      }
      if (near) out[y * w + x] = img.data[y * w + x];
    }
  return { width: w, height: h, data: out };
}

/**
 * How thick the ruling lines are (pixels, the median over samples along them): thick rules (3 px at
 * 2x is 6 px) must be painted out whole, or their edges read as "1".
 */
export function lineThickness(mask: Gray, hLines: number[], vLines: number[]): number {
  const { width: w, height: h, data } = mask;
  const dark = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] < DARK;
  const widths: number[] = [];
  const LIMIT = 12;
  // Across the line through sample (x, y): the dark stroke there, and the further strokes of a double
  // rule (paper gaps no wider than the stroke, or 2 px). Null at the edge of a filled block (the dark
  // goes on): that is no rule's thickness.
  const across = (isDark: (k: number) => boolean, c: number): number | null => {
    let a = c;
    let b = c;
    while (a > c - LIMIT && isDark(a - 1)) a--;
    while (b < c + LIMIT && isDark(b + 1)) b++;
    if (a <= c - LIMIT || b >= c + LIMIT) return null;
    const gap = Math.max(2, b - a + 1);
    const extend = (from: number, step: 1 | -1) => {
      let end = from;
      for (;;) {
        let k = end + step;
        let paper = 0;
        while (paper <= gap && !isDark(k) && Math.abs(k - c) <= LIMIT) (k += step), paper++;
        if (!paper || paper > gap || Math.abs(k - c) > LIMIT || !isDark(k)) return end;
        let e = k;
        while (Math.abs(e + step - c) <= LIMIT && isDark(e + step)) e += step;
        // The next stroke must end in paper too (not the top of a character standing there).
        if (Math.abs(e + step - c) > LIMIT || e - k + 1 > gap) return end;
        end = e;
      }
    };
    return extend(b, 1) - extend(a, -1) + 1;
  };
  for (const y of hLines)
    for (let i = 1; i < 24; i++) {
      const x = Math.round((w * i) / 24);
      let c = -1;
      for (let d = -2; d <= 2; d++) if (dark(x, y + d)) c = y + d;
      if (c < 0) continue;
      const t = across((k) => dark(x, k), c);
      if (t !== null) widths.push(t);
    }
  for (const x of vLines)
    for (let i = 1; i < 24; i++) {
      const y = Math.round((h * i) / 24);
      let c = -1;
      for (let d = -2; d <= 2; d++) if (dark(x + d, y)) c = x + d;
      if (c < 0) continue;
      const t = across((k) => dark(k, y), c);
      if (t !== null) widths.push(t);
    }
  widths.sort((a, b) => a - b);
  return widths.length ? widths[Math.floor(widths.length / 2)] : 1;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The glyphs of a short line (a cell's number), left to right: runs of columns holding ink, split
 * at columns without any (digits stand apart). Specks (a stray dot, a residue of a line) are left out.
 * `mask` is ink black on white (inkMask).
 */
export function glyphBoxes(mask: Gray): Box[] {
  const { width: w, height: h } = mask;
  const data = withoutSpecks(mask);
  const runs: Box[] = [];
  let cur: Box | null = null;
  for (let x = 0; x <= w; x++) {
    let y0 = -1;
    let y1 = -1;
    if (x < w)
      for (let y = 0; y < h; y++)
        if (data[y * w + x] < DARK) {
          if (y0 < 0) y0 = y;
          y1 = y;
        }
    if (y0 >= 0) {
      if (cur) {
        cur.x1 = x;
        cur.y0 = Math.min(cur.y0, y0);
        cur.y1 = Math.max(cur.y1, y1);
      } else cur = { x0: x, x1: x, y0, y1 };
    } else if (cur) {
      runs.push(cur);
      cur = null;
    }
  }
  const tall = Math.max(0, ...runs.map((r) => r.y1 - r.y0 + 1));
  // A sliver at the edge is what is left of a ruling line, not a glyph.
  const sliver = (r: Box) => r.x1 - r.x0 < 2 && (r.x0 === 0 || r.x1 === w - 1);
  const kept = runs.filter((r) => r.y1 - r.y0 + 1 >= Math.max(3, tall * 0.45) && !sliver(r));
  return kept.flatMap((r) => splitTouching(r, data, w, tall));
}

/** Wider than this many times the digits' height, a run holds two digits or more (no digit is). */
const TOUCHING = 0.92;

/**
 * A run of ink too wide for one digit: digits that touch (a scan's blur closes the gap of "11" or
 * "12"), split where the ink is thinnest in its middle part, and each part again if still too wide.
 */
function splitTouching(r: Box, data: Uint8Array, w: number, tall: number): Box[] {
  const width = r.x1 - r.x0 + 1;
  if (tall < 8 || width <= tall * TOUCHING) return [r];
  let best = -1;
  let least = Infinity;
  for (let x = r.x0 + Math.round(width * 0.3); x <= r.x1 - Math.round(width * 0.3); x++) {
    let n = 0;
    for (let y = r.y0; y <= r.y1; y++) if (data[y * w + x] < DARK) n++;
    if (n < least) [least, best] = [n, x];
  }
  if (best < 0) return [r];
  const bounds = (x0: number, x1: number): Box => {
    let y0 = r.y1;
    let y1 = r.y0;
    for (let x = x0; x <= x1; x++)
      for (let y = r.y0; y <= r.y1; y++)
        if (data[y * w + x] < DARK) {
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
    return { x0, x1, y0: Math.min(y0, y1), y1: Math.max(y0, y1) };
  };
  return [...splitTouching(bounds(r.x0, best - 1), data, w, tall), ...splitTouching(bounds(best + 1, r.x1), data, w, tall)];
}

/**
 * The ink of a mask with its specks made paper: connected pieces of ink far smaller than the
 * largest (grain of a scan, a JPEG artefact) that would join or split the columns of the glyphs.
 * A piece is kept when it is at least a third as tall as the tallest or a quarter its area
 * (a decimal point is small but not tiny; it is left out of the count either way).
 */
function withoutSpecks(mask: Gray): Uint8Array {
  const { width: w, height: h, data } = mask;
  const label = new Int32Array(w * h).fill(-1);
  const pieces: { area: number; top: number; bottom: number }[] = [];
  const stack: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (data[i] >= DARK || label[i] >= 0) continue;
    const id = pieces.length;
    const p = { area: 0, top: h, bottom: -1 };
    label[i] = id;
    stack.push(i);
    while (stack.length) {
      const j = stack.pop()!;
      const x = j % w;
      const y = (j - x) / w;
      p.area++;
      p.top = Math.min(p.top, y);
      p.bottom = Math.max(p.bottom, y);
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const k = ny * w + nx;
          if (data[k] < DARK && label[k] < 0) {
            label[k] = id;
            stack.push(k);
          }
        }
    }
    pieces.push(p);
  }
  if (pieces.length < 2) return data;
  const tallest = Math.max(...pieces.map((p) => p.bottom - p.top + 1));
  const largest = Math.max(...pieces.map((p) => p.area));
  const keep = pieces.map((p) => p.bottom - p.top + 1 >= tallest / 3 || p.area >= largest / 4);
  if (keep.every(Boolean)) return data;
  const out = new Uint8Array(data);
  for (let i = 0; i < out.length; i++) if (label[i] >= 0 && !keep[label[i]]) out[i] = 255;
  return out;
}

/**
 * What the holes of a glyph say about it, for the digits Tesseract mixes up (a serif 6 read as 0):
 * '8' two holes one above the other, '0' one tall hole (or two side by side: a dotted or slashed
 * zero), '6' one hole low, '9' one hole high; null
 * when the holes say nothing (no hole, a hole in the middle, anything else).
 */
export function holeShape(mask: Gray, b: Box): '0' | '6' | '8' | '9' | null {
  const w = b.x1 - b.x0 + 1;
  const h = b.y1 - b.y0 + 1;
  if (w < 3 || h < 6) return null;
  const ink = (x: number, y: number) => mask.data[(b.y0 + y) * mask.width + b.x0 + x] < DARK;
  // 0 unvisited paper, 1 outside (reached from the border), 2+ holes.
  const seen = new Int32Array(w * h);
  const fill = (sx: number, sy: number, label: number) => {
    const stack = [sx, sy];
    let area = 0;
    let top = h;
    let bottom = -1;
    while (stack.length) {
      const y = stack.pop()!;
      const x = stack.pop()!;
      if (x < 0 || y < 0 || x >= w || y >= h || seen[y * w + x] || ink(x, y)) continue;
      seen[y * w + x] = label;
      area++;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      stack.push(x + 1, y, x - 1, y, x, y + 1, x, y - 1);
    }
    return { area, top, bottom };
  };
  for (let x = 0; x < w; x++) {
    fill(x, 0, 1);
    fill(x, h - 1, 1);
  }
  for (let y = 0; y < h; y++) {
    fill(0, y, 1);
    fill(w - 1, y, 1);
  }
  const holes: { top: number; bottom: number }[] = [];
  let label = 2;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (!seen[y * w + x] && !ink(x, y)) {
        const r = fill(x, y, label++);
        if (r.area >= Math.max(2, w * h * 0.015)) holes.push(r);
      }
  if (holes.length === 2) {
    const [a, c] = holes.sort((p, q) => p.top - q.top);
    if (a.bottom <= c.top + 1) {
      // An 8 pinches in where its loops meet; a zero whose dot ran into its sides (a monospaced
      // dotted zero) is as wide there as anywhere.
      const extent = (y: number) => {
        let x0 = -1;
        let x1 = -1;
        for (let x = 0; x < w; x++) if (ink(x, y)) [x0, x1] = [x0 < 0 ? x : x0, x];
        return x0 < 0 ? 0 : x1 - x0 + 1;
      };
      const widest = Math.max(...Array.from({ length: h }, (_, y) => extent(y)));
      const waist = Math.min(...Array.from({ length: Math.max(1, c.top - a.bottom - 1) }, (_, k) => extent(Math.min(h - 1, a.bottom + 1 + k))));
      return waist >= widest && c.top - a.bottom - 1 >= 3 ? '0' : '8';
    }
    // Side by side, each most of the glyph's height: a zero with a dot or a slash across it
    // (monospaced fonts), which OCR reads as 8.
    const tall = (r: { top: number; bottom: number }) => (r.bottom - r.top + 1) / h > 0.4;
    const overlap = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top) + 1;
    return tall(a) && tall(c) && overlap > 0.6 * Math.min(a.bottom - a.top + 1, c.bottom - c.top + 1) ? '0' : null;
  }
  if (holes.length !== 1) return null;
  const top = holes[0].top / h;
  const bottom = (holes[0].bottom + 1) / h;
  if (bottom - top > 0.5) return '0';
  const centre = (top + bottom) / 2;
  return centre > 0.58 ? '6' : centre < 0.42 ? '9' : null;
}

/**
 * A number read from a cell, with 0, 6, 8 and 9 put right by the holes of their glyphs when the
 * reading has as many digits as the cell has glyphs. `changed` when a digit was put right.
 */
export function byHoles(text: string, mask: Gray): { text: string; changed: boolean } {
  const boxes = glyphBoxes(mask);
  const digits = [...text];
  if (!/^\d+$/.test(text) || boxes.length !== digits.length) return { text, changed: false };
  let changed = false;
  const out = digits.map((d, i) => {
    if (!'0689'.includes(d)) return d;
    const s = holeShape(mask, boxes[i]);
    if (s && s !== d) changed = true;
    return s ?? d;
  });
  return { text: out.join(''), changed };
}

/** Longest gap between the dashes (or dots) of one rule: CSS draws dashes ~3 widths long; 2x doubles. */
const DASH_GAP = 8;

/**
 * Dashed and dotted rules joined into solid lines, so that the grid is found as for solid rules; null
 * when the picture has none. A run of dark pieces along one row (or column) is a rule when the pieces
 * are alike (dashes, not the strokes of characters; a few longer where rules cross), the gaps short,
 * the run long, and the rows a few pixels off are light there (a rule is thin, a line of text tall).
 */
export function bridgeDashes(mask: Gray): Gray | null {
  const out = new Uint8Array(mask.data);
  let bridged = 0;
  for (const axis of ['h', 'v'] as const) {
    const len = axis === 'h' ? mask.width : mask.height;
    const count = axis === 'h' ? mask.height : mask.width;
    const at = (i: number, j: number) => (axis === 'h' ? i * mask.width + j : j * mask.width + i);
    const dark = (i: number, j: number) => i >= 0 && i < count && mask.data[at(i, j)] < DARK;
    // Longer than for solid rules: stacked characters can look like a short dotted line.
    const minRun = Math.max(40, Math.round(len * 0.3));
    for (let i = 0; i < count; i++) {
      const pieces: [number, number][] = [];
      for (let j = 0; j < len; ) {
        if (!dark(i, j)) {
          j++;
          continue;
        }
        const s = j;
        while (j < len && dark(i, j)) j++;
        pieces.push([s, j]);
      }
      for (let p = 0; p < pieces.length; ) {
        let q = p;
        while (q + 1 < pieces.length && pieces[q + 1][0] - pieces[q][1] <= DASH_GAP) q++;
        const run = pieces.slice(p, q + 1);
        p = q + 1;
        const a = run[0][0];
        const b = run[run.length - 1][1];
        if (run.length < 6 || b - a < minRun) continue;
        const lens = run.map(([s, e]) => e - s).sort((x, y) => x - y);
        const median = lens[lens.length >> 1];
        const p90 = lens[Math.floor(lens.length * 0.9)];
        const on = lens.reduce((x, y) => x + y, 0);
        if (p90 > 14 || p90 > Math.max(3 * median, median + 3) || on < (b - a) * 0.3) continue;
        const cover = (k: number) => {
          let n = 0;
          for (let j = a; j < b; j++) if (dark(k, j)) n++;
          return n / (b - a);
        };
        if (cover(i - 4) > 0.25 || cover(i + 4) > 0.25) continue;
        for (let j = a; j < b; j++) out[at(i, j)] = 0;
        bridged++;
      }
    }
  }
  return bridged ? { width: mask.width, height: mask.height, data: out } : null;
}

