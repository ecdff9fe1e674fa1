// PDF files on the command line: the viewer's own check of a PDF (lib/read/pdf-doc.ts) on pdf.js in
// Node: text layers from geometry, scans by OCR of each page rendered in Node, tables published as
// pictures inside a text PDF by OCR of those pictures. The same bytes give the viewer's findings.
import type { CheckResult } from '../check';
import { nodeRecognizer } from '../ocr/node';
import { checkPdfDocument } from '../read/pdf-doc';
import { openPdfNode, pdfjsNode, renderPageNode, type PDFPageProxy } from '../read/pdf-render-node';
import { turns } from '../audit/one-at-a-time';
import { InputError } from './load';

/** The PDF opened in Node; an encrypted or damaged file is the input's error, in both languages. */
export async function openPdfInput(input: string, bytes: Uint8Array) {
  try {
    return await openPdfNode(bytes);
  } catch (e) {
    if ((e as Error).name === 'PasswordException') throw new InputError(`PDF 文件已加密，无法读取：${input}`, `The PDF is encrypted and cannot be read: ${input}`);
    throw new InputError(`PDF 文件已损坏，无法读取（${(e as Error).message}）：${input}`, `The PDF is damaged and cannot be read (${(e as Error).message}): ${input}`);
  }
}

/**
 * PDFs are read in turn, never two at once (`--jobs`): pdf.js 5.x keeps the last opened document's
 * page count in one global, so a longer PDF read while a shorter one opened fails on its last pages
 * (lib/audit/one-at-a-time.test.ts holds the cause).
 */
const pdfTurn = turns();

export function checkPdf(input: string, bytes: Uint8Array, force: boolean): Promise<CheckResult> {
  return pdfTurn(() => checkPdfNow(input, bytes, force));
}

async function checkPdfNow(input: string, bytes: Uint8Array, force: boolean): Promise<CheckResult> {
  const doc = await openPdfInput(input, bytes);
  try {
    const pdfjs = await pdfjsNode();
    const checked = await checkPdfDocument(doc as never, {
      ops: pdfjs.OPS as never,
      force,
      // The OCR engine starts only for a scan or a table picture, and stops after the file.
      ocr: { render: (page, scale) => renderPageNode(page as PDFPageProxy, scale), recognizer: () => nodeRecognizer() },
    });
    // Nothing checked (a scan without any table): 「未发现问题」 would pass a file nobody read.
    if (checked.failed) {
      const [why] = checked.notices;
      throw new InputError(`${why.zh}：${input}`, `${why.en}: ${input}`);
    }
    const notices = [...checked.notices, ...checked.result.notices];
    return notices.length ? { ...checked.result, notices } : checked.result;
  } finally {
    await doc.destroy();
  }
}
