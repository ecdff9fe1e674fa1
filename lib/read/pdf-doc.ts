// A whole PDF document (a pdf.js PDFDocumentProxy) → our document model: the same code in the
// viewer and on the command line, so both give the same findings for the same file. No pdf.js
// import here: the caller loads pdf.js its own way (the viewer bundles it, Node uses the legacy build).
import { checkDoc, type CheckResult } from '../check';
import type { Text } from '../findings';
import type { SourceDoc } from '../model';
import { isScanned, pdfText, type PdfItem } from './pdf';
import { readText } from './text';

/** The parts of pdf.js's document and page proxies this module uses. */
export interface PdfDocLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
}
export interface PdfPageLike {
  getTextContent(opts?: object): Promise<{ items: unknown[] }>;
}

export interface PdfRead {
  source: SourceDoc;
  /** The file is a scan: pictures of pages without a text layer. */
  scanned: boolean;
  pages: number;
  notices: Text[];
}

async function pageItems(page: PdfPageLike): Promise<PdfItem[]> {
  const content = await page.getTextContent();
  return (content.items as { str?: string; transform?: number[]; width?: number }[]).flatMap((i) =>
    i.str != null && i.transform ? [{ str: i.str, x: i.transform[4], y: i.transform[5], w: i.width ?? 0, h: Math.hypot(i.transform[2], i.transform[3]) }] : [],
  );
}

/** Reads the text layer of every page; a scan is said so (the caller reads it by OCR). */
export async function readPdfDoc(doc: PdfDocLike): Promise<PdfRead> {
  const pages: PdfItem[][] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(await pageItems(await doc.getPage(n)));
  if (isScanned(pages)) return { source: { lines: [] }, scanned: true, pages: doc.numPages, notices: [] };
  return { source: readText(pdfText(pages)), scanned: false, pages: doc.numPages, notices: [] };
}

/** The check of a PDF's text layer, as the command line and the viewer both run it. */
export const checkPdfRead = (read: PdfRead, force: boolean): CheckResult => checkDoc(read.source, { force });
