// PDF pages in Node, by pdf.js (the legacy build runs without a worker in Node), read by the same
// page extractor as the viewer's (pdf-extract.ts). Offline: CMaps and standard fonts come from the
// installed pdfjs-dist package.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { PdfItem, PdfPage } from './pdf';
import { extractPage, type PdfOps } from './pdf-extract';

export class PdfError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Every page of a PDF: items, ruling lines, tagged tables. Throws PdfError for an encrypted or damaged file. */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // A plain path (pdf.js reads it with fs.readFile in Node; a file: URL string fails silently).
  const dir = (d: string) => join(root, d) + sep;
  let doc;
  try {
    // pdf.js takes the buffer over (detaches it): give it a copy.
    doc = await pdfjs.getDocument({ data: bytes.slice(), cMapUrl: dir('cmaps'), cMapPacked: true, standardFontDataUrl: dir('standard_fonts'), isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new PdfError('PDF 文件已加密，无法读取', 'The PDF is encrypted and cannot be read');
    throw new PdfError(`PDF 文件已损坏，无法读取（${(e as Error).message}）`, `The PDF is damaged and cannot be read (${(e as Error).message})`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pages.push(await extractPage(page, n, pdfjs.OPS as unknown as PdfOps));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The text items of every page (the pages' items only). */
export async function pdfItems(bytes: Uint8Array): Promise<PdfItem[][]> {
  return (await pdfPages(bytes)).map((p) => p.items);
}
