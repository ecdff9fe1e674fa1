// Table pictures in a report page: which pictures to read (where a table belongs but no HTML table
// is), and where their OCR lines belong in the page's document model. DOM only, no extension APIs.
import type { CheckOptions, CheckResult } from '../check';
import type { Text } from '../findings';
import type { Anchor, Line, SourceDoc } from '../model';
import type { Report, TableId, TableRead } from '../parse/types';

/** Where an OCR anchor points: the picture on the page, and the size it was read at. */
export interface PictureRef {
  element: HTMLImageElement;
  width: number;
  height: number;
}

export interface PictureTask {
  element: HTMLImageElement;
  /** The address to read it from (lazy-loading pages keep it in a data- attribute). */
  src: string;
  /** The section it stands in (2, 3, 4), or null when the headings do not tell. */
  section: number | null;
}

const TABLE_OF: Record<number, TableId> = { 2: 't2', 3: 't3', 4: 't4' };
/** Smaller than this, a picture is an icon, a seal or a QR code, not a table. */
const MIN_WIDTH = 240;
const MIN_HEIGHT = 60;

export function pictureSrc(img: HTMLImageElement): string {
  const lazy = ['data-src', 'data-original', 'data-lazy-src', 'data-url'].map((a) => img.getAttribute(a)).find((v) => v && !/^\s*$/.test(v));
  const src = img.currentSrc || img.getAttribute('src') || lazy || '';
  // A placeholder (a 1×1 gif as a data: URL) while the real picture waits in a data- attribute.
  if (lazy && (!src || (/^data:image\/gif/.test(src) && img.naturalWidth <= 1))) return absolute(lazy, img.baseURI);
  return src ? absolute(src, img.baseURI) : '';
}

function absolute(src: string, base: string): string {
  try {
    return new URL(src, base).href;
  } catch {
    return src;
  }
}

function bigEnough(img: HTMLImageElement): boolean {
  const w = img.naturalWidth || img.width || Number(img.getAttribute('width')) || 0;
  const h = img.naturalHeight || img.height || Number(img.getAttribute('height')) || 0;
  // A size not known yet (lazy loading, no layout) does not rule a picture out.
  return (!w || w >= MIN_WIDTH) && (!h || h >= MIN_HEIGHT);
}

const nodeOf = (a: Anchor): Node | null => (a.kind === 'dom' ? ((a.node as Node) ?? null) : null);

/** Index of the first line that comes after `node` in the document (lines are in document order). */
export function lineIndexAfter(node: Node, source: SourceDoc): number {
  let lo = 0;
  let hi = source.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const other = nodeOf(source.lines[mid].anchor);
    const after = other ? (node.compareDocumentPosition(other) & 4) !== 0 /* FOLLOWING */ || node.contains(other) : false;
    if (after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The section a line index falls in: the last section heading found at or before it. */
function sectionAt(report: Report | null, line: number): number | null {
  let best: number | null = null;
  let bestLine = -1;
  for (const s of report?.sections ?? []) if (s.found && s.line != null && s.line < line && s.line > bestLine) [best, bestLine] = [s.n, s.line];
  return best;
}

/** A table with at least one cell read (a header without values is no table to check). */
const hasValues = (t: TableRead) => t.found && Object.values(t.rows).some((r) => r.cells.some((c) => c.state !== 'missing'));

/**
 * Pictures to read: large pictures under section 二, 三 or 四 when that section's table has no
 * values on the page; any large picture when a table is missing and its heading too (the table may
 * then stand under the section before); and the picture the user asked for, always.
 */
export function tablePictures(root: Element, source: SourceDoc, report: Report | null, requested: string | null): PictureTask[] {
  const missing = new Set([2, 3, 4].filter((n) => report && !hasValues(report.tables[TABLE_OF[n]])));
  const headingLost = [...missing].some((n) => !report?.sections.find((s) => s.n === n)?.found);
  const tasks: PictureTask[] = [];
  for (const img of root.querySelectorAll('img')) {
    const src = pictureSrc(img);
    if (!src) continue;
    const asked = requested != null && (src === requested || img.src === requested);
    const section = sectionAt(report, lineIndexAfter(img, source));
    // With a heading lost, the table may stand under the section before it: any large picture then.
    const where = (section != null && missing.has(section)) || headingLost;
    if (asked || (report && where && bigEnough(img))) tasks.push({ element: img, src, section });
  }
  return tasks;
}

/** Lines read from a picture, anchored to it on the page. */
export function anchorLines(lines: Line[], ref: PictureRef): Line[] {
  const fix = (a: Anchor): Anchor => (a.kind === 'image' ? { ...a, image: ref } : a);
  return lines.map((l) => ({ ...l, anchor: fix(l.anchor), tokens: l.tokens.map((t) => ({ ...t, anchor: fix(t.anchor) })) }));
}

/** The page's lines with each picture's lines put where the picture stands. */
export function withPictures(source: SourceDoc, pictures: { element: Node; lines: Line[] }[]): SourceDoc {
  const at = pictures.map((p) => ({ index: lineIndexAfter(p.element, source), lines: p.lines }));
  const lines: Line[] = [];
  for (let i = 0; i <= source.lines.length; i++) {
    for (const p of at) if (p.index === i) lines.push(...p.lines);
    if (i < source.lines.length) lines.push(source.lines[i]);
  }
  return { ...source, lines };
}

export interface PicturesRead {
  /** Pictures read: their lines as the OCR page sent them (anchors in the picture's pixels). */
  reads: { element: HTMLImageElement; section: number | null; width: number; height: number; lines: Line[] }[];
  /** Pictures that could not be read, and why (for the panel, never as the report's error). */
  unread: { task: PictureTask; why: Text }[];
}

export const pictureName = (t: PictureTask) => {
  const file = decodeURIComponent(t.src.startsWith('data:') ? '' : (t.src.split(/[?#]/)[0].split('/').pop() ?? ''));
  return t.element.alt?.trim() || file || t.src.slice(0, 40);
};

const SECTION_ZH = '一二三四五六';

/** The report with its pictures read: their lines stand where the pictures stand on the page. */
export async function recheck(source: SourceDoc, first: CheckResult, pictures: PicturesRead, force: boolean, check: (doc: SourceDoc, options: CheckOptions) => Promise<CheckResult>): Promise<{ result: CheckResult; notices: Text[] }> {
  const notices: Text[] = [];
  for (const { task, why } of pictures.unread)
    notices.push({ zh: `图片「${pictureName(task)}」未能识别（${why.zh}），其中的表格未做核对，请人工核对`, en: `The picture "${pictureName(task)}" could not be read (${why.en}); its table was not checked, please check it by eye` });
  let result = first;
  if (pictures.reads.length) {
    // A picture on a page that is not a report (the user asked for it): its table on its own.
    const alone = !first.detection.isReport;
    const anchored = pictures.reads.map((r) => ({ element: r.element, lines: anchorLines(r.lines, { element: r.element, width: r.width, height: r.height }) }));
    const doc: SourceDoc = alone ? { title: source.title, lines: anchored.flatMap((r) => r.lines) } : withPictures(source, anchored);
    const options: CheckOptions = alone ? { force: true, scope: 'tables' } : { force };
    result = await check(doc, options);
  }
  // A table we could not get from a picture is our limit, not the report's omission.
  const withPicture = new Set([...pictures.reads, ...pictures.unread.map((u) => u.task)].map((p) => p.section));
  // A heading may be printed inside a picture (we read tables only): a section missing where a
  // picture stands is not the report's omission for sure.
  const at = [...pictures.reads.map((r) => r.element), ...pictures.unread.map((u) => u.task.element)].map((e) => lineIndexAfter(e, source));
  const found = (first.report?.sections ?? []).filter((s) => s.found && s.line != null);
  const pictureWhere = (n: number) => {
    const before = Math.max(-1, ...found.filter((s) => s.n < n).map((s) => s.line!));
    const after = Math.min(Infinity, ...found.filter((s) => s.n > n).map((s) => s.line!));
    return at.some((i) => i > before && i <= after);
  };
  const findings = result.findings.filter((f) => {
    if (f.rule === 'section-missing' && f.section != null && pictureWhere(f.section)) {
      notices.push({ zh: `页面文字中没有第${SECTION_ZH[f.section - 1]}部分的标题；它可能印在图片中，请人工核对`, en: `The page's text has no heading of section ${f.section}; it may be printed inside a picture, please check by eye` });
      return false;
    }
    if (f.rule !== 'table-missing' || f.section == null || !withPicture.has(f.section)) return true;
    if (pictures.reads.some((r) => r.section === f.section))
      notices.push({ zh: `第${SECTION_ZH[f.section - 1]}部分的图片中未能识别出表格，请人工核对`, en: `No table could be recognised in the picture in section ${f.section}; please check it by eye` });
    return false;
  });
  return { result: { ...result, findings }, notices };
}

