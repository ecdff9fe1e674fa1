// Pages of a PDF rendered to gray pixels in Node (the command line's OCR of scanned PDFs): pdf.js
// (legacy build, no worker) paints into an @napi-rs/canvas canvas. Offline: CMaps and standard fonts
// come from the installed pdfjs-dist package, as in pdf-node.ts.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { toGray, type Gray } from '../ocr/image';

export type { PDFDocumentProxy, PDFPageProxy };

/** A rendered page: its gray pixels at the viewport scale asked for. */
export interface RenderedPage {
  gray: Gray;
  width: number;
  height: number;
}

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
// A plain directory path, not a file: URL: pdf.js in Node reads these with fs.readFile, which takes a
// path string (a 'file://…' string fails, and the PDF's CMaps, standard fonts and wasm decoders are
// then silently missing: no text from non-embedded CJK fonts, no JPEG 2000).
const dirUrl = (d: string) => join(PDFJS_ROOT, d) + sep;

/** pdf.js's module (legacy build: Node 20) and its operator numbers. */
export const pdfjsNode = () => import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * A PDF opened for rendering. The bytes are copied (pdf.js detaches the buffer it is given). Errors
 * are pdf.js's own (PasswordException, InvalidPDFException): the caller says them in its words.
 */
export async function openPdfNode(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await pdfjsNode();
  return pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl: dirUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dirUrl('standard_fonts'),
    wasmUrl: dirUrl('wasm'),
    isEvalSupported: false,
    verbosity: 0,
  }).promise as Promise<PDFDocumentProxy>;
}

/** One page painted on white at `scale` (viewport scale: 1 = 72 dpi), as gray pixels. */
export async function renderPageNode(page: PDFPageProxy, scale: number): Promise<RenderedPage> {
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
  const rgba = ctx.getImageData(0, 0, width, height).data;
  return { gray: toGray(rgba, width, height), width, height };
}
