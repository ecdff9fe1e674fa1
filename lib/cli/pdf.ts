// PDF files on the command line: the text layer laid out again by lib/read/pdf.ts; scans by OCR (scan.ts).
import { checkDoc, type CheckResult } from '../check';
import { readText } from '../read/text';
import { isScanned, pdfText, type PdfItem } from '../read/pdf';
import { PdfError, pdfItems } from '../read/pdf-node';
import { InputError } from './load';
import { checkScannedPdf } from './scan';

/**
 * A PDF with a text layer: its text laid out again from the items' positions, then the same engine
 * as for text. A scanned PDF (pictures of pages) goes to OCR, never 「未发现问题」 unread.
 */
export async function checkPdf(input: string, bytes: Uint8Array, force: boolean): Promise<CheckResult> {
  let pages: PdfItem[][];
  try {
    pages = await pdfItems(bytes);
  } catch (e) {
    if (e instanceof PdfError) throw new InputError(`${e.zh}：${input}`, `${e.en}: ${input}`);
    throw e;
  }
  if (isScanned(pages)) return checkScannedPdf(input, bytes, force);
  return checkDoc(readText(pdfText(pages)), { force });
}
