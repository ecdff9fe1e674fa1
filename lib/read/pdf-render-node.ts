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

/**
 * The largest canvas area pdf.js may assume, here and in the viewer (lib/viewer/pdfjs.ts): it sizes
 * its decoding of JPEG 2000 pictures by it. Set, not guessed, so both decode the same pixels.
 */
export const PDF_CANVAS_MAX_BYTES = 2 ** 28;

/**
 * pdf.js probes the largest canvas side with OffscreenCanvas, which Node lacks: it then takes
 * 2048 px and decodes a larger JPEG 2000 scan at half resolution (the viewer, in a browser, at full).
 * A probe canvas for Node (a 1 px high strip at most; the area is set, never probed).
 */
function probeCanvasForNode(): void {
  const g = globalThis as { OffscreenCanvas?: unknown };
  if (g.OffscreenCanvas) return;
  g.OffscreenCanvas = function OffscreenCanvas(width: number, height: number) {
    return createCanvas(width, height);
  };
}

/** pdf.js's module (legacy build: Node 20) and its operator numbers. */
export const pdfjsNode = () => import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * A PDF opened for rendering. The bytes are copied (pdf.js detaches the buffer it is given). Errors
 * are pdf.js's own (PasswordException, InvalidPDFException): the caller says them in its words.
 */
export async function openPdfNode(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await pdfjsNode();
  probeCanvasForNode();
  return pdfjs.getDocument({
    data: bytes.slice(),
    canvasMaxAreaInBytes: PDF_CANVAS_MAX_BYTES,
    // Pictures converted by pdf.js's own code (the probe canvas is no full OffscreenCanvas).
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
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
