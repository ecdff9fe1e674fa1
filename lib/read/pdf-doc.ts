// A whole PDF document (a pdf.js PDFDocumentProxy) → our document model: the same code in the
// viewer and on the command line, so both give the same findings for the same file. No pdf.js
// import here: the caller loads pdf.js its own way (the viewer bundles it, Node uses the legacy build).
import { checkDoc, type CheckResult } from '../check';
import type { Text } from '../findings';
import type { SourceDoc } from '../model';
import { isScanned, pdfSource, type PdfPage } from './pdf';
import { extractPage, type PdfOps, type PdfPageApi } from './pdf-extract';

/** The parts of pdf.js's document proxy this module uses. */
export interface PdfDocLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageApi>;
}

export interface PdfRead {
  source: SourceDoc;
  /** The file is a scan: pictures of pages without a text layer (the caller reads it by OCR). */
  scanned: boolean;
  pages: number;
  notices: Text[];
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
    (page as { cleanup?: () => void }).cleanup?.();
  }
  if (isScanned(pages)) return { source: { lines: [] }, scanned: true, pages: doc.numPages, notices: [] };
  return { source: pdfSource(pages), scanned: false, pages: doc.numPages, notices: [] };
}

/** The check of a PDF's text layer, as the command line and the viewer both run it. */
export const checkPdfRead = (read: PdfRead, force: boolean): CheckResult => checkDoc(read.source, { force });

/** What the OCR of a scan gives (lib/read/pdf-scan.ts ocrPdf), as far as the check needs it. */
export interface ScanReadLike {
  source: SourceDoc;
  pagesRead: number[];
  textPages: number[];
  notices: Text[];
}

const TABLE_NAMES: Record<string, [string, string]> = {
  t2: ['表二（主动公开）', 'Table 二 (proactive disclosure)'],
  t3: ['表三（依申请公开）', 'Table 三 (requests)'],
  t4: ['表四（复议、诉讼）', 'Table 四 (reviews and suits)'],
};

/**
 * The check of a scanned PDF's OCR, as the command line and the viewer both run it: table rules
 * only (headings and prose are not read), and what was not read said. No table at all: `failed`
 * (「未发现问题」 would pass a scan nobody checked).
 */
export function checkScanRead(read: ScanReadLike): { result: CheckResult; notices: Text[]; failed: boolean } {
  const result = checkDoc(read.source, { force: true, scope: 'tables' });
  const found = Object.entries(result.report?.tables ?? {}).filter(([, t]) => t.found);
  if (!found.length)
    return {
      result: { ...result, findings: [] },
      failed: true,
      notices: [{ zh: `未在扫描版 PDF 中找到年报表格（已识别 ${read.pagesRead.length} 页）`, en: `No annual-report table was found in the scanned PDF (${read.pagesRead.length} pages read)` }, ...read.notices],
    };
  const notices: Text[] = [
    { zh: `扫描版 PDF：已对 ${read.pagesRead.length} 页进行文字识别，只核对表格（标题和正文未识别）`, en: `Scanned PDF: ${read.pagesRead.length} pages read by OCR; only the tables are checked (headings and text are not read)` },
    ...read.notices,
  ];
  for (const [id, [zh, en]] of Object.entries(TABLE_NAMES))
    if (!found.some(([k]) => k === id)) notices.push({ zh: `扫描页中未识别到${zh}，未核对`, en: `${en} was not recognised on the scanned pages and was not checked` });
  if (read.textPages.length) notices.push({ zh: `第 ${read.textPages.join('、')} 页有文字层，未做文字识别`, en: `Page(s) ${read.textPages.join(', ')} have a text layer and were not read by OCR` });
  return { result, notices, failed: false };
}
