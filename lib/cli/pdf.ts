// PDF files on the command line: pages read by pdf-extract.ts (pdf.js in Node), laid out again from
// geometry by lib/read/pdf.ts; scans by OCR (scan.ts).
import { checkDoc, type CheckResult } from '../check';
import { isScanned, pdfSource, type PdfPage } from '../read/pdf';
import { PdfError, pdfPages } from '../read/pdf-node';
import { InputError } from './load';
import { checkScannedPdf } from './scan';

/**
 * A PDF with a text layer: lines and cells rebuilt from the items' positions and the ruling lines,
 * then the same engine as for text. A scanned PDF (pictures of pages) goes to OCR, never 「未发现问题」 unread.
 */
export async function checkPdf(input: string, bytes: Uint8Array, force: boolean): Promise<CheckResult> {
  let pages: PdfPage[];
  try {
    pages = await pdfPages(bytes);
  } catch (e) {
    if (e instanceof PdfError) throw new InputError(`${e.zh}：${input}`, `${e.en}: ${input}`);
    throw e;
  }
  if (isScanned(pages)) return checkScannedPdf(input, bytes, force);
  return checkDoc(pdfSource(pages), { force });
}
