// A whole PDF document (a pdf.js PDFDocumentProxy) → checked report: the same code in the viewer
// and on the command line, so both give the same findings for the same file. No pdf.js import
// here: the caller loads pdf.js its own way (the viewer bundles it, Node uses the legacy build) and
// hands in how to render a page and how to get a recognizer.
//
// Three kinds of PDF: a text layer (read from geometry, lib/read/pdf.ts); a scan (every page read
// by OCR, table rules only, lib/read/pdf-scan.ts); a text layer whose tables are pictures (the
// report read from its text, the pictures' pages read by OCR where a table is missing, as on web
// pages).
import { checkDoc, type CheckOptions, type CheckResult } from '../check';
import type { Finding, Text } from '../findings';
import type { Line, PageScanRef, SourceDoc } from '../model';
import type { Gray } from '../ocr/image';
import { readTableImage, type Recognizer } from '../ocr/table';
import { isScanned, pdfSource, type PdfPage } from './pdf';
import { PDF_OPS, extractPage, type PdfOps, type PdfPageApi } from './pdf-extract';
import { pagePictures } from './pdf-pictures';
import { needsOcr, ocrPdf, type OcrPdfResult, type RenderedScan, type ScanDocLike, type ScanPageLike } from './pdf-scan';

/** The parts of pdf.js's document proxy this module uses. */
export interface PdfDocLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageApi & ScanPageLike>;
}

export interface PdfRead {
  source: SourceDoc;
  /** The file is a scan: pictures of pages without a text layer (read by OCR). */
  scanned: boolean;
  pages: PdfPage[];
  /** Pages (1-based) holding a picture large enough to be a table (PICTURE_SHARE of the page). */
  picturePages: number[];
}

/**
 * A picture at least this wide (share of the page's width) and this large (share of its area) may be
 * a table published as a picture; a seal, a logo or a QR code is smaller. Table 四 is a wide, low
 * strip (about 5 % of an A4 page).
 */
export const PICTURE_WIDTH = 0.2;
export const PICTURE_SHARE = 0.03;

const area = (r: number[]) => Math.abs((r[2] - r[0]) * (r[3] - r[1]));

/** A picture's box that may hold a table, on a page of this box. */
export const tableSized = (r: number[], view: number[]) => Math.abs(r[2] - r[0]) >= PICTURE_WIDTH * Math.abs(view[2] - view[0]) && area(r) >= PICTURE_SHARE * area(view);

/** Pages with a picture that may be a table. */
export function picturePages(pages: PdfPage[]): number[] {
  return pages.filter((p) => (p.images ?? []).some((r) => tableSized(r, p.view))).map((p) => p.page);
}

/**
 * Every page's items, rules and tagged tables (pdf-extract.ts), then lines and cells rebuilt from
 * geometry, each token anchored to its page and box (pdf.ts). `ops`: the caller's pdf.js OPS.
 */
export async function readPdfDoc(doc: PdfDocLike, ops?: PdfOps): Promise<PdfRead> {
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pages.push(await extractPage(page, n, ops));
    page.cleanup?.();
  }
  // No text layer, or one of garbage on most pages (a font without a ToUnicode map, a bad OCR layer).
  const scanned = isScanned(pages) || pages.filter((p) => needsOcr(p.items.map((i) => i.str))).length * 2 > pages.length;
  return { source: scanned ? { lines: [] } : pdfSource(pages), scanned, pages, picturePages: picturePages(pages) };
}

/** What the OCR of a scan gives (lib/read/pdf-scan.ts ocrPdf), as far as the check needs it. */
export interface ScanReadLike {
  source: SourceDoc;
  pagesRead: number[];
  textPages: number[];
  notices: Text[];
  wholePages?: number[];
}

const TABLE_NAMES: Record<string, [string, string]> = {
  t2: ['表二（主动公开）', 'Table 二 (proactive disclosure)'],
  t3: ['表三（依申请公开）', 'Table 三 (requests)'],
  t4: ['表四（复议、诉讼）', 'Table 四 (reviews and suits)'],
};

export interface PdfChecked {
  result: CheckResult;
  /** What reading had to do or could not do (beside the engine's own notices). */
  notices: Text[];
  /** Nothing was checked (a scan without any table): never 「未发现问题」. */
  failed: boolean;
  kind: 'text' | 'scan' | 'text+pictures';
}

/**
 * The check of a scanned PDF's OCR: table rules only (headings and prose are not read), and what
 * was not read said. No table at all: `failed`.
 */
export function checkScanRead(read: ScanReadLike): PdfChecked {
  const result = checkDoc(read.source, { force: true, scope: 'tables' });
  const found = Object.entries(result.report?.tables ?? {}).filter(([, t]) => t.found);
  if (!found.length)
    return {
      kind: 'scan',
      result: { ...result, findings: [] },
      failed: true,
      notices: [{ zh: `未在扫描版 PDF 中找到年报表格（已识别 ${read.pagesRead.length} 页）`, en: `No annual-report table was found in the scanned PDF (${read.pagesRead.length} pages read)` }, ...read.notices],
    };
  // Pages read whole (tables without rules): their headings and text were read, but not checked.
  const whole = read.wholePages?.length === read.pagesRead.length;
  const notices: Text[] = [
    whole
      ? { zh: `扫描版 PDF：已对 ${read.pagesRead.length} 页进行文字识别，只核对表格（标题和正文未核对）`, en: `Scanned PDF: ${read.pagesRead.length} pages read by OCR; only the tables are checked (headings and text are not checked)` }
      : { zh: `扫描版 PDF：已对 ${read.pagesRead.length} 页进行文字识别，只核对表格（标题和正文未识别）`, en: `Scanned PDF: ${read.pagesRead.length} pages read by OCR; only the tables are checked (headings and text are not read)` },
    ...read.notices,
  ];
  for (const [id, [zh, en]] of Object.entries(TABLE_NAMES))
    if (!found.some(([k]) => k === id)) notices.push({ zh: `扫描页中未识别到${zh}，未核对`, en: `${en} was not recognised on the scanned pages and was not checked` });
  if (read.textPages.length) notices.push({ zh: `第 ${read.textPages.join('、')} 页有文字层，未做文字识别`, en: `Page(s) ${read.textPages.join(', ')} have a text layer and were not read by OCR` });
  return { kind: 'scan', result, notices, failed: false };
}

/** Tables whose section is there but which the text layer did not hold. */
const missingTables = (result: CheckResult): string[] =>
  result.report ? result.findings.filter((f) => f.rule === 'table-missing').map((f) => `t${f.section}`) : [];

/** The top of the first OCR line of a page, in the page's user space (y up). */
function topOf(lines: Line[], view: number[]): number {
  const a = lines[0].anchor;
  if (a.kind !== 'image') return view[3];
  const ref = a.image as PageScanRef;
  const box = ref.rect ?? view;
  return box[3] - (a.y / ref.height) * (box[3] - box[1]);
}

/**
 * The text layer's lines with the tables OCR read from pictures put where the pictures stand: after
 * the page's text lines above them (the pages' text lines are in reading order, top to bottom).
 */
export function withPictureTables(source: SourceDoc, ocrLines: Line[], pages: PdfPage[]): SourceDoc {
  // One group per picture (or page render): its lines stay together, in their order.
  const groups = new Map<unknown, Line[]>();
  for (const l of ocrLines) {
    const key = l.anchor.kind === 'image' ? l.anchor.image : null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(l);
  }
  const placed = [...groups.values()].map((group) => {
    const n = group[0].anchor.kind === 'image' ? (group[0].anchor.image as PageScanRef).page : 0;
    const view = pages.find((p) => p.page === n)?.view ?? [0, 0, 0, 0];
    const top = topOf(group, view);
    // After the last line of an earlier page, or of this page standing above the picture.
    let at = 0;
    source.lines.forEach((l, i) => {
      const a = l.anchor;
      if (a.kind === 'pdf' && (a.page < n || (a.page === n && a.rect[1] >= top - 2))) at = i + 1;
    });
    return { at, n, top, group };
  });
  // Inserted from the end, so earlier positions stay valid; pictures at one place in page order.
  placed.sort((a, b) => b.at - a.at || b.n - a.n || a.top - b.top);
  const lines = [...source.lines];
  for (const p of placed) lines.splice(p.at, 0, ...p.group);
  return { ...source, lines };
}

/** How a page is rendered and OCR got, in Node or in the viewer. */
export interface PdfOcrDeps {
  render(page: ScanPageLike, scale: number): Promise<RenderedScan>;
  recognizer(): Promise<Recognizer & { close?(): Promise<void> }>;
  onPage?(done: number, total: number): void;
  signal?: AbortSignal;
  /** The viewer: a picture's pixels as a canvas, for the crops in a card. */
  canvasOf?(gray: Gray): HTMLCanvasElement;
}

/** Resamples a gray picture to `w` × `h` (area average; the same arithmetic in Node and the browser). */
export function resizeGray(img: Gray, w: number, h: number): Gray {
  const out = new Uint8Array(w * h);
  const sx = img.width / w;
  const sy = img.height / h;
  for (let y = 0; y < h; y++) {
    const y0 = y * sy;
    const y1 = Math.max(y0 + 1e-9, (y + 1) * sy);
    for (let x = 0; x < w; x++) {
      const x0 = x * sx;
      const x1 = Math.max(x0 + 1e-9, (x + 1) * sx);
      let sum = 0;
      let weight = 0;
      for (let yy = Math.floor(y0); yy < Math.min(img.height, Math.ceil(y1)); yy++) {
        const wy = Math.min(y1, yy + 1) - Math.max(y0, yy);
        for (let xx = Math.floor(x0); xx < Math.min(img.width, Math.ceil(x1)); xx++) {
          const wx = Math.min(x1, xx + 1) - Math.max(x0, xx);
          sum += img.data[yy * img.width + xx] * wx * wy;
          weight += wx * wy;
        }
      }
      out[y * w + x] = weight ? Math.round(sum / weight) : 255;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * A scanned page is one picture filling the page: its own pixels (decoded by pdf.js alike in Node
 * and the browser), resampled by our code to the render's size, so the command line and the viewer
 * read the same pixels (two canvases scale a picture differently). Other pages are rendered.
 */
export function samePixels(deps: Pick<PdfOcrDeps, 'render' | 'canvasOf'>, ops: PdfOps): PdfOcrDeps['render'] {
  return async (page, scale) => {
    const p = page as unknown as { view: number[]; rotate?: number };
    const view = p.view;
    const full = (r: number[], v: number[]) => area(r) >= 0.95 * area(v);
    if (!p.rotate) {
      try {
        const [pic, ...more] = await pagePictures(page as never, 0, full, ops);
        if (pic && !more.length) {
          const w = Math.ceil(Math.abs(view[2] - view[0]) * scale);
          const h = Math.ceil(Math.abs(view[3] - view[1]) * scale);
          const gray = resizeGray(pic.gray, w, h);
          return { gray, width: w, height: h, ...(deps.canvasOf ? { element: deps.canvasOf(gray) } : {}) };
        }
      } catch {
        // Rendered instead.
      }
    }
    return deps.render(page, scale);
  };
}

async function ocrPages(doc: PdfDocLike, deps: PdfOcrDeps, pages: number[] | undefined, ops: PdfOps): Promise<OcrPdfResult> {
  const recognizer = await deps.recognizer();
  try {
    return await ocrPdf(doc as unknown as ScanDocLike, { render: samePixels(deps, ops), recognizer, onPage: deps.onPage, signal: deps.signal, pages });
  } finally {
    await recognizer.close?.().catch(() => {});
  }
}

/** The large pictures of some pages, read as pictures of tables; their lines anchored on their pages. */
async function readPictures(doc: PdfDocLike, pages: number[], ops: PdfOps, deps: PdfOcrDeps): Promise<{ lines: Line[]; pictures: number; notices: Text[] }> {
  const recognizer = await deps.recognizer();
  const lines: Line[] = [];
  const notices: Text[] = [];
  let pictures = 0;
  try {
    for (const [k, n] of pages.entries()) {
      if (deps.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      const page = await doc.getPage(n);
      for (const pic of await pagePictures(page as never, n, tableSized, ops)) {
        pictures++;
        const ref: PageScanRef = { page: n, scale: 1, width: pic.gray.width, height: pic.gray.height, rect: pic.rect, ...(deps.canvasOf ? { element: deps.canvasOf(pic.gray) } : {}) };
        try {
          lines.push(...(await readTableImage(pic.gray, recognizer, ref)).lines);
        } catch (e) {
          notices.push({ zh: `第 ${n} 页的图片无法识别：${(e as Error).message}`, en: `A picture on page ${n} could not be read: ${(e as Error).message}` });
        }
      }
      deps.onPage?.(k + 1, pages.length);
    }
  } finally {
    await recognizer.close?.().catch(() => {});
  }
  return { lines, pictures, notices };
}

/** A table-missing error where a picture stands that we could not read as a table: a warning, ours. */
function pictureMaybe(f: Finding, pages: number[]): Finding {
  if (f.rule !== 'table-missing') return f;
  const list = pages.join('、');
  return {
    ...f,
    severity: 'warning',
    message: {
      zh: `${f.message.zh.replace(/；如表格以图片形式发布，请人工核对$/, '')}；第 ${list} 页有图片，可能是以图片发布的表格，未能识别，请人工核对`,
      en: `${f.message.en.replace(/; if the table is published as a picture, please check by eye$/, '')}; page(s) ${pages.join(', ')} hold pictures that may be the table, which could not be read: please check by eye`,
    },
  };
}

/** How a reading is checked: here (the viewer, the command line), or in a worker (the audit page). */
export type CheckReading = (source: SourceDoc, options: CheckOptions) => CheckResult | Promise<CheckResult>;

/** The whole check of a PDF document: text, scan, or text with tables as pictures. */
export async function checkPdfDocument(doc: PdfDocLike, opts: { ops?: PdfOps; force: boolean; ocr: PdfOcrDeps; check?: CheckReading }): Promise<PdfChecked> {
  const check = opts.check ?? checkDoc;
  const read = await readPdfDoc(doc, opts.ops);
  if (read.scanned) return checkScanRead(await ocrPages(doc, opts.ocr, undefined, opts.ops ?? PDF_OPS));
  const first = await check(read.source, { force: opts.force });
  const missing = missingTables(first);
  if (!missing.length || !read.picturePages.length) return { kind: 'text', result: first, notices: [], failed: false };
  // Tables published as pictures inside the PDF: each picture read at its own resolution, as on a
  // web page, its lines put where it stands; then the report checked again.
  const read2 = await readPictures(doc, read.picturePages, opts.ops ?? PDF_OPS, opts.ocr);
  const merged = withPictureTables(read.source, read2.lines, read.pages);
  const again = read2.lines.length ? await check(merged, { force: opts.force }) : first;
  const stillMissing = missingTables(again);
  const result = stillMissing.length ? { ...again, findings: again.findings.map((f) => pictureMaybe(f, read.picturePages)) } : again;
  const notices: Text[] = [
    { zh: `PDF 中第 ${read.picturePages.join('、')} 页的 ${read2.pictures} 张图片已在本机识别`, en: `${read2.pictures} picture(s) on page(s) ${read.picturePages.join(', ')} of the PDF were read on this computer` },
    ...read2.notices,
  ];
  return { kind: 'text+pictures', result, notices, failed: false };
}
