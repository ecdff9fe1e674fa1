import { describe, expect, it } from 'vitest';
import { binarize, byHoles, drawn, holeShape, flatten, glyphBoxes, gridCells, inkMask, lineThickness, rulingLines, skewAngle, textHeight, upscale2, whitenLines, type Gray } from './image';

const gray = (width: number, height: number, ink: (x: number, y: number) => boolean): Gray => {
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink(x, y)) data[y * width + x] = 0;
  return { width, height, data };
};

describe('picture helpers', () => {
  it('measures the height of text lines, not of ruling lines', () => {
    // Two "lines of text" 12 px high (short strokes), a full-width ruling line between them.
    const img = gray(200, 60, (x, y) => (y === 30 ? true : (y >= 5 && y < 17) || (y >= 40 && y < 52) ? x % 10 === 0 : false));
    expect(textHeight(img)).toBe(12);
    expect(textHeight(gray(50, 50, () => false))).toBe(0);
  });

  it('doubles a picture, keeping black black and white white', () => {
    const img = gray(4, 2, (x) => x < 2);
    const big = upscale2(img);
    expect([big.width, big.height]).toEqual([8, 4]);
    expect(big.data[0]).toBe(0);
    expect(big.data[7]).toBe(255);
  });

  it('makes grey haze paper and dark strokes ink', () => {
    const img: Gray = { width: 3, height: 1, data: Uint8Array.from([40, 170, 230]) };
    expect([...binarize(img, 160).data]).toEqual([0, 255, 255]);
  });

  // A ruled table of 3 rows x 3 columns, 1 px grey rules (#a6a6a6 = 166, lighter than a global cut
  // at 150), its first row filled grey (#bfbfbf = 191) with black text strokes in it.
  const table = (): Gray => {
    const W = 300;
    const H = 120;
    const data = new Uint8Array(W * H).fill(255);
    for (let y = 10; y < 50; y++) for (let x = 10; x < 290; x++) data[y * W + x] = 191;
    const rule = 166;
    for (const y of [10, 50, 80, 110]) for (let x = 10; x <= 290; x++) data[y * W + x] = rule;
    for (const x of [10, 100, 200, 290]) for (let y = 10; y <= 110; y++) data[y * W + x] = rule;
    // "text": short strokes in the filled header and in a body cell.
    for (let y = 22; y < 38; y++) for (const x of [40, 44, 48, 130, 134]) data[y * W + x] = 20;
    for (let y = 58; y < 72; y++) for (const x of [140, 146]) data[y * W + x] = 30;
    return { width: W, height: H, data };
  };

  it('tells ink from paper by local contrast: a grey fill is paper, a light grey rule on it is ink', () => {
    const img = table();
    const mask = inkMask(img);
    const at = (x: number, y: number) => mask.data[y * img.width + x];
    expect(at(60, 30)).toBe(255); // the fill
    expect(at(40, 30)).toBe(0); // a stroke in the fill
    expect(at(60, 10)).toBe(0); // the grey rule above the fill
    expect(at(60, 50)).toBe(0); // the rule below it
    expect(at(150, 95)).toBe(255); // paper
    // A global cut at 150 finds no line at all; the mask finds all of them.
    expect(rulingLines(img, 'h')).toEqual([]);
    expect(rulingLines(mask, 'h')).toEqual([10, 50, 80, 110]);
    expect(rulingLines(mask, 'v')).toEqual([10, 100, 200, 290]);
    expect(lineThickness(mask, [10, 50, 80, 110], [10, 100, 200, 290])).toBe(1);
    // The fill flattened to paper, the strokes kept.
    const flat = flatten(img, mask);
    expect(flat.data[30 * img.width + 60]).toBe(255);
    expect(flat.data[30 * img.width + 40]).toBe(20);
  });

  it('paints out only the stretches of a line that are drawn, not a label written across a merged cell', () => {
    // Two rows; the middle line stops short of the left column (a label spans both rows there).
    const W = 200;
    const H = 100;
    const data = new Uint8Array(W * H).fill(255);
    for (const y of [10, 50, 90]) for (let x = y === 50 ? 80 : 10; x <= 190; x++) data[y * W + x] = 0;
    for (const x of [10, 80, 190]) for (let y = 10; y <= 90; y++) data[y * W + x] = 0;
    // A label stroke across the row boundary in the merged cell.
    for (let x = 30; x < 60; x++) data[50 * W + x] = 0;
    const img: Gray = { width: W, height: H, data };
    expect(drawn(img, 'h', 50, 83, 187)).toBe(true);
    expect(drawn(img, 'h', 50, 13, 77)).toBe(false);
    const clean = whitenLines(img, [10, 50, 90], [10, 80, 190], 1, img);
    expect(clean.data[50 * W + 40]).toBe(0); // the label's stroke is kept
    expect(clean.data[50 * W + 120]).toBe(255); // the line is gone
    // The left cell spans both rows.
    const grid = gridCells(img, [10, 50, 90], [10, 80, 190]);
    expect(grid[0][0].span).toBe(2);
  });

  it('finds the glyphs of a number, leaving out a sliver of a ruling line at the edge', () => {
    const img = gray(40, 20, (x, y) => (y >= 4 && y < 16 && (x === 10 || x === 11 || x === 20 || x === 21)) || x === 0);
    expect(glyphBoxes(img).map((b) => [b.x0, b.x1])).toEqual([
      [10, 11],
      [20, 21],
    ]);
  });

  it('counts the glyphs of a grainy scan: specks neither join two glyphs nor make one', () => {
    // Two 4 x 12 glyphs, specks in the gap between them (joining their columns), above and below
    // them (stretching a column's height) and alone at the right.
    const glyph = (x: number, y: number) => y >= 4 && y < 16 && ((x >= 8 && x < 12) || (x >= 16 && x < 20));
    const speck = (x: number, y: number) => (x === 13 && y === 1) || (x === 14 && y === 18) || (x === 13 && y === 10) || (x === 17 && y === 1) || (x === 30 && y === 2) || (x === 30 && y === 17);
    const img = gray(40, 20, (x, y) => glyph(x, y) || speck(x, y));
    expect(glyphBoxes(img).map((b) => [b.x0, b.x1, b.y0, b.y1])).toEqual([
      [8, 11, 4, 15],
      [16, 19, 4, 15],
    ]);
  });

  it('tells 0, 6, 8 and 9 by their holes, and puts a misread digit right', () => {
    // 9 x 14 glyphs, ink 1 px around their holes.
    const ring = (x: number, y: number, top: number, bottom: number) => (y >= top && y <= bottom && (x === 1 || x === 7 || y === top || y === bottom)) || false;
    const zero = gray(9, 14, (x, y) => ring(x, y, 0, 13));
    const six = gray(9, 14, (x, y) => ring(x, y, 6, 13) || (x === 1 && y < 6) || (y === 0 && x < 7));
    const nine = gray(9, 14, (x, y) => ring(x, y, 0, 7) || (x === 7 && y > 7) || (y === 13 && x > 1));
    const eight = gray(9, 14, (x, y) => ring(x, y, 0, 6) || ring(x, y, 6, 13));
    const box = { x0: 0, y0: 0, x1: 8, y1: 13 };
    expect([zero, six, nine, eight].map((g) => holeShape(g, box))).toEqual(['0', '6', '9', '8']);
    expect(holeShape(gray(9, 14, (x) => x === 4), box)).toBeNull();
    // A slashed or dotted zero (its dot run into the ring): two holes side by side, still a zero.
    const slashed = gray(9, 14, (x, y) => ring(x, y, 0, 13) || x === 4 || (x === 3 && y < 7) || (x === 5 && y >= 7));
    expect(holeShape(slashed, box)).toBe('0');
    // A dotted zero whose dot ran into both sides: two holes one above the other like an 8, but no
    // waist where they meet (an 8 pinches in there).
    const round = (x: number, y: number) => x >= 1 && x <= 7 && (ring(x, y, 0, 13) && !((y === 0 || y === 13) && (x === 1 || x === 7)));
    const dottedRun = gray(9, 14, (x, y) => round(x, y) || (y >= 5 && y <= 8 && x >= 1 && x <= 7));
    expect(holeShape(dottedRun, box)).toBe('0');
    const pinched = gray(9, 14, (x, y) => (ring(x, y, 0, 5) || ring(x, y, 9, 13) || (y >= 6 && y <= 8 && x >= 2 && x <= 6)) && !((y === 7) && (x === 1 || x === 7)));
    expect(holeShape(pinched, box)).toBe('8');
    // A dot standing free inside the ring leaves one hole around it: a zero as before.
    const dotted = gray(9, 14, (x, y) => ring(x, y, 0, 13) || (x >= 3 && x <= 5 && y >= 5 && y <= 8));
    expect(holeShape(dotted, box)).toBe('0');
    // "20" printed as 26: the second glyph has its hole low.
    const two = (x: number, y: number) => (y === 0 || y === 13 || (x === 7 && y < 7) || (x === 1 && y > 6) || y === 7) && x >= 1 && x <= 7;
    const cell = gray(24, 14, (x, y) => (x < 9 ? two(x, y) : x >= 12 && x < 21 ? six.data[y * 9 + (x - 12)] === 0 : false));
    expect(byHoles('20', cell)).toEqual({ text: '26', changed: true });
    expect(byHoles('26', cell)).toEqual({ text: '26', changed: false });
    // Another number of digits than glyphs: nothing is said.
    expect(byHoles('200', cell)).toEqual({ text: '200', changed: false });
  });
});

describe('dashed and dotted rules', () => {
  const blank = (w: number, h: number) => ({ width: w, height: h, data: new Uint8Array(w * h).fill(255) });
  it('are joined into solid lines; strokes of characters are not', async () => {
    const { bridgeDashes, rulingLines } = await import('./image');
    const img = blank(300, 80);
    // A dashed rule at y = 40: 4 on, 3 off.
    for (let x = 10; x < 290; x++) if ((x - 10) % 7 < 4) img.data[40 * 300 + x] = 0;
    // "Characters" above: tall strokes of varied length, close together.
    for (let x = 20; x < 280; x += 5) for (let y = 5; y < 5 + 6 + (x % 11); y++) img.data[y * 300 + x] = 0;
    expect(rulingLines(img, 'h')).toEqual([]);
    const joined = bridgeDashes(img)!;
    expect(rulingLines(joined, 'h')).toEqual([40]);
    // The characters' rows stay as they were.
    for (let y = 5; y < 25; y++) expect(joined.data.subarray(y * 300, y * 300 + 300)).toEqual(img.data.subarray(y * 300, y * 300 + 300));
  });
});

describe('ruling lines of other styles', () => {
  const blank = (w: number, h: number, paper = 255): Gray => ({ width: w, height: h, data: new Uint8Array(w * h).fill(paper) });
  const hRule = (img: Gray, y: number, x0: number, x1: number, v = 0) => {
    for (let x = x0; x <= x1; x++) img.data[y * img.width + x] = v;
  };
  const vRule = (img: Gray, x: number, y0: number, y1: number, v = 0) => {
    for (let y = y0; y <= y1; y++) img.data[y * img.width + x] = v;
  };

  it('takes a double rule (two thin lines a few px apart) for one line, and paints both out', () => {
    // Word's double border at 1x: 1 px, 2 px of paper, 1 px.
    const img = blank(200, 100);
    for (const y of [10, 13, 50, 53, 90, 93]) hRule(img, y, 10, 190);
    for (const x of [10, 13, 100, 103, 187, 190]) vRule(img, x, 10, 93);
    const h = rulingLines(img, 'h');
    const v = rulingLines(img, 'v');
    expect(h).toEqual([12, 52, 92]);
    expect(v).toEqual([12, 102, 189]);
    // No thin cell between the two strokes: 2 rows of 2 cells.
    expect(gridCells(img, h, v).map((r) => r.length)).toEqual([2, 2]);
    // The thickness is that of the whole double rule, so that both strokes are whitened.
    const t = lineThickness(img, h, v);
    expect(t).toBe(4);
    const clean = whitenLines(img, h, v, t, img);
    for (const y of [50, 53]) expect(clean.data[y * 200 + 60]).toBe(255);
    for (const x of [100, 103]) expect(clean.data[30 * 200 + x]).toBe(255);
    // Wider apart (4 px of paper): still one line, no cell fits between.
    const wide = blank(200, 100);
    for (const y of [10, 15, 50, 55, 90, 95]) hRule(wide, y, 10, 190);
    expect(rulingLines(wide, 'h')).toEqual([13, 53, 93]);
  });

  it('finds the edges of a dark filled header as lines, and measures no thickness from them', () => {
    const img = blank(300, 120);
    for (let y = 10; y < 50; y++) hRule(img, y, 10, 290, 60);
    for (const y of [80, 110]) hRule(img, y, 10, 290);
    for (const x of [10, 150, 290]) vRule(img, x, 10, 110);
    const h = rulingLines(img, 'h');
    expect(h).toEqual([10, 49, 80, 110]);
    expect(lineThickness(img, h, rulingLines(img, 'v'))).toBe(1);
  });

  it('drops an upright "line" that crosses no cell (a character stroke through a rule)', () => {
    // Three rules, no upright ones; a stroke 30 px tall crossing the middle rule.
    const img = blank(300, 120);
    for (const y of [10, 50, 110]) hRule(img, y, 10, 290);
    for (let y = 35; y < 65; y++) for (let x = 150; x < 153; x++) img.data[y * 300 + x] = 0;
    expect(rulingLines(img, 'h')).toEqual([10, 50, 110]);
    expect(rulingLines(img, 'v')).toEqual([]);
  });

  it('marks a faint thin rule as ink when asked (a ruled picture), but not a flat tint or the edge of one', () => {
    // A pale rule (234 on white) and a tinted band (235) with its edges.
    const img = blank(200, 80);
    hRule(img, 20, 10, 190, 234);
    for (let y = 40; y < 60; y++) hRule(img, y, 10, 190, 235);
    expect(inkMask(img).data[20 * 200 + 100]).toBe(255);
    const mask = inkMask(img, 16, 0.2, true);
    expect(mask.data[20 * 200 + 100]).toBe(0);
    for (const y of [39, 40, 50, 59, 60]) expect(mask.data[y * 200 + 100]).toBe(255);
    // Short pale strokes (the grey edge of a glyph) are not rules.
    const specks = blank(200, 80);
    hRule(specks, 20, 10, 20, 234);
    expect(inkMask(specks, 16, 0.2, true).data[20 * 200 + 15]).toBe(255);
  });

  it('does not turn a picture by less than a pixel and a half over its size', () => {
    // Rules drifting 1 px across 200 px: left as they are; 4 px: straightened.
    const lines = (drift: number) => gray(200, 100, (x, y) => [20, 50, 80].some((y0) => y === y0 + Math.round((x * drift) / 199)));
    expect(skewAngle(lines(1))).toBe(0);
    expect(Math.abs(skewAngle(lines(4)))).toBeGreaterThan(0.5);
  });
});
