// Scanned PDFs: which pages are pictures of pages (no text layer, or one of garbage), and the tables
// on those pages read by the OCR table reader (lib/ocr/table.ts). Pure and browser-safe: the pdf.js
// page and document objects, the page renderer and the recognizer are handed in (the viewer renders
// into a canvas, the command line with @napi-rs/canvas: pdf-render-node.ts).
//
// A page holds headings, prose and one or more ruled tables, or the rest of a table begun on the
// page before (without its header). The page is straightened, each table is found by its rules (the
// horizontal rules of one table are joined by its upright ones; text between two tables is not),
// cut out and read as a picture of one table. A table that ends at the foot of a page and goes on
// at the head of the next, with the same columns, is put together again and read as one table.
import type { Text } from '../findings';
import { isProse, type Anchor, type Line, type PageScanRef, type SourceDoc, type Token } from '../model';
import { crop, inkMask, rotate, skewAngle, type Gray } from '../ocr/image';
import { joinCutLabels } from './cut-labels';
import { readTableImage, type OcrWord, type Recognizer } from '../ocr/table';
import { multiply, type Matrix } from './pdf-extract';

/** The pdf.js operator numbers this file looks at (pdf.js `OPS`; the same from 2.x to 5.x). */
export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageMaskXObject: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageXObjectRepeat: number;
}

export const PDFJS_OPS: PdfOps = {
  save: 10,
  restore: 11,
  transform: 12,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  paintImageMaskXObject: 83,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintImageXObjectRepeat: 88,
};

/** What of a pdf.js page this file uses (PDFPageProxy has it all). */
export interface ScanPageLike {
  /** [x1, y1, x2, y2] of the page in user space. */
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup?(): unknown;
}

export interface ScanDocLike {
  numPages: number;
  getPage(n: number): Promise<ScanPageLike>;
}

export type ScanWhy = 'no-text' | 'garbage-text' | 'text';

export interface ScanInfo {
  /** The page is to be read by OCR. */
  scan: boolean;
  why: ScanWhy;
  /** Characters of the text layer (white space left out), and how many of them are garbage. */
  chars: number;
  garbage: number;
  /** Share of the page the largest picture covers (0..1), and its pixels per inch (0: unknown). */
  imageCover: number;
  imageDpi: number;
}

/** Fewer characters than this on a page: no text layer to speak of (a page number, a stamp). */
const FEW_CHARS = 20;
/** This share of garbage characters: the text layer is not the page's text. */
const GARBAGE_SHARE = 0.3;

/**
 * Characters a Chinese report's text layer is made of: CJK ideographs (with radicals and
 * compatibility forms, which pdf.js gives for some fonts), CJK and full-width punctuation, ASCII,
 * general punctuation. Anything else (replacement or private-use characters, Latin-1 letters from
 * a font without a ToUnicode map, control characters) is garbage.
 */
const READABLE = /[\u3400-\u9fff\uf900-\ufaff\u2e80-\u2fdf\u3000-\u303f\uff00-\uffef\u0020-\u007e\u2000-\u206f\u00b7\u00d7\u2460-\u24ff\u2160-\u217f\u25a0-\u25ff\u3200-\u32ff\ufe30-\ufe4f]/u;

export function garbageCount(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch) && !READABLE.test(ch)) n++;
  return n;
}

/**
 * The strings of a page's text items are no text to read: almost none, or mostly garbage. For the
 * text-layer reader (lib/read/pdf.ts): such a page goes to OCR too.
 */
export function needsOcr(strs: string[]): boolean {
  const text = strs.join('');
  const chars = [...text.replace(/\s+/gu, '')].length;
  return chars < FEW_CHARS || garbageCount(text) / chars >= GARBAGE_SHARE;
}

/**
 * The largest share of the page one picture covers: the operator list walked with the current
 * transform (a picture is painted into the unit square of its transform).
 */
export function imageCover(opList: { fnArray: number[]; argsArray: unknown[] }, view: number[], ops: PdfOps = PDFJS_OPS): number {
  return largestPicture(opList, view, ops).cover;
}

/** The largest picture of a page: the share of the page it covers, and its resolution (pixels per inch across; 0 unknown). */
export function largestPicture(opList: { fnArray: number[]; argsArray: unknown[] }, view: number[], ops: PdfOps = PDFJS_OPS): { cover: number; dpi: number } {
  const paints = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject, ops.paintImageXObjectRepeat]);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const pageArea = Math.abs((view[2] - view[0]) * (view[3] - view[1])) || 1;
  let best = 0;
  let dpi = 0;
  opList.fnArray.forEach((fn, i) => {
    const args = opList.argsArray[i] as unknown[] | null;
    if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      // A form's own matrix applies inside it.
      const m = fn === ops.paintFormXObjectBegin ? (args?.[0] as number[] | null) : null;
      if (m && m.length === 6) ctm = multiply(ctm, m as Matrix);
    } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args && args.length === 6) ctm = multiply(ctm, args as Matrix);
    else if (paints.has(fn)) {
      const pts = [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ].map(([x, y]) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]]);
      const xs = pts.map((p) => Math.max(view[0], Math.min(view[2], p[0])));
      const ys = pts.map((p) => Math.max(view[1], Math.min(view[3], p[1])));
      const cover = ((Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys))) / pageArea;
      if (cover > best) {
        best = cover;
        // paintImageXObject: [id, width, height]; an inline image: [{ width, height, … }].
        const px = typeof args?.[1] === 'number' ? (args[1] as number) : Number((args?.[0] as { width?: number } | null)?.width ?? 0);
        const across = Math.hypot(pts[1][0] - pts[0][0], pts[1][1] - pts[0][1]);
        dpi = px > 0 && across > 0 ? Math.round(px / (across / 72)) : 0;
      }
    }
  });
  return { cover: Math.min(1, best), dpi };
}

/** Whether a page is to be read by OCR, and why. */
export async function scanInfo(page: ScanPageLike, ops: PdfOps = PDFJS_OPS): Promise<ScanInfo> {
  const content = await page.getTextContent();
  const text = content.items.map((i) => (i && typeof i === 'object' && 'str' in i ? String((i as { str: unknown }).str) : '')).join('');
  const chars = [...text.replace(/\s+/gu, '')].length;
  const garbage = garbageCount(text);
  const { cover, dpi } = largestPicture(await page.getOperatorList(), page.view, ops);
  // No text to speak of: whatever the page shows (a picture, or text drawn as outlines) is read by OCR.
  if (chars < FEW_CHARS) return { scan: true, why: 'no-text', chars, garbage, imageCover: cover, imageDpi: dpi };
  // A text layer of garbage: over a picture of the page (a bad OCR layer), or drawn in a font
  // without a ToUnicode map (the page itself is then readable only by OCR too).
  if (garbage / chars >= GARBAGE_SHARE) return { scan: true, why: 'garbage-text', chars, garbage, imageCover: cover, imageDpi: dpi };
  return { scan: false, why: 'text', chars, garbage, imageCover: cover, imageDpi: dpi };
}

/** A page rendered by the caller: gray pixels at `scale`, and (viewer) the canvas they came from. */
export interface RenderedScan {
  gray: Gray;
  width: number;
  height: number;
  element?: HTMLCanvasElement | HTMLImageElement;
}

export interface OcrPdfOptions {
  render(page: ScanPageLike, scale: number): Promise<RenderedScan>;
  recognizer: Recognizer;
  /** After each page: pages done, pages to read. */
  onPage?(done: number, total: number): void;
  signal?: AbortSignal;
  /** Viewport scale of the renders (default SCAN_SCALE). */
  scale?: number;
  /** The pages to read (1-based); default: every page scanInfo calls a scan. */
  pages?: number[];
  ops?: PdfOps;
}

export interface OcrPdfResult {
  source: SourceDoc;
  /** The pages read by OCR (1-based). */
  pagesRead: number[];
  /** Pages left to their text layer (not scans). */
  textPages: number[];
  /** Tables found, per page read. */
  tables: { page: number; count: number }[];
  notices: Text[];
  /** Pages without a ruled table read whole (a report whose tables have no rules). */
  wholePages?: number[];
}

/**
 * Viewport scale of a page render for OCR: 2.5 (180 dpi) puts 9–10.5 pt table text at about the
 * height the picture reader reads best without doubling it.
 */
export const SCAN_SCALE = 2.5;

/**
 * Below this resolution a scan's blur makes Tesseract read one look-alike digit for another (8 for
 * 9, 3 for 8) surely every time it reads it again: a total off by such a digit asks for a human look.
 */
export const LOW_DPI = 220;

const aborted = () => new DOMException('The scan reading was cancelled', 'AbortError');

/** A table found on a straightened page: its box, and its rules (for joining it to the next page's). */
interface TableBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Upright rules of its first and of its last row of cells, as offsets from its left edge. */
  firstCols: number[];
  lastCols: number[];
  /** Little else on the page above it (it may continue a table) / below it (it may go on). */
  headOfPage: boolean;
  footOfPage: boolean;
  /** Rows of cells (rules less one, and a row left open at a page break). */
  rows: number;
  /** No rule at its top (bottom): cut there by a page break. */
  openTop: boolean;
  openBottom: boolean;
  /** How far (pixels) its upright rules run on above its first (below its last) rule; its mean row pitch. */
  openAbove?: number;
  openBelow?: number;
  pitch?: number;
}

/** A page made ready: straightened, its ink, its tables. */
interface ScanPage {
  page: number;
  ref: PageScanRef;
  /** The straightened render, and the turn undone (degrees; rotate()'s sign). */
  straight: Gray;
  angle: number;
  tables: TableBox[];
  /** Scanned below LOW_DPI: look-alike digits are never confirmed by reading again. */
  lowRes: boolean;
}

/** A table's part on one page; for its first part, the strip of page above it (its heading). */
type Part = { at: ScanPage; box: TableBox; above?: Strip };
type Strip = { x: number; y: number; w: number; h: number };

/**
 * The strip of page right above a table, where its section heading and caption stand: about three
 * lines of text, never reaching into the table above.
 */
function stripAbove(at: ScanPage, box: TableBox, prev: TableBox | null): Strip | undefined {
  const H = at.straight.height;
  const top = Math.max(prev ? prev.y + prev.h + 4 : 0, box.y - Math.round(H * 0.07));
  const bottom = box.y - 3;
  if (bottom - top < H * 0.012) return undefined;
  return { x: 0, y: top, w: at.straight.width, h: bottom - top };
}

/** The lines of text in a strip of page, each one line of the document (prose or a heading). */
async function headingLines(at: ScanPage, strip: Strip, rec: Recognizer): Promise<Line[]> {
  const img = crop(at.straight, strip.x, strip.y, strip.w, strip.h);
  const mask = inkMask(img);
  if (!mask.data.some((v) => v === 0)) return [];
  const words = (await rec.words(inkOnly(img, mask))).filter((w) => w.text.trim() && w.confidence >= 50);
  const byLine: OcrWord[][] = [];
  for (const w of [...words].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1))) {
    const line = byLine[byLine.length - 1];
    const h = Math.max(8, w.y1 - w.y0);
    if (line && Math.abs((w.y0 + w.y1) / 2 - (line[0].y0 + line[0].y1) / 2) < h * 0.6) line.push(w);
    else byLine.push([w]);
  }
  return byLine.map((ws) => {
    ws.sort((a, b) => a.x0 - b.x0);
    const text = ws.map((w) => w.text).join('');
    const x0 = Math.min(...ws.map((w) => w.x0));
    const y0 = Math.min(...ws.map((w) => w.y0));
    const box = unturn(at, x0 + strip.x, y0 + strip.y, Math.max(...ws.map((w) => w.x1)) - x0, Math.max(...ws.map((w) => w.y1)) - y0);
    const anchor: Anchor = { kind: 'image', image: at.ref, ...box };
    const token: Token = { kind: 'text', raw: text, cell: false, confident: true, ocr: true, anchor };
    return { tokens: [token], text, prose: isProse(text), rowEnd: true, anchor };
  });
}

/** Paper made white and ink kept (gray paper and grain throw Tesseract's line finding off). */
function inkOnly(img: Gray, mask: Gray): Gray {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = mask.data[i] === 0 ? img.data[i] : 255;
  return { ...img, data };
}

/**
 * Reads the scanned pages of a PDF: each rendered, its tables found and read by the picture
 * reader, their lines in page order with image anchors on the page renders (`image`: PageScanRef).
 * Throws an AbortError when `signal` is aborted (checked between pages and between tables).
 */
export async function ocrPdf(doc: ScanDocLike, opts: OcrPdfOptions): Promise<OcrPdfResult> {
  const scale = opts.scale ?? SCAN_SCALE;
  const notices: Text[] = [];
  const textPages: number[] = [];
  let todo = opts.pages;
  const dpiOf = new Map<number, number>();
  if (!todo) {
    todo = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (opts.signal?.aborted) throw aborted();
      const info = await scanInfo(await doc.getPage(n), opts.ops);
      (info.scan ? todo : textPages).push(n);
      dpiOf.set(n, info.imageDpi);
    }
  }
  const lines: Line[] = [];
  const pagesRead: number[] = [];
  const tables: { page: number; count: number }[] = [];
  // The last table of the page before (with the pages it began on), when it may go on on this page.
  let pending: Part[] | null = null;
  const read = async (parts: Part[]) => {
    if (opts.signal?.aborted) throw aborted();
    try {
      // The words just above a table first (its section heading, a caption): the parser finds the
      // tables by their sections' headings, as in a text report.
      if (parts[0].above) lines.push(...(await headingLines(parts[0].at, parts[0].above, opts.recognizer)));
      lines.push(...(await readParts(parts, opts.recognizer)));
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      const pages = [...new Set(parts.map((p) => p.at.page))].join('–');
      notices.push({ zh: `第 ${pages} 页的表格识别出错：${(e as Error).message}`, en: `Reading the table on page ${pages} failed: ${(e as Error).message}` });
    }
  };
  const wholePages: number[] = [];
  const readWhole = async (at: ScanPage) => {
    if (opts.signal?.aborted) throw aborted();
    try {
      lines.push(...(await readWholePage(at, opts.recognizer)));
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      notices.push({ zh: `第 ${at.page} 页识别出错：${(e as Error).message}`, en: `Reading page ${at.page} failed: ${(e as Error).message}` });
    }
  };
  for (const [k, n] of todo.entries()) {
    if (opts.signal?.aborted) throw aborted();
    let at: ScanPage;
    try {
      const page = await doc.getPage(n);
      if (!dpiOf.has(n)) dpiOf.set(n, largestPicture(await page.getOperatorList(), page.view, opts.ops).dpi);
      const r = await opts.render(page, scale);
      page.cleanup?.();
      at = preparePage(n, scale, r, dpiOf.get(n)!);
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      notices.push({ zh: `第 ${n} 页无法渲染，未识别：${(e as Error).message}`, en: `Page ${n} could not be rendered and was not read: ${(e as Error).message}` });
      if (pending) await read(pending);
      pending = null;
      continue;
    }
    pagesRead.push(n);
    tables.push({ page: n, count: at.tables.length });
    const boxes = [...at.tables];
    const more = k + 1 < todo.length;
    if (pending) {
      const last = pending[pending.length - 1];
      const first = boxes[0];
      // The rest of the table begun at the foot of the page before: read together, as one table.
      if (first && last.at.page === n - 1 && continues(last.box, first)) {
        boxes.shift();
        pending.push({ at, box: first });
        // The whole page is the table's, and it goes on further.
        if (!(boxes.length === 0 && first.footOfPage && more)) {
          await read(pending);
          pending = null;
        }
      } else {
        await read(pending);
        pending = null;
      }
    }
    // A lone row of cells at the head of a page is read only as the end of a table begun before.
    const own = boxes.filter((b) => b.rows >= 2);
    // No ruled table on this page nor before it: a report whose tables have no rules (or rules too
    // faint to find). The whole page is read as a picture, by rows of words (headings included).
    if (!own.length && !pending && !tables.some((t) => t.count > 0)) {
      await readWhole(at);
      wholePages.push(n);
    }
    for (const [i, box] of own.entries()) {
      const above = stripAbove(at, box, i > 0 ? own[i - 1] : null);
      if (i === own.length - 1 && box.footOfPage && more) pending = [{ at, box, above }];
      else await read([{ at, box, above }]);
    }
    opts.onPage?.(k + 1, todo.length);
  }
  if (pending) await read(pending);
  // Pages read whole before the first ruled table of a report that has ruled tables: their lines
  // stay (a heading, table 二 without rules), and the table reading is what the notice says.
  if (wholePages.length && tables.every((t) => t.count === 0))
    notices.push({
      zh: `第 ${wholePages.join('、')} 页未找到表格线，已按整页文字行识别；数值与列的对应可能有误，请人工核对`,
      en: `No table rules were found on page(s) ${wholePages.join(', ')}; they were read whole, by rows of words: values may be matched to the wrong column, please check`,
    });
  return { source: { lines: joinCutLabels(lines) }, pagesRead, textPages, tables, notices, wholePages };
}

/** A render straightened and searched for tables. */
function preparePage(page: number, scale: number, r: RenderedScan, dpi: number): ScanPage {
  const angle = skewAngle(inkMask(r.gray));
  const straight = straighten(r.gray, angle);
  const mask = inkMask(straight);
  return { page, ref: { page, scale, width: r.width, height: r.height, ...(r.element ? { element: r.element } : {}) }, straight, angle, tables: findTables(mask), lowRes: dpi > 0 && dpi < LOW_DPI };
}

/**
 * The page turned back by `angle` (as rotate() does), the corners it uncovers filled with the
 * paper's own gray: white corners on gray paper would be edges, and edges are ink.
 */
export function straighten(img: Gray, angle: number): Gray {
  if (!angle) return img;
  const out = rotate(img, angle);
  const sample = img.data.filter((_, i) => i % 97 === 0).sort((a, b) => a - b);
  const paper = sample[Math.floor(sample.length * 0.9)] ?? 255;
  const { width: w, height: h } = img;
  const t = (angle * Math.PI) / 180;
  const [cos, sin] = [Math.cos(t), Math.sin(t)];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sx = Math.round(cos * (x - w / 2) - sin * (y - h / 2) + w / 2);
      const sy = Math.round(sin * (x - w / 2) + cos * (y - h / 2) + h / 2);
      if (sx < 0 || sy < 0 || sx >= w || sy >= h) out.data[y * w + x] = paper;
    }
  return out;
}

/** The ruled tables on a page's ink mask (ink 0), top to bottom. */
export function findTables(mask: Gray): TableBox[] {
  const { width: W, height: H, data } = mask;
  const dark = (x: number, y: number) => data[y * W + x] < 128;
  // Horizontal rules: runs of ink (gaps of a pixel or two bridged) longer than any character stroke.
  const minRun = Math.max(40, Math.round(W * 0.06));
  type Seg = { y0: number; y1: number; x0: number; x1: number };
  const segs: Seg[] = [];
  let open: Seg[] = [];
  for (let y = 0; y < H; y++) {
    const runs: [number, number][] = [];
    let start = -1;
    let gap = 0;
    for (let x = 0; x <= W; x++) {
      const d = x < W && dark(x, y);
      if (d) {
        if (start < 0) start = x;
        gap = 0;
      } else if (start >= 0 && ++gap > 2) {
        const end = x - gap;
        if (end - start + 1 >= minRun) runs.push([start, end]);
        start = -1;
        gap = 0;
      }
    }
    const next: Seg[] = [];
    for (const [x0, x1] of runs) {
      const s = open.find((o) => o.y1 >= y - 2 && Math.min(o.x1, x1) - Math.max(o.x0, x0) > 0);
      if (s) {
        s.y1 = y;
        s.x0 = Math.min(s.x0, x0);
        s.x1 = Math.max(s.x1, x1);
        if (!next.includes(s)) next.push(s);
      } else {
        const n = { y0: y, y1: y, x0, x1 };
        segs.push(n);
        next.push(n);
      }
    }
    open = [...next, ...open.filter((o) => o.y1 >= y - 2 && !next.includes(o))];
  }
  // A band too tall is a filled block or a picture, not a rule; keep rules only.
  const rules = segs.filter((s) => s.y1 - s.y0 <= 12).sort((a, b) => a.y0 - b.y0);
  // Columns' ink counted from the top (a pixel's neighbours left and right count: slight turns).
  const col = new Int32Array((W + 0) * (H + 1));
  for (let x = 0; x < W; x++) {
    let c = 0;
    for (let y = 0; y < H; y++) {
      if (dark(x, y) || (x > 0 && dark(x - 1, y)) || (x + 1 < W && dark(x + 1, y))) c++;
      col[(y + 1) * W + x] = c;
    }
  }
  const inkRun = (x: number, y0: number, y1: number) => (y1 <= y0 ? 1 : (col[y1 * W + x] - col[y0 * W + x]) / (y1 - y0));
  /** Upright rules joining two horizontal rules: columns inked over the whole stretch between them. */
  const uprights = (a: Seg, b: Seg): number[] => {
    const y0 = a.y1 + 1;
    const y1 = b.y0;
    const xs: number[] = [];
    const from = Math.max(a.x0, b.x0) - 2;
    const to = Math.min(a.x1, b.x1) + 2;
    for (let x = Math.max(0, from); x <= Math.min(W - 1, to); x++) {
      if (inkRun(x, y0, y1) >= 0.92) {
        if (xs.length && x - xs[xs.length - 1] <= 3) xs[xs.length - 1] = x;
        else xs.push(x);
      }
    }
    return xs;
  };
  // Rules joined into tables: each rule to the nearest rules below it that an upright rule reaches.
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < rules.length; i++) {
    let tried = 0;
    for (let j = i + 1; j < rules.length && tried < 4; j++) {
      const a = rules[i];
      const b = rules[j];
      if (b.y0 <= a.y1 + 1 || Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) <= 0) continue;
      tried++;
      const ups = uprights(a, b);
      if (ups.length >= 2) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, number[]>();
  rules.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const out: TableBox[] = [];
  // Ink above and below a table, within its width (the page's edges and margins hold scanner
  // shadows and the seam of the straightening).
  /** How far most of these upright rules run on from row y (down: dir 1, up: -1); 0 when they stop there. */
  const runOn = (xs: number[], y: number, dir: 1 | -1): number => {
    if (xs.length < 2) return 0;
    const runs = xs.map((x) => {
      let at = y + dir;
      let gap = 0;
      let last = y;
      for (; at >= 0 && at < H && gap <= 2; at += dir) {
        if (dark(x, at) || (x > 0 && dark(x - 1, at)) || (x + 1 < W && dark(x + 1, at))) {
          gap = 0;
          last = at;
        } else gap++;
      }
      return Math.abs(last - y);
    });
    const long = runs.filter((r) => r >= 12).sort((a, b) => a - b);
    if (long.length < Math.max(2, xs.length * 0.6)) return 0;
    return long[long.length >> 1];
  };
  // Grain on gray paper puts a few specks in every row: only ink above that floor (the median
  // row's) counts.
  const inkIn = (y0: number, y1: number, x0: number, x1: number) => {
    const rows: number[] = [];
    for (let y = Math.max(0, y0); y < Math.min(H, y1); y++) {
      let n = 0;
      for (let x = Math.max(0, x0); x <= Math.min(W - 1, x1); x++) if (dark(x, y)) n++;
      rows.push(n);
    }
    const floor = [...rows].sort((a, b) => a - b)[rows.length >> 1] ?? 0;
    return rows.reduce((a, n) => a + Math.max(0, n - 2 * floor - 2), 0);
  };
  for (const members of groups.values()) {
    const rs = members.map((i) => rules[i]);
    const x0 = Math.min(...rs.map((r) => r.x0));
    const x1 = Math.max(...rs.map((r) => r.x1));
    const y0 = Math.min(...rs.map((r) => r.y0));
    const y1 = Math.max(...rs.map((r) => r.y1));
    if (x1 - x0 < W * 0.15) continue;
    // The rules' rows (pieces of one rule, broken by noise, are one).
    const ys: { y0: number; y1: number }[] = [];
    for (const r of [...rs].sort((a, b) => a.y0 - b.y0)) {
      const last = ys[ys.length - 1];
      if (last && r.y0 <= last.y1 + 3) last.y1 = Math.max(last.y1, r.y1);
      else ys.push({ y0: r.y0, y1: r.y1 });
    }
    // Nothing else above (below) it but a page number or a speck: less ink than a few characters
    // (a line of text is about 1/60 of the page high; a heading holds ten times this ink).
    if (ys.length < 2) continue;
    const columnsOf = (a: { y1: number }, b: { y0: number }) => uprights({ y0: 0, y1: a.y1, x0, x1 }, { y0: b.y0, y1: b.y0, x0, x1 }).map((x) => x - x0);
    const firstCols = columnsOf(ys[0], ys[1]);
    const lastCols = columnsOf(ys[ys.length - 2], ys[ys.length - 1]);
    // A table cut by a page break may have no rule where it is cut: its upright rules run on past
    // the last (or before the first) horizontal rule, around a row of cells.
    const below = runOn(lastCols.map((x) => x + x0), y1, 1);
    const above = runOn(firstCols.map((x) => x + x0), y0, -1);
    const top = y0 - above;
    const bottom = y1 + below;
    const fewChars = (x1 - x0) * (H / 60) * 0.04;
    const headOfPage = inkIn(0, top - 2, x0, x1) <= fewChars;
    const footOfPage = inkIn(bottom + 3, H, x0, x1) <= fewChars;
    // Two rows of cells at least; one row only at the head of a page (the last row of a table begun before).
    const rows = ys.length - 1 + (above ? 1 : 0) + (below ? 1 : 0);
    if (rows < 2 && !(rows === 1 && headOfPage)) continue;
    out.push({ x: x0, y: top, w: x1 - x0 + 1, h: bottom - top + 1, firstCols, lastCols, headOfPage, footOfPage, rows, openTop: above > 0, openBottom: below > 0, openAbove: above, openBelow: below, pitch: (y1 - y0) / (ys.length - 1) });
  }
  return out.sort((a, b) => a.y - b.y);
}

/** A table at the head of a page continues the one at the foot of the page before: same width, same columns. */
export function continues(above: TableBox, below: TableBox): boolean {
  if (!above.footOfPage || !below.headOfPage) return false;
  const tol = Math.max(4, above.w * 0.012);
  if (Math.abs(above.w - below.w) > tol * 2) return false;
  const a = above.lastCols;
  const b = below.firstCols;
  if (a.length < 2 || b.length < 2) return false;
  const matched = b.filter((x) => a.some((y) => Math.abs(x - y) <= tol)).length;
  // A row of one cell across the table (a caption of table 二) has its borders only: they must match.
  return matched >= Math.max(2, Math.min(a.length, b.length) === 2 ? 2 : 0.7 * Math.max(a.length, b.length));
}

/**
 * One table, from one page or from the foot of one and the head of the next, read as one picture;
 * its anchors put back on the page renders they came from.
 */
async function readParts(parts: Part[], rec: Recognizer): Promise<Line[]> {
  const margin = 12;
  const cuts = parts.map(({ at, box }, i) => {
    // Joined parts meet at their rules: no margin at the seam.
    const top = i === 0 ? box.y - margin : box.y;
    const bottom = i === parts.length - 1 ? box.y + box.h + margin : box.y + box.h;
    const left = box.x - margin;
    const img = crop(at.straight, left, top, box.w + 2 * margin, bottom - top);
    const cutTop = Math.max(0, Math.round(top));
    const cutLeft = Math.max(0, Math.round(left));
    // The rule a page break left out, drawn in: the picture reader finds cells between rules.
    const ruleAt = (y: number) => {
      for (let yy = Math.max(0, y); yy < Math.min(img.height, y + 2); yy++) img.data.fill(0, yy * img.width + Math.max(0, box.x - cutLeft), yy * img.width + Math.min(img.width, box.x - cutLeft + box.w));
    };
    if (box.openTop && !(i > 0 && rowCut(parts[i - 1].box, box))) ruleAt(box.y - cutTop);
    if (box.openBottom && !(i + 1 < parts.length && rowCut(box, parts[i + 1].box))) ruleAt(box.y + box.h - cutTop - 2);
    return { at, img, left: cutLeft, top: cutTop, dx: 0 };
  });
  // Left edges lined up (each sheet lay a little differently on the glass).
  const base = parts[0].box.x;
  cuts.forEach((c, i) => (c.dx = Math.round(parts[i].box.x - base)));
  const width = Math.max(...cuts.map((c) => c.img.width - c.dx));
  const height = cuts.reduce((a, c) => a + c.img.height, 0);
  let picture: Gray;
  if (cuts.length === 1) picture = cuts[0].img;
  else {
    const data = new Uint8Array(width * height).fill(255);
    let y = 0;
    for (const c of cuts) {
      for (let r = 0; r < c.img.height; r++)
        for (let x = 0; x < c.img.width; x++) {
          const tx = x - c.dx;
          if (tx >= 0 && tx < width) data[(y + r) * width + tx] = c.img.data[r * c.img.width + x];
        }
      y += c.img.height;
    }
    picture = { width, height, data };
  }
  const doc = await readTableImage(picture, rec, parts[0].at.ref, { scanned: parts.some((p) => p.at.lowRes) });
  // Back on the pages: the part an anchor's centre falls in, its offset on that page, the page's turn undone.
  const starts = cuts.map((_, i) => cuts.slice(0, i).reduce((a, c) => a + c.img.height, 0));
  const place = (a: Anchor): Anchor => {
    if (a.kind !== 'image') return a;
    const cy = a.y + a.h / 2;
    let i = cuts.length - 1;
    while (i > 0 && cy < starts[i]) i--;
    const c = cuts[i];
    const x = a.x + c.dx + c.left;
    const y = a.y - starts[i] + c.top;
    return { ...a, image: c.at.ref, ...unturn(c.at, x, y, a.w, a.h) };
  };
  return doc.lines.map((l) => ({ ...l, anchor: place(l.anchor), tokens: l.tokens.map((t) => ({ ...t, anchor: place(t.anchor) })) }));
}

/** A whole page read as one picture of a table without rules; its anchors put back on the page render. */
async function readWholePage(at: ScanPage, rec: Recognizer): Promise<Line[]> {
  const doc = await readTableImage(at.straight, rec, at.ref, { scanned: at.lowRes });
  const place = (a: Anchor): Anchor => (a.kind === 'image' ? { ...a, image: at.ref, ...unturn(at, a.x, a.y, a.w, a.h) } : a);
  return doc.lines.map((l) => ({ ...l, anchor: place(l.anchor), tokens: l.tokens.map((t) => ({ ...t, anchor: place(t.anchor) })) }));
}

/**
 * One row of cells cut in two by the page break, not two rows without rules between them: the open
 * ends of the two parts make about one row together (wkhtmltopdf cuts a row through its digits).
 * The two are then joined without a rule, so that the halves of its digits meet again.
 */
export function rowCut(above: TableBox, below: TableBox): boolean {
  if (!above.openBottom || !below.openTop || !above.pitch || !below.pitch) return false;
  const pitch = Math.max(above.pitch, below.pitch);
  const a = above.openBelow ?? 0;
  const b = below.openAbove ?? 0;
  return a + b <= pitch * 1.4 && Math.min(a, b) < pitch * 0.6;
}

/** A box on the straightened page, back on the page as rendered (its centre turned back). */
function unturn(at: ScanPage, x: number, y: number, w: number, h: number): { x: number; y: number; w: number; h: number } {
  if (!at.angle) return { x, y, w, h };
  const t = (at.angle * Math.PI) / 180;
  const cx = at.straight.width / 2;
  const cy = at.straight.height / 2;
  const px = x + w / 2 - cx;
  const py = y + h / 2 - cy;
  // rotate(): the straight pixel (x, y) came from (cos·x − sin·y, sin·x + cos·y) about the centre.
  const sx = Math.cos(t) * px - Math.sin(t) * py + cx;
  const sy = Math.sin(t) * px + Math.cos(t) * py + cy;
  return { x: sx - w / 2, y: sy - h / 2, w, h };
}
