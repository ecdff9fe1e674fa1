// Scanned PDFs on the command line: each page rendered in Node (pdf-render-node.ts) and its tables
// read by the OCR table reader (lib/read/pdf-scan.ts), then the engine, table rules only (as for a
// picture: headings and prose are not read). A scan without any table is said so (exit 2).
import type { CheckResult } from '../check';
import { checkScanRead, samePixels } from '../read/pdf-doc';
import { nodeRecognizer, type NodeRecognizer } from '../ocr/node';
import { ocrPdf, type OcrPdfResult } from '../read/pdf-scan';
import { pdfjsNode, renderPageNode, type PDFPageProxy } from '../read/pdf-render-node';
import { openPdfInput } from './pdf';
import { InputError } from './load';

/** The OCR of a scanned PDF's pages in Node. Throws an InputError for a file pdf.js cannot open. */
export async function readScannedPdf(input: string, bytes: Uint8Array, onPage?: (done: number, total: number) => void, scale?: number): Promise<OcrPdfResult> {
  const doc = await openPdfInput(input, bytes);
  let rec: NodeRecognizer | undefined;
  try {
    // A recognizer of its own, closed after the file (starting one costs well under a second; the
    // pages cost seconds each).
    rec = await nodeRecognizer();
    const ops = (await pdfjsNode()).OPS as never;
    // The pixels the whole-PDF check (CLI and viewer) reads: a page's own picture, resampled by our code.
    return await ocrPdf(doc, { render: samePixels({ render: (page, s) => renderPageNode(page as PDFPageProxy, s) }, ops), recognizer: rec, onPage, scale });
  } finally {
    await rec?.close().catch(() => {});
    await doc.destroy();
  }
}

export async function checkScannedPdf(input: string, bytes: Uint8Array, _force: boolean): Promise<CheckResult> {
  // The viewer's own check of a scan's OCR (lib/read/pdf-doc.ts): the same findings and notices.
  const checked = checkScanRead(await readScannedPdf(input, bytes));
  // No table in it: 「未发现问题」 would pass a scan nobody checked.
  if (checked.failed) {
    const [why] = checked.notices;
    throw new InputError(`${why.zh}：${input}`, `${why.en}: ${input}`);
  }
  return { ...checked.result, notices: [...checked.notices, ...checked.result.notices] };
}
