// One report of an audit, checked in the audit page: the bytes fetched (or a file dropped) go
// through the readers the command line and the viewer use — a page parsed inert by DOMParser, a PDF
// by pdf.js with OCR of scans in this page, a Word file rendered out of sight — then the same engine.
// Nothing is shown here and no page body is kept: the caller keeps the result only.
import { browser } from 'wxt/browser';
import { checkDoc, type CheckOptions, type CheckResult } from '../check';
import { checkReading } from './audit-engine';
import type { Text } from '../findings';
import type { SourceDoc } from '../model';
import { findReportLinks, isListPage, type ReportLink } from '../audit/links';
import { isDetected, sourceHash } from '../audit/model';
import { fileHash } from '../review/keys';
import { turns } from '../audit/one-at-a-time';
import { InputError, loadBytes } from '../read/load-bytes';
import { sniffType } from '../read/sniff';
import { readText } from '../read/text';
import { findReportRoot, readDocumentAt } from '../source';
import { parseCheckedPictureReply } from './messages';
import { recheck, tablePictures } from './pictures';
import { checkHere } from './check-here';
import { readPictures } from './read-pictures';

export interface AuditChecked {
  result: CheckResult;
  /** The hash of what was read (the report's text, or a file's bytes): the key of its reviews. */
  hash: string;
  /** The source read, for the cross-year chaining of the batch (kept only until the row is done). */
  source: SourceDoc | null;
  /** A PDF or Word file (it opens in our viewer), not a page. */
  file?: boolean;
  /** A list page of reports (no report itself): its report links, for the user to tick. */
  links?: ReportLink[];
  /** The result came from the engine worker as plain data (no page node in it). */
  plain?: boolean;
}

/** A failure of one input, said in both languages (a damaged file, an unsupported format…). */
export class AuditFailure extends Error {
  constructor(readonly why: Text) {
    super(why.en);
  }
}

/** Lets the page breathe between steps: each step a task of its own (main-thread tasks stay short). */
export const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

/** Parsing and the rules, in the page's engine worker (lib/ext/audit-engine.ts). */
const checkSource = (source: SourceDoc, options: CheckOptions): Promise<CheckResult> => checkReading(source, options);

/** Files are known by their bytes (lib/review/keys.ts fileHash: the viewer's too). */
const bytesHash = fileHash;

/** A page of HTML, parsed inert (no script runs, nothing loads); its table pictures read by our OCR page. */
async function checkHtml(html: string, url: string, signal: AbortSignal): Promise<AuditChecked> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Relative links and pictures resolve against the page's own address, not ours.
  const base = doc.createElement('base');
  base.href = url;
  doc.head?.prepend(base);
  await breathe();
  const root = findReportRoot(doc);
  const source = readDocumentAt(doc, root);
  await breathe();
  const first = await checkSource(source, { force: false });
  // Not a report: perhaps the column that lists them (「政府信息公开年报」), whose links are offered.
  if (!isDetected(first)) {
    const links = isListPage(doc) ? findReportLinks(doc, url) : [];
    return { result: first, hash: sourceHash(source), source, links };
  }
  const result = await withTablePictures(root ?? doc.body, source, first, signal);
  return { result, hash: sourceHash(source), source, plain: result === first };
}

/** Tables 二/三/四 published as pictures beside the text: read as on the page itself, or said unread. */
async function withTablePictures(root: Element, source: SourceDoc, first: CheckResult, signal: AbortSignal): Promise<CheckResult> {
  const tasks = tablePictures(root, source, first.report, null);
  if (!tasks.length) return first;
  const pictures = await readPictures(tasks, () => !signal.aborted);
  const again = await recheck(source, first, pictures, false, checkHere(breathe));
  return again.notices.length ? { ...again.result, notices: [...again.result.notices, ...again.notices] } : again.result;
}

/**
 * One PDF open at a time in this page: pdf.js (5.x) keeps the page count of the last document
 * opened in a global (PagesMapper), so a longer PDF read while a shorter one was opened failed its
 * row with "Invalid page request.". The fetches still overlap; only the readings take turns.
 */
const pdfTurn = turns();

const checkPdf = (bytes: Uint8Array, signal: AbortSignal): Promise<AuditChecked> => pdfTurn(() => readPdf(bytes, signal), signal);

async function readPdf(bytes: Uint8Array, signal: AbortSignal): Promise<AuditChecked> {
  const [{ loadPdfjs, openPdf, PdfOpenError }, { checkPdfDocument }, { pageOcr }] = await Promise.all([
    import('../viewer/pdfjs'),
    import('../read/pdf-doc'),
    import('../viewer/pdf-ocr'),
  ]);
  let doc;
  try {
    doc = await openPdf(bytes);
  } catch (e) {
    if (e instanceof PdfOpenError) throw new AuditFailure({ zh: e.zh, en: e.en });
    throw e;
  }
  try {
    const { pdfjs } = await loadPdfjs();
    const checked = await checkPdfDocument(doc as never, { ops: pdfjs.OPS as never, force: false, ocr: pageOcr(signal), check: checkReading });
    if (checked.failed) throw new AuditFailure(checked.notices[0] ?? { zh: 'PDF 中没有可核对的内容', en: 'Nothing in the PDF could be checked' });
    const notices = [...checked.notices, ...checked.result.notices];
    // Checked in the worker unless a scan (its anchors hold the rendered pages).
    return { result: notices.length ? { ...checked.result, notices } : checked.result, hash: bytesHash(bytes), source: null, file: true, plain: checked.kind !== 'scan' };
  } finally {
    await doc.destroy();
  }
}

/** A Word file rendered by the viewer's readers into a container out of sight, then read as a page. */
async function checkWord(bytes: Uint8Array, type: Parameters<typeof import('../viewer/word').showWord>[1], signal: AbortSignal): Promise<AuditChecked> {
  const { showWord } = await import('../viewer/word');
  // Laid out (some readers measure) but out of sight, in no one's way. The style is on an outer
  // box: the reader skips what an inline style hides, and reads the inner one.
  const outer = document.body.appendChild(document.createElement('div'));
  outer.setAttribute('aria-hidden', 'true');
  outer.style.cssText = 'position:fixed;left:-20000px;top:0;width:900px;pointer-events:none;overflow:hidden';
  const box = outer.appendChild(document.createElement('div'));
  try {
    let shown;
    try {
      shown = await showWord(bytes, type, box);
    } catch (e) {
      const err = e as { zh?: string; en?: string; message?: string };
      throw new AuditFailure({ zh: err.zh ?? `无法读取此 Word 文件（${err.message}）`, en: err.en ?? `Could not read this Word file (${err.message})` });
    }
    const source = shown.adjust(readDocumentAt(document, box));
    const first = await checkSource(source, { force: false });
    const result = await withTablePictures(box, source, first, signal);
    return { result: shown.notices.length ? { ...result, notices: [...shown.notices, ...result.notices] } : result, hash: bytesHash(bytes), source, file: true };
  } finally {
    outer.remove();
  }
}

/** A picture of a table: read by the extension's OCR page, then its tables checked on their own. */
async function checkPicture(bytes: Uint8Array): Promise<AuditChecked> {
  const blob = new Blob([bytes.slice().buffer], { type: sniffType(bytes) === 'png' ? 'image/png' : 'image/jpeg' });
  const src = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  // The background checked the OCR page's answer whole; its form here, as in the page.
  const reply = parseCheckedPictureReply(await browser.runtime.sendMessage({ type: 'ocr-picture', src }).catch((e: Error) => ({ ok: false, code: 'unavailable', message: e.message })));
  if (!reply.ok) throw new AuditFailure({ zh: `无法识别此图片（${reply.message || reply.code}）`, en: `The picture could not be read (${reply.message || reply.code})` });
  const source: SourceDoc = { lines: reply.lines as SourceDoc['lines'] };
  const result = checkDoc(source, { force: true, scope: 'tables' });
  if (!Object.values(result.report?.tables ?? {}).some((t) => t.found))
    throw new AuditFailure({ zh: '未在图片中找到年报表格', en: 'No annual-report table was found in the picture' });
  return { result, hash: bytesHash(bytes), source };
}

/** Checks one input's bytes; throws AuditFailure for what cannot be read (said why, never skipped). */
export async function checkAuditBytes(input: string, bytes: Uint8Array, contentType: string | null, url: string, signal: AbortSignal): Promise<AuditChecked> {
  let loaded;
  try {
    loaded = loadBytes(input, bytes, contentType, url);
  } catch (e) {
    if (e instanceof InputError) throw new AuditFailure({ zh: e.zh, en: e.en });
    throw e;
  }
  const withNotices = (c: AuditChecked): AuditChecked => (loaded.notices.length ? { ...c, result: { ...c.result, notices: [...loaded.notices, ...c.result.notices] } } : c);
  if (loaded.kind === 'pdf') return withNotices(await checkPdf(loaded.bytes!, signal));
  if (loaded.kind === 'word') return withNotices(await checkWord(loaded.bytes!, loaded.type!, signal));
  if (loaded.kind === 'image') return withNotices(await checkPicture(loaded.bytes!));
  if (loaded.kind === 'text') {
    const source = readText(loaded.text);
    return withNotices({ result: await checkSource(source, { force: false }), hash: sourceHash(source), source, plain: true });
  }
  return withNotices(await checkHtml(loaded.text, loaded.url, signal));
}
