// OCR of a PDF's pages in an extension page (the viewer, the audit page): pages rendered into our
// own canvases (kept for the cards' crops), tesseract.js from the extension's own files.
import type { Gray } from '../ocr/image';
import type { PdfOcrDeps } from '../read/pdf-doc';

export function canvasOfGray(gray: Gray): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = gray.width;
  canvas.height = gray.height;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(gray.width, gray.height);
  for (let i = 0; i < gray.data.length; i++) img.data.set([gray.data[i], gray.data[i], gray.data[i], 255], i * 4);
  ctx.putImageData(img, 0, 0);
  return canvas;
}

export const renderPdfPage: PdfOcrDeps['render'] = async (page, scale) => {
  const { toGray } = await import('../ocr/image');
  const p = page as unknown as { getViewport(o: { scale: number }): { width: number; height: number }; render(o: object): { promise: Promise<void> } };
  const viewport = p.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  await p.render({ canvas, canvasContext: ctx, viewport }).promise;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { gray: toGray(data, canvas.width, canvas.height), width: canvas.width, height: canvas.height, element: canvas };
};

export async function pageRecognizer() {
  const [{ tesseractRecognizer }, { OCR_PATHS }] = await Promise.all([import('../ocr/tesseract'), import('../ocr/serve')]);
  return tesseractRecognizer(OCR_PATHS());
}

/** The OCR a PDF check needs in an extension page; `onStart` and `onPage` report progress. */
export function pageOcr(signal: AbortSignal, onStart?: () => void, onPage?: PdfOcrDeps['onPage']): PdfOcrDeps {
  return {
    signal,
    onPage,
    async recognizer() {
      onStart?.();
      return pageRecognizer();
    },
    canvasOf: canvasOfGray,
    render: renderPdfPage,
  };
}
