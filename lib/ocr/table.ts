// A picture of a table -> the same document model as an HTML table: grid cells (ruled tables) or
// rows of words (tables without lines), each value with the confidence OCR gave it.
import { classify, type Anchor, type Line, type SourceDoc, type Token } from '../model';
import { knownRow, snapGroup, snapHeader, snapRow } from './lexicon';

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
import { verifyIdentities, type Reading } from './verify';
import { bridgeDashes, byHoles, crop, flatten, glyphBoxes, gridCells, hasInk, inkMask, lineThickness, rotate, rulingLines, skewAngle, textHeight, upscale2, whitenLines, withFaintRules, type Box, type Gray, type GridCell } from './image';

export interface OcrWord {
  text: string;
  /** 0..100 */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What the table reader needs from an OCR engine (tesseract.js in Node, in an offscreen page…). */
export interface Recognizer {
  /** Words of a whole picture (Chinese and digits). */
  words(img: Gray): Promise<OcrWord[]>;
  /** One short line of digits (a cell), read with a digit whitelist. */
  digits(img: Gray): Promise<{ text: string; confidence: number }>;
}

/** Below this, a value read by OCR asks for a human look instead of giving an error. */
export const CONFIDENT_OCR = 80;

const CJK = /[\u3400-\u9fff]/u;
// Letters OCR gives for digits in table cells.
const DIGIT_LOOKALIKES: Record<string, string> = { 了: '7', 工: '1', O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1', S: '5', B: '8', Z: '2', '〇': '0' };

/** A number as OCR wrote it, cleaned: look-alike letters mapped, stray marks dropped. Null when it is not one. */
export function cleanDigits(raw: string): { text: string; changed: boolean } | null {
  const t = raw.replace(/\s+/g, '');
  if (!t) return null;
  let out = '';
  let changed = false;
  for (const ch of t) {
    if (/[0-9.]/.test(ch)) out += ch;
    else if (DIGIT_LOOKALIKES[ch]) {
      out += DIGIT_LOOKALIKES[ch];
      changed = true;
    } else if (/[,，'`’‘"“”:;：；_—\-%°。、\[\]]/.test(ch)) changed = true;
    else return null;
  }
  out = out.replace(/\.+$/, '');
  if (!/^\d+(\.\d+)?$/.test(out)) return null;
  return { text: out, changed };
}

const anchorOf = (image: unknown, c: { x: number; y: number; w: number; h: number }): Anchor => ({ kind: 'image', image, x: c.x, y: c.y, w: c.w, h: c.h });

function numberTokenOf(text: string, confidence: number, changed: boolean, anchor: Anchor, cell: boolean): Token {
  const cls = classify(text);
  return { ...cls, raw: text, cell, confident: confidence >= CONFIDENT_OCR && !changed && cls.kind === 'number', anchor };
}

/** A picture ready to read: ink and paper told apart by local contrast, lines found on the ink. */
interface Page {
  /** The picture with fills and haze made white (what OCR reads). */
  img: Gray;
  /** Ink black, paper white (what lines, cells and ink tests look at). */
  mask: Gray;
  h: number[];
  v: number[];
  /** Thickness of the ruling lines in pixels. */
  thick: number;
}

function pageOf(raw: Gray, radius: number): Page {
  let mask = inkMask(raw, radius);
  let h = rulingLines(mask, 'h');
  let v = rulingLines(mask, 'v');
  // A ruled picture: its faint rules too (pale next to a dark fill), to complete the grid. Only
  // then: faint rules alone make an incomplete grid of a pale-ruled table, which reads worse
  // than the same table read without lines.
  if (h.length >= 3 && v.length >= 3) {
    const withFaint = withFaintRules(raw, mask, radius);
    const fh = rulingLines(withFaint, 'h');
    const fv = rulingLines(withFaint, 'v');
    if (fh.length >= 3 && fv.length >= 3) [mask, h, v] = [withFaint, fh, fv];
  }
  if (h.length < 3 || v.length < 3) {
    // Dashed or dotted rules: joined, the grid is found as for solid ones (else: a table without rules).
    const bridged = bridgeDashes(mask);
    const bh = bridged ? rulingLines(bridged, 'h') : [];
    const bv = bridged ? rulingLines(bridged, 'v') : [];
    if (bridged && bh.length >= 3 && bv.length >= 3) [mask, h, v] = [bridged, bh, bv];
  }
  return { img: flatten(raw, mask), mask, h, v, thick: lineThickness(mask, h, v) };
}

/** Reads a table picture. `image` is what anchors point back to (an <img>, a file name). */
export interface ReadOptions {
  /** A table cut out of a low-resolution scan: look-alike digits are never confirmed by reading again (verify.ts). */
  scanned?: boolean;
}

export async function readTableImage(picture: Gray, rec: Recognizer, image: unknown, options: ReadOptions = {}): Promise<SourceDoc> {
  // Straighten a slightly rotated picture first: ruling lines and rows must run level.
  // (Anchors then refer to the straightened picture; at these angles the difference is a pixel or two.)
  const straight = rotate(picture, skewAngle(inkMask(picture)));
  const first = pageOf(straight, 16);
  // Small text (a 1x screenshot of 15px type) is read at twice the size; anchors are scaled back.
  const text = textHeight(whitenLines(first.mask, first.h, first.v, first.thick));
  const small = text > 0 && text < SMALL_TEXT;
  const page = small ? pageOf(upscale2(straight), 32) : first;
  const [doc, source] = page.h.length >= 3 && page.v.length >= 3 ? await readRuled(page, rec, image) : await readPlain(page, rec, image);
  // A misread is never an error: cells a single misread would explain are read again (verify.ts).
  await verifyIdentities(doc, (t) => rereadToken(rec, source, t), (t) => placedByGuess.has(t), { confirmLookAlikes: !options.scanned });
  return small ? scaleAnchors(doc, 0.5) : doc;
}

/**
 * A value read again three ways: the cell as it is, at twice the size, and at twice the size made
 * black and white by local contrast. Each reading on its own (digit whitelist).
 */
async function rereadToken(rec: Recognizer, source: Gray, t: Token): Promise<Reading[]> {
  const a = t.anchor;
  if (a.kind !== 'image') return [];
  const pad = t.cell ? Math.max(2, Math.round(Math.min(a.w, a.h) * 0.12)) : -8;
  const cut = crop(source, a.x + pad / 2, a.y + pad / 2, a.w - pad, a.h - pad);
  if (cut.width < 4 || cut.height < 4) return [];
  const big = upscale2(cut);
  const cutMask = inkMask(cut, Math.max(8, Math.round(cut.height / 2)));
  const out: Reading[] = [];
  const shaped = (text: string) => byHoles(text, cutMask).text;
  for (const img of [cut, big, inkMask(big, Math.max(8, Math.round(big.height / 2)))]) {
    const r = await rec.digits(img);
    out.push({ text: shaped(cleanDigits(r.text)?.text ?? r.text.trim()), confidence: r.confidence });
  }
  // And with the full model (no whitelist), which tells a serif 6 from a 0 where the whitelist does
  // not; and glyph by glyph.
  const w = await wordsOf(rec, big);
  out.push({ text: shaped(cleanDigits(w.text)?.text ?? w.text), confidence: w.confidence });
  const g = await glyphReading(rec, cut);
  out.push(g ? { ...g, text: shaped(g.text) } : { text: '', confidence: 0 });
  // Tesseract is never sure of a lone 1; its shape is: one thin upright stroke per glyph.
  const boxes = glyphBoxes(cutMask);
  if (boxes.length && boxes.length <= 6 && boxes.every((b) => loneStroke(crop(cut, b.x0 - 2, b.y0 - 2, b.x1 - b.x0 + 5, b.y1 - b.y0 + 5))))
    out.push({ text: '1'.repeat(boxes.length), confidence: 90 });
  return out;
}

/**
 * A number read glyph by glyph (each digit alone, as one character): Tesseract drops one of two
 * thin serif 1s of "11" but reads each alone. Null when a glyph is not one digit.
 */
async function glyphReading(rec: Recognizer, img: Gray): Promise<{ text: string; confidence: number } | null> {
  const boxes = glyphBoxes(inkMask(img, Math.max(8, Math.round(img.height / 2))));
  if (!boxes.length || boxes.length > 6) return null;
  let text = '';
  let confidence = 100;
  for (const b of boxes) {
    const m = 2;
    const g = crop(img, b.x0 - m, b.y0 - m, b.x1 - b.x0 + 1 + 2 * m, b.y1 - b.y0 + 1 + 2 * m);
    const r = await rec.digits(g.height < 24 ? upscale2(g) : g);
    const d = cleanDigits(r.text);
    if (d && /^\d$/.test(d.text)) {
      text += d.text;
      confidence = Math.min(confidence, r.confidence);
    } else if (loneStroke(g)) {
      text += '1';
      confidence = Math.min(confidence, 50);
    } else return null;
  }
  return { text, confidence };
}

/** A cell read as words (the full model), with a white margin: its text and its least sure (or mean) word's confidence. */
async function wordsOf(rec: Recognizer, img: Gray, mean = false): Promise<{ text: string; confidence: number }> {
  const m = Math.max(8, Math.round(img.height * 0.4));
  const framed: Gray = { width: img.width + 2 * m, height: img.height + 2 * m, data: new Uint8Array((img.width + 2 * m) * (img.height + 2 * m)).fill(255) };
  for (let y = 0; y < img.height; y++) framed.data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + m) * framed.width + m);
  const ws = (await rec.words(framed)).filter((w) => w.text.trim());
  const confidence = !ws.length ? 0 : mean ? ws.reduce((a, w) => a + w.confidence, 0) / ws.length : Math.min(...ws.map((w) => w.confidence));
  return { text: readingOrder(ws).map((w) => w.text).join(''), confidence };
}

/** Values whose place in their row is a guess (a plain row with fewer values than value columns). */
const placedByGuess = new WeakSet<Token>();

/** Text lines lower than this (pixels) are read at twice the size. */
const SMALL_TEXT = 22;

function scaleAnchors(doc: SourceDoc, k: number): SourceDoc {
  const scale = (a: Anchor): Anchor => (a.kind === 'image' ? { ...a, x: a.x * k, y: a.y * k, w: a.w * k, h: a.h * k } : a);
  return { ...doc, lines: doc.lines.map((l) => ({ ...l, anchor: scale(l.anchor), tokens: l.tokens.map((t) => ({ ...t, anchor: scale(t.anchor) })) })) };
}

async function readRuled(page: Page, rec: Recognizer, image: unknown): Promise<[SourceDoc, Gray]> {
  const { img, mask, h, v, thick } = page;
  const grid = gridCells(mask, h, v);
  // Outside the grid: paper (a screenshot's cut-off heading above the table throws Tesseract's
  // line finding off for the whole first row).
  const clean = outside(whitenLines(img, h, v, thick, mask), h, v);
  const cleanMask = outside(whitenLines(mask, h, v, thick, mask), h, v);
  const words = await rec.words(clean);
  const cellOf = (w: OcrWord): GridCell | undefined => {
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.y0 + w.y1) / 2;
    for (const row of grid) for (const c of row) if (cx >= c.x && cx < c.x + c.w && cy >= c.y && cy < c.y + c.h) return c;
    return undefined;
  };
  const inCell = new Map<GridCell, OcrWord[]>();
  for (const w of words) {
    const c = cellOf(w);
    if (c) inCell.set(c, [...(inCell.get(c) ?? []), w]);
  }
  const textOf = (c: GridCell) => readingOrder(inCell.get(c) ?? []);
  const valueLeft = valueColumnsLeft(grid, (c) => textOf(c).map((w) => w.text).join(''));
  const shapes = new DigitShapes();
  const unread: { token: Token; mask: Gray }[] = [];
  const undecided: { token: Token; mask: Gray; readings: string[] }[] = [];
  splitStackedLabels(grid, valueLeft, inCell);
  // Numbers read as printed, per row. Rows above the first row of them are headers: their
  // look-alikes ("了了" in a garbled header) are words, not values.
  const cleanIn = grid.map((row) => row.filter((c) => cleanDigits(textOf(c).map((w) => w.text).join(''))?.changed === false).length);
  const firstValues = cleanIn.findIndex((n) => n >= 2);
  const lines: Line[] = [];
  for (const [r, row] of grid.entries()) {
    const tokens: Token[] = [];
    // Once a row's values have begun, every later cell is a value: whatever OCR made of it.
    let inValues = false;
    const cleanInRow = cleanIn[r];
    const header = r < firstValues && cleanInRow === 0;
    for (const c of row) {
      const ws = textOf(c);
      const text = ws.map((w) => w.text).join('');
      const anchor = anchorOf(image, c);
      // A cell over several rows is a group label ("三、本年度办理结果"), never a number.
      const spansRows = c.span > 1;
      // "工" and "了" in a number cell are 1 and 7 misread: a short cell of digits and look-alikes is a number.
      const numberLike = text.length <= 8 && cleanDigits(text) !== null;
      // In the columns where the other rows hold numbers, a short odd word ("立" for 2) is a misread value.
      const valueCell = !spansRows && cleanInRow >= 2 && c.x >= valueLeft - 3 && text.length <= 2;
      // Left of the value columns stand the labels: "1" read of a long label's cell is not a value.
      // (A wide cell there with ink but no word of the page pass on it too: on a scanned page the
      // words of a wrapped label may land in the group label beside it.)
      const wideUnread = !text && !spansRows && c.w > 4 * c.h && hasInk(cleanMask, c.x + 4, c.y + 4, c.w - 8, c.h - 8);
      const labelColumn = Number.isFinite(valueLeft) && c.x + c.w <= valueLeft + 3 && (!!text || wideUnread);
      // A header cell with ink but no word read: a header word lost ("其他" on a grainy scan) shifts every value under the header.
      const headerUnread = header && !text && hasInk(cleanMask, c.x + 4, c.y + 4, c.w - 8, c.h - 8);
      if (header || (((CJK.test(text) && !numberLike && !valueCell) || spansRows || labelColumn) && !inValues)) {
        let label = text;
        // A label Tesseract was unsure of on the whole page (a wrapped label beside a label over
        // several rows, their lines out of step) is read again in its cell alone.
        const conf = ws.length ? ws.reduce((a, w) => a + w.confidence, 0) / ws.length : 0;
        // So is a label over several rows read as no word at all, and a long row label that is
        // none of the format's (a wrapped label cut short).
        const odd = ((spansRows || labelColumn) && !CJK.test(text)) || (!header && !spansRows && CJK.test(text) && norm(text).length >= 8 && !knownRow(text));
        if ((text || wideUnread || headerUnread) && (odd || headerUnread || (CJK.test(text) && conf < 75))) {
          const p = Math.max(2, Math.round(Math.min(c.w, c.h) * 0.06));
          const again = await wordsOf(rec, crop(clean, c.x + p, c.y + p, c.w - 2 * p, c.h - 2 * p), true);
          if (CJK.test(again.text) && (again.confidence > conf || (odd && knownRow(again.text)) || ((spansRows || labelColumn) && !CJK.test(text)))) label = again.text;
        }
        if (label) tokens.push({ kind: 'text', raw: spansRows && !header ? snapGroup(label, c.span) : label, cell: true, confident: true, anchor });
        continue;
      }
      const pad = Math.max(2, Math.round(Math.min(c.w, c.h) * 0.12));
      const inner = { x: c.x + pad, y: c.y + pad, w: c.w - 2 * pad, h: c.h - 2 * pad };
      if (!hasInk(cleanMask, inner.x, inner.y, inner.w, inner.h)) {
        // Sure only if the picture itself is empty there, not just after the lines were painted out.
        const reallyEmpty = !hasInk(mask, inner.x, inner.y, inner.w, inner.h);
        tokens.push({ kind: 'blank', raw: '', cell: true, confident: reallyEmpty, anchor });
        continue;
      }
      const conf = ws.length ? Math.min(...ws.map((w) => w.confidence)) : 0;
      const first = cleanDigits(text);
      const cell = crop(clean, inner.x - pad / 2, inner.y - pad / 2, inner.w + pad, inner.h + pad);
      // How many glyphs the cell holds: a reading with another number of digits is wrong ("1" for a serif "11").
      const cellMask = crop(cleanMask, inner.x - pad / 2, inner.y - pad / 2, inner.w + pad, inner.h + pad);
      const glyphs = glyphBoxes(cellMask).length;
      // A 0, 6, 8 or 9 the holes of its glyph contradict is put right, and unsure.
      const numberToken = (value: string, confidence: number, changed: boolean, anchor: Anchor, cell: boolean) => {
        const shaped = byHoles(value, cellMask);
        return numberTokenOf(shaped.text, shaped.changed ? Math.min(confidence, CONFIDENT_OCR - 1) : confidence, changed, anchor, cell);
      };
      const fits = (d: { text: string }) => glyphs === 0 || glyphs > 6 || d.text.replace('.', '').length === glyphs;
      if (first && !first.changed && conf >= 90 && fits(first)) {
        inValues = true;
        tokens.push(numberToken(first.text, conf, false, anchor, true));
        shapes.learn(cellMask, first.text);
        continue;
      }
      // Unsure or unread: read the cell again on its own with a digit whitelist, which is far more reliable.
      const again = await readDigits(rec, cell);
      const second = cleanDigits(again.text);
      inValues = true;
      if (!first && !second) {
        const token: Token = { kind: text ? 'invalid' : 'blank', raw: text || again.text, cell: true, confident: false, anchor };
        tokens.push(token);
        if (glyphs > 0 && glyphs <= 4) unread.push({ token, mask: cellMask });
        continue;
      }
      // Two readings that agree (with the glyphs) are sure.
      if (first && second && first.text === second.text && fits(first)) {
        tokens.push(numberToken(first.text, Math.max(conf, again.confidence), first.changed && second.changed, anchor, true));
        continue;
      }
      // A third reading decides: glyph by glyph when a reading has the wrong number of digits; else
      // of the cell alone with the full model (the digit whitelist reads a serif 6 as 0). Readings
      // that fit the glyphs vote; without a majority the value is unsure.
      const miscount = [first, second].some((d) => d && !fits(d));
      const extra = miscount ? await glyphReading(rec, cell) : await wordsOf(rec, cell);
      const third = extra && cleanDigits(extra.text);
      const all = [
        ...(first ? [{ d: first, c: conf }] : []),
        ...(second ? [{ d: second, c: again.confidence }] : []),
        ...(third ? [{ d: third, c: extra.confidence }] : []),
      ];
      const votes = all.some((x) => fits(x.d)) ? all.filter((x) => fits(x.d)) : all;
      const won = votes.filter((x) => votes.filter((y) => y.d.text === x.d.text).length >= 2);
      const pick = won[0] ?? votes.reduce((a, b) => (b.c > a.c ? b : a));
      const sure = won.length >= 2;
      const confidence = sure ? Math.max(...won.map((x) => x.c)) : Math.min(pick.c, CONFIDENT_OCR - 1);
      const token = numberToken(pick.d.text, confidence, won.length ? won.every((x) => x.d.changed) : pick.d.changed, anchor, true);
      tokens.push(token);
      if (!sure) undecided.push({ token, mask: cellMask, readings: [...new Set(votes.map((x) => x.d.text))] });
    }
    if (tokens.length) lines.push({ tokens, text: tokens.map((t) => t.raw).join(' '), prose: false, rowEnd: true, anchor: anchorOf(image, { x: row[0].x, y: row[0].y, w: img.width, h: row[0].h }) });
  }
  // Cells no reading gave a digit for (small digits against a rule): matched against the digits
  // this picture printed and OCR read surely, glyph by glyph. Never sure.
  for (const { token, mask: m } of unread) {
    const text = shapes.read(m);
    if (text) Object.assign(token, numberTokenOf(text, 0, true, token.anchor, true));
  }
  // Readings without a majority: the one the picture's own digits match, glyph by glyph (a grainy
  // 6 Tesseract reads as 0 still looks like the surely read 6s). Still unsure.
  for (const { token, mask: m, readings } of undecided) {
    const text = shapes.read(m);
    if (text && text !== token.raw && readings.includes(text) && !byHoles(text, m).changed) Object.assign(token, numberTokenOf(text, 0, true, token.anchor, true));
  }
  return [{ lines: markOcr(lines) }, clean];
}

/**
 * A label cell beside the values that covers several rows of values: the rules between the labels
 * were not found (small type close to thin rules), not a merged cell, for every row of values has
 * a label of its own in the format. Split into one cell per row, each holding the words of its band.
 * (Group labels such as 「三、本年度办理结果」 stand further left and keep their span.)
 */
function splitStackedLabels(grid: GridCell[][], valueLeft: number, inCell: Map<GridCell, OcrWord[]>): void {
  if (!Number.isFinite(valueLeft)) return;
  for (const [r, row] of grid.entries())
    for (const c of [...row]) {
      if (c.span < 2 || c.x + c.w < valueLeft - 3 || c.x >= valueLeft - 3) continue;
      const bands = grid.slice(r, r + c.span).map((g) => g.find((v) => v.x >= valueLeft - 3));
      if (bands.some((b) => !b)) continue;
      const words = inCell.get(c) ?? [];
      inCell.delete(c);
      bands.forEach((b, k) => {
        const part: GridCell = { x: c.x, y: b!.y, w: c.w, h: b!.h, row: r + k, span: 1 };
        inCell.set(part, words.filter((w) => (w.y0 + w.y1) / 2 >= part.y && (w.y0 + w.y1) / 2 < part.y + part.h));
        const target = grid[r + k];
        if (k === 0) target.splice(target.indexOf(c), 1, part);
        else target.splice(target.findIndex((v) => v.x > part.x), 0, part);
      });
    }
}

/**
 * The digits of one picture as it prints them: glyphs of cells read surely, scaled to a small grid
 * and averaged per digit. A glyph no reading gave is the digit whose shape it matches clearly best.
 */
export class DigitShapes {
  private static readonly W = 10;
  private static readonly H = 16;
  private sums = new Map<string, { sum: Float64Array; n: number }>();

  private static shape(mask: Gray, b: Box): Float64Array {
    const { W, H } = DigitShapes;
    const out = new Float64Array(W * H);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const sx = b.x0 + Math.floor(((x + 0.5) * (b.x1 - b.x0 + 1)) / W);
        const sy = b.y0 + Math.floor(((y + 0.5) * (b.y1 - b.y0 + 1)) / H);
        out[y * W + x] = mask.data[sy * mask.width + sx] < 128 ? 1 : 0;
      }
    return out;
  }

  learn(mask: Gray, digits: string): void {
    const boxes = glyphBoxes(mask);
    if (boxes.length !== digits.length) return;
    boxes.forEach((b, i) => {
      const e = this.sums.get(digits[i]) ?? { sum: new Float64Array(DigitShapes.W * DigitShapes.H), n: 0 };
      if (e.n >= 30) return;
      DigitShapes.shape(mask, b).forEach((v, k) => (e.sum[k] += v));
      e.n++;
      this.sums.set(digits[i], e);
    });
  }

  /** The digits of a cell's glyphs, each a clear best match (two samples of it at least); else null. */
  read(mask: Gray): string | null {
    const known = [...this.sums].filter(([, e]) => e.n >= 2);
    if (known.length < 5) return null;
    let text = '';
    for (const b of glyphBoxes(mask)) {
      const g = DigitShapes.shape(mask, b);
      const scores = known
        .map(([d, e]) => ({ d, s: 1 - g.reduce((a, v, k) => a + Math.abs(v - e.sum[k] / e.n), 0) / g.length }))
        .sort((p, q) => q.s - p.s);
      if (scores[0].s < 0.8 || scores[0].s - scores[1].s < 0.08) return null;
      text += scores[0].d;
    }
    return text || null;
  }
}

/** The picture with everything outside the outer lines white. */
function outside(img: Gray, h: number[], v: number[]): Gray {
  const [top, bottom, left, right] = [h[0], h[h.length - 1], v[0], v[v.length - 1]];
  const data = img.data;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) if (y < top || y > bottom || x < left || x > right) data[y * img.width + x] = 255;
  return img;
}

/**
 * Where the value columns begin: the leftmost column start shared by at least two cells read as
 * clean numbers (an ordinal label cell "1" alone does not count). Infinity when there is none.
 */
function valueColumnsLeft(grid: GridCell[][], text: (c: GridCell) => string): number {
  const starts = new Map<number, number>();
  for (const row of grid)
    for (const c of row) {
      const d = cleanDigits(text(c));
      if (d && !d.changed && c.span === 1) starts.set(c.x, (starts.get(c.x) ?? 0) + 1);
    }
  const shared = [...starts].filter(([, n]) => n >= 2).map(([x]) => x);
  return shared.length ? Math.min(...shared) : Infinity;
}

/** Words in reading order: visual lines top to bottom (centres within half a line), left to right in each. */
function readingOrder(words: OcrWord[]): OcrWord[] {
  const byY = [...words].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  // The height of a full character: small marks (quotes, dots) sit high or low on their line.
  const h = Math.max(...words.map((w) => w.y1 - w.y0), 1);
  const lines: OcrWord[][] = [];
  for (const w of byY) {
    const line = lines[lines.length - 1];
    if (line && Math.abs((w.y0 + w.y1) / 2 - (line[0].y0 + line[0].y1) / 2) < h * 0.6) line.push(w);
    else lines.push([w]);
  }
  return lines.flatMap((l) => l.sort((a, b) => a.x0 - b.x0));
}

async function readPlain(page: Page, rec: Recognizer, image: unknown): Promise<[SourceDoc, Gray]> {
  const { img, mask } = page;
  // Words cut by the top or bottom edge are a line of the page beside the table, caught by the
  // screenshot: never a row.
  const words = (await rec.words(img)).filter((w) => w.text.trim() && w.y0 > 2 && w.y1 < img.height - 3);
  const heights = words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  const lineH = heights[Math.floor(heights.length / 2)] ?? 20;
  // Rows: words whose vertical centres lie within half a line of each other.
  const sorted = [...words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const rows: OcrWord[][] = [];
  for (const w of sorted) {
    const cy = (w.y0 + w.y1) / 2;
    const row = rows[rows.length - 1];
    if (row && Math.abs(cy - (row[0].y0 + row[0].y1) / 2) < lineH * 0.6) row.push(w);
    else rows.push([w]);
  }
  for (const row of rows) row.sort((a, b) => a.x0 - b.x0);
  // A whole page (a scan without rules) holds several tables, each with its own columns: they are
  // read apart, cut at the format's section headings and table 二's captions, and lines of prose
  // are text.
  const readRows = async (rows: OcrWord[][]): Promise<Line[]> => {
    const columns = valueColumns(rows, lineH);
    const inValueColumn = (w: OcrWord) => columns.some((x) => Math.abs((w.x0 + w.x1) / 2 - x) < lineH);
    const lines: Line[] = [];
    // Rows above the first row of values are headers: their words are words, even in value columns.
    const cleanNumbers = (r: OcrWord[]) => r.filter((w) => w.confidence >= CONFIDENT_OCR && cleanDigits(w.text)?.changed === false).length;
    const firstValues = rows.findIndex((r) => cleanNumbers(r) >= 3);
    // The right end of the header's words (the values stand under them).
    const headerRight = Math.max(0, ...rows.slice(0, Math.max(0, firstValues)).flatMap((r) => r.filter((w) => CJK.test(w.text)).map((w) => w.x1)));
    for (const [r, found] of rows.entries()) {
      const header = firstValues >= 0 && r < firstValues && found.filter((w) => cleanDigits(w.text)?.changed === false).length < 2;
      const row = header ? found : withUnreadValues(found, columns, mask, lineH);
      const tokens: Token[] = [];
      let text: OcrWord[] = [];
      const flush = () => {
        if (!text.length) return;
        const box = { x: text[0].x0, y: Math.min(...text.map((t) => t.y0)), w: text[text.length - 1].x1 - text[0].x0, h: lineH };
        tokens.push({ kind: 'text', raw: text.map((t) => t.text).join(''), cell: false, confident: true, anchor: anchorOf(image, box) });
        text = [];
      };
      let inValues = false;
      for (let k = 0; k < row.length; k++) {
        const w = row[k];
        const next = row[k + 1];
        // "1" + ".属于国家秘密": an ordinal split off its label at the start of a row.
        const ordinal = !inValues && /^\d{1,2}[.、]?$/.test(w.text) && next && /^[.、．\u3400-\u9fff]/u.test(next.text) && next.x0 - w.x1 < lineH;
        let digits = ordinal || (CJK.test(w.text) && w.text.length > 2) ? null : cleanDigits(w.text);
        // A look-alike ("了") inside a label, away from the value columns, is a character of the label.
        if (digits?.changed && !inValues && columns.length && !inValueColumn(w)) digits = null;
        // Once a row's values have begun, or in a column of values, a short odd word is a misread
        // value ("“" for 0 beside a wrapped label): read it again as digits.
        if (header) digits = null;
        if (!header && !digits && !ordinal && (inValues || inValueColumn(w)) && w.text.length <= 3 && !(CJK.test(w.text) && w.text.length > 1)) {
          const again = await digitsOfWord(rec, img, w);
          // A stray mark between the value columns that holds no digit is noise, not a cell.
          if (!again && w.text && columns.length >= 2 && !inValueColumn(w)) continue;
          const box = anchorOf(image, { x: w.x0, y: w.y0, w: w.x1 - w.x0, h: w.y1 - w.y0 });
          flush();
          tokens.push(again ? numberTokenOf(again.text, 0, true, box, false) : { kind: w.text ? 'invalid' : 'blank', raw: w.text, cell: false, confident: false, anchor: box });
          continue;
        }
        if (!digits) {
          // Words of one label stand close together; a wide gap starts a new cell.
          if (text.length && w.x0 - text[text.length - 1].x1 > lineH * 1.5) flush();
          text.push(w);
          continue;
        }
        flush();
        inValues = true;
        let { text: value, changed } = digits;
        let confidence = w.confidence;
        if (confidence < CONFIDENT_OCR || changed) {
          const again = await digitsOfWord(rec, img, w);
          // The margin of the re-read may take in a neighbouring value ("29" beside "70" read "2970"):
          // a reading with more digits than the word has glyphs is not taken.
          const glyphs = glyphBoxes(crop(mask, w.x0, w.y0, w.x1 - w.x0, w.y1 - w.y0)).length;
          if (again && again.text === value) confidence = Math.max(confidence, CONFIDENT_OCR);
          else if (again && (!glyphs || again.text.replace('.', '').length <= glyphs)) ({ text: value, changed } = again);
          else if (again) confidence = Math.min(confidence, CONFIDENT_OCR - 1);
        }
        // A 0, 6, 8 or 9 the holes of its glyph contradict is put right, and unsure.
        const shaped = byHoles(value, crop(mask, w.x0 - 2, w.y0 - 2, w.x1 - w.x0 + 4, w.y1 - w.y0 + 4));
        if (shaped.changed) confidence = Math.min(confidence, CONFIDENT_OCR - 1);
        tokens.push(numberTokenOf(shaped.text, confidence, changed, anchorOf(image, { x: w.x0, y: w.y0, w: w.x1 - w.x0, h: w.y1 - w.y0 }), false));
      }
      flush();
      // The header reaches further right than the row's last value: a last value the page pass did
      // not see at all (nothing in a value column to place it by when a table has one row of values,
      // as table 四). Ink there is read as digits; never surely.
      const last = row[row.length - 1];
      if (!header && inValues && last && headerRight - last.x1 > lineH * 1.5) {
        const y0 = Math.min(...row.map((w) => w.y0));
        const y1 = Math.max(...row.map((w) => w.y1));
        const box = { x0: last.x1 + Math.round(lineH / 2), y0, x1: Math.round(headerRight), y1 };
        if (box.x1 - box.x0 > 4 && hasInk(mask, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0)) {
          const again = await digitsOfWord(rec, img, { text: '', confidence: 0, ...box });
          const anchor = anchorOf(image, { x: box.x0, y: box.y0, w: box.x1 - box.x0, h: box.y1 - box.y0 });
          tokens.push(again ? numberTokenOf(again.text, 0, true, anchor, false) : { kind: 'invalid', raw: '?', cell: false, confident: false, anchor });
        }
      }
      // Fewer values than value columns: two values read as one, or one not seen; where the row's
      // values belong is a guess, none of them is sure.
      const values = tokens.filter((t) => t.kind !== 'text');
      // The row is filled up with unsure blanks: a blank the parser would add for a short row is sure.
      if (!header && columns.length >= 2 && values.length > 0 && values.length < columns.length) {
        for (const t of values) {
          t.confident = false;
          placedByGuess.add(t);
        }
        const at = values[values.length - 1].anchor;
        for (let k = values.length; k < columns.length; k++) tokens.push({ kind: 'blank', raw: '', cell: false, confident: false, anchor: { ...at } });
      }
      if (tokens.length) lines.push({ tokens, text: tokens.map((t) => t.raw).join(' '), prose: false, rowEnd: true, anchor: tokens[0].anchor });
    }
    return lines;
  };
  const lines: Line[] = [];
  let block: OcrWord[][] = [];
  for (const row of rows) {
    if (!isBreakRow(row)) {
      block.push(row);
      continue;
    }
    lines.push(...(await readRows(block)));
    block = [];
    lines.push(textLineOf(row, image));
  }
  lines.push(...(await readRows(block)));
  return [{ lines: markOcr(await wrappedLabels(lines, img, rec, lineH, image)) }, img];
}

const SECTION_WORDS = /^[一二三四五六七八][、.，,]?.*(总体情况|主动公开|收到和处理|行政复议|存在的主要问题|其他需要报告)/u;

/**
 * A row that is no row of a table: a section heading of the format, a caption of table 二
 * (「第二十条第（一）项」), or a line of prose (long, with no run of values).
 */
function isBreakRow(row: OcrWord[]): boolean {
  const text = norm(row.map((w) => w.text).join(''));
  const isNumber = (w: OcrWord) => cleanDigits(w.text)?.changed === false;
  const numbers = row.filter(isNumber).length;
  if (SECTION_WORDS.test(text) && text.length <= 30 && numbers < 2) return true;
  if (/^第二十条第/.test(text) && text.length <= 16) return true;
  // Prose: words between its numbers again and again (「自2023年1月1日至2023年12月31日」); a
  // table's row has a group label, an ordinal, its label, then its values (a misread among them).
  if ([...text].filter((c) => CJK.test(c)).length < 20) return false;
  let gaps = 0;
  let words = false;
  let seenNumber = false;
  for (const w of row) {
    if (isNumber(w)) {
      if (seenNumber && words) gaps++;
      seenNumber = true;
      words = false;
    } else if (CJK.test(w.text)) words = true;
  }
  return gaps >= 3;
}

/** A row of words as one line of text (a heading or prose). */
function textLineOf(row: OcrWord[], image: unknown): Line {
  const text = row.map((w) => w.text).join('');
  const x0 = Math.min(...row.map((w) => w.x0));
  const y0 = Math.min(...row.map((w) => w.y0));
  const anchor = anchorOf(image, { x: x0, y: y0, w: Math.max(...row.map((w) => w.x1)) - x0, h: Math.max(...row.map((w) => w.y1)) - y0 });
  return { tokens: [{ kind: 'text', raw: text, cell: false, confident: true, anchor }], text, prose: norm(text).length >= 24, rowEnd: true, anchor };
}

/**
 * A table without lines: a long label wrapped over two or three lines stands above and below its
 * row's values, and Tesseract reads the three lines out of step with the group label beside them
 * ("CO 二村 0 0 0 27918"). When a row's label is none of the format's, the label lines next to it
 * (no values in them) and its own label are read again together, as one block, left of the values.
 */
async function wrappedLabels(lines: Line[], img: Gray, rec: Recognizer, lineH: number, image: unknown): Promise<Line[]> {
  const box = (l: Line) => (l.anchor.kind === 'image' ? l.anchor : null);
  const isValues = (l: Line) => l.tokens.some((t) => t.kind === 'number');
  const labelOf = (l: Line) => {
    const first = l.tokens.findIndex((t) => t.kind !== 'text');
    return l.tokens.slice(0, first < 0 ? l.tokens.length : first);
  };
  const drop = new Set<Line>();
  for (const [i, l] of lines.entries()) {
    if (!isValues(l)) continue;
    const label = labelOf(l);
    const text = label.map((t) => t.raw).join('');
    if (knownRow(text) || /^[一二三四]、/.test(text)) continue;
    const values = l.tokens.filter((t) => t.kind !== 'text');
    const v0 = values[0]?.anchor;
    const me = l.tokens.map((t) => t.anchor).filter((a): a is Extract<Anchor, { kind: 'image' }> => a.kind === 'image');
    if (!v0 || v0.kind !== 'image' || !me.length) continue;
    let top = Math.min(...me.map((a) => a.y));
    let bottom = Math.max(...me.map((a) => a.y + a.h));
    const taken: Line[] = [];
    for (const j of [i - 1, i + 1]) {
      const n = lines[j];
      const b = n && box(n);
      if (!n || !b || isValues(n) || drop.has(n) || !n.tokens.length) continue;
      const nb = n.tokens.map((t) => t.anchor).filter((a): a is Extract<Anchor, { kind: 'image' }> => a.kind === 'image');
      const nTop = Math.min(...nb.map((a) => a.y));
      const nBottom = Math.max(...nb.map((a) => a.y + a.h));
      if (nTop > bottom + lineH * 1.2 || nBottom < top - lineH * 1.2) continue;
      // Closer to this row than to the value row beyond it.
      const beyond = lines[j + (j < i ? -1 : 1)];
      const bb = beyond && isValues(beyond) ? box(beyond) : null;
      if (bb && Math.abs(bb.y - nTop) < Math.abs(top - nTop)) continue;
      top = Math.min(top, nTop);
      bottom = Math.max(bottom, nBottom);
      taken.push(n);
    }
    if (!taken.length) continue;
    const x1 = v0.x - Math.round(lineH / 2);
    const again = await wordsOf(rec, crop(img, 0, top - 2, x1, bottom - top + 4), true);
    const read = again.text.replace(/\s+/g, '');
    if (!CJK.test(read) || !knownRow(read)) continue;
    for (const n of taken) drop.add(n);
    const anchor = anchorOf(image, { x: 0, y: top, w: x1, h: bottom - top });
    l.tokens = [{ kind: 'text', raw: read, cell: false, confident: true, anchor }, ...values];
    l.text = l.tokens.map((t) => t.raw).join(' ');
  }
  return lines.filter((l) => !drop.has(l));
}

/**
 * A row holding values, with a word added (empty, to be read as digits) in each value column where
 * the page pass saw nothing but the picture has ink: OCR drops lone zeros beside wrapped labels.
 */
function withUnreadValues(found: OcrWord[], columns: number[], img: Gray, lineH: number): OcrWord[] {
  const near = (w: OcrWord, x: number) => Math.abs((w.x0 + w.x1) / 2 - x) < lineH;
  if (columns.length < 2 || !found.some((w) => columns.some((x) => near(w, x)))) return found;
  const half = Math.min(lineH * 1.5, (Math.min(...columns.slice(1).map((x, i) => x - columns[i])) / 2) * 0.8);
  // A word over several value columns is several cells run together ("0004", or "和" for five
  // values Tesseract took for one glyph beside a wrapped label): one empty word per column
  // instead, each read on its own. Right of the label column nothing else stands so wide.
  const valuesLeft = columns[0] - lineH;
  const row = found.flatMap((w) => {
    const spanned = columns.filter((x) => x > w.x0 && x < w.x1);
    if (spanned.length < 2 || !(/^[\d\s.]*$/.test(w.text) || w.x0 >= valuesLeft)) return [w];
    return spanned.map((x) => ({ text: '', confidence: 0, x0: Math.round(x - half), y0: w.y0, x1: Math.round(x + half), y1: w.y1 }));
  });
  // One value Tesseract cut into pieces ("7" "了" "72" for 72): the words in one value column, side
  // by side, are one word again, to be read on its own.
  for (const x of columns) {
    const pieces = row.filter((w) => w.x0 >= valuesLeft && near(w, x) && w.text.length <= 3);
    const touching = pieces.length > 1 && pieces.every((w, i) => i === 0 || w.x0 - pieces[i - 1].x1 < lineH * 0.4);
    if (!touching) continue;
    const merged = { text: '', confidence: 0, x0: Math.min(...pieces.map((w) => w.x0)), y0: Math.min(...pieces.map((w) => w.y0)), x1: Math.max(...pieces.map((w) => w.x1)), y1: Math.max(...pieces.map((w) => w.y1)) };
    row.splice(row.indexOf(pieces[0]), pieces.length, merged);
  }
  const y0 = Math.min(...row.map((w) => w.y0));
  const y1 = Math.max(...row.map((w) => w.y1));
  const added: OcrWord[] = [];
  for (const x of columns) {
    if (row.some((w) => near(w, x) || (x > w.x0 && x < w.x1))) continue;
    const box = { x0: Math.round(x - half), y0, x1: Math.round(x + half), y1 };
    if (hasInk(img, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0)) added.push({ text: '', confidence: 0, ...box });
  }
  return [...row, ...added].sort((a, b) => a.x0 - b.x0);
}

/**
 * Centres of the value columns of a table without lines: where clean numbers stand in at least
 * three rows that each hold three or more of them.
 */
function valueColumns(rows: OcrWord[][], lineH: number): number[] {
  const centres: number[] = [];
  for (const row of rows) {
    // Values stand right of the label: an ordinal split off ("3" "危及…") is not one.
    let start = 0;
    row.forEach((w, i) => CJK.test(w.text) && w.text.length > 1 && (start = i + 1));
    const numbers = row.slice(start).filter((w) => w.confidence >= CONFIDENT_OCR && cleanDigits(w.text)?.changed === false);
    if (numbers.length >= 3) centres.push(...numbers.map((w) => (w.x0 + w.x1) / 2));
  }
  centres.sort((a, b) => a - b);
  const columns: number[] = [];
  let group: number[] = [];
  const close = () => {
    if (group.length >= 3) columns.push(group[Math.floor(group.length / 2)]);
    group = [];
  };
  for (const x of centres) {
    if (group.length && x - group[group.length - 1] > lineH) close();
    group.push(x);
  }
  close();
  return columns;
}

/**
 * Every token read by OCR says so (its labels then never count as typos of the report). Header rows
 * (no value in them) have their words snapped to the format's header words they are one or two
 * misread characters away from.
 */
function markOcr(lines: Line[]): Line[] {
  const firstValues = lines.findIndex((l) => l.tokens.filter((t) => t.kind === 'number').length >= 2);
  return lines.flatMap((l, i) => {
    for (const t of l.tokens) t.ocr = true;
    if (i >= firstValues && firstValues >= 0) {
      for (const t of l.tokens) if (t.kind === 'text') t.raw = snapRow(t.raw);
      return [l];
    }
    for (const t of l.tokens) if (t.kind === 'text') t.raw = snapHeader(t.raw);
    return [{ ...l, text: l.tokens.map((t) => t.raw).join(' ') }];
  });
}

/**
 * A cell read on its own with the digit whitelist. When that finds nothing: again with the ink made
 * black and the paper white (JPEG haze can hide a lone digit from Tesseract entirely), then at twice
 * the size, then by the shape of a lone 1.
 */
async function readDigits(rec: Recognizer, img: Gray): Promise<{ text: string; confidence: number }> {
  const first = await rec.digits(img);
  if (cleanDigits(first.text)) return first;
  const again = await rec.digits(inkMask(img, Math.max(8, Math.round(img.height / 2))));
  if (cleanDigits(again.text)) return again;
  const bigger = await rec.digits(upscale2(img));
  if (cleanDigits(bigger.text)) return bigger;
  // Tesseract often sees nothing in a cell holding a lone "1". Among digits only a 1 is one thin
  // upright stroke: say so, but never surely (a human look, not an error, if it matters).
  return loneStroke(img) ? { text: '1', confidence: 50 } : first;
}

/** The ink of a cell is one thin upright stroke, perhaps with a flag and a foot: the shape of "1". */
function loneStroke(img: Gray): boolean {
  const ink = (x: number, y: number) => img.data[y * img.width + x] < 160;
  let x0 = img.width;
  let x1 = -1;
  let y0 = img.height;
  let y1 = -1;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if (ink(x, y)) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  const h = y1 - y0 + 1;
  if (x1 < 0 || h < 8 || x1 - x0 + 1 > h * 0.7) return false;
  // The middle of the glyph: narrow, and upright (a 7's stroke slants across).
  const centres: number[] = [];
  for (let y = y0 + Math.round(h * 0.3); y <= y0 + Math.round(h * 0.75); y++) {
    let a = -1;
    let b = -1;
    for (let x = x0; x <= x1; x++) if (ink(x, y)) [a, b] = [a < 0 ? x : a, x];
    if (a < 0 || b - a + 1 > Math.max(3, h * 0.25)) return false;
    centres.push((a + b) / 2);
  }
  return Math.max(...centres) - Math.min(...centres) <= Math.max(2, h * 0.12);
}

/** A word read again on its own, with the digit whitelist. */
async function digitsOfWord(rec: Recognizer, img: Gray, w: OcrWord) {
  return cleanDigits((await readDigits(rec, crop(img, w.x0 - 4, w.y0 - 4, w.x1 - w.x0 + 8, w.y1 - w.y0 + 8))).text);
}
