// OCR in the extension: an extension page (Chrome's offscreen document, Firefox's background page)
// fetches a picture with the extension's own host access, decodes it, and reads it as a table.
// Nothing is sent anywhere: the bytes come from the picture's own address (usually the HTTP cache).
import type { Line } from '../model';
import { toGray, type Gray } from './image';
import { readTableImage } from './table';
import { RecognizerClosed, tesseractRecognizer, type ClosableRecognizer, type TesseractPaths } from './tesseract';

export interface PictureRead {
  /** The decoded picture's size: anchors are in these pixels. */
  width: number;
  height: number;
  /** Lines of the table, anchors of kind 'image' (their `image` is null: the page fills it in). */
  lines: Line[];
}

export class PictureError extends Error {
  constructor(
    readonly code: 'fetch' | 'decode' | 'ocr' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}

/** Free the OCR workers (about 100 MB) when no picture came for this long. */
const IDLE_MS = 60_000;

export function pictureReader(paths: TesseractPaths) {
  let recognizer: Promise<ClosableRecognizer> | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  // Reject the readings under way (several tabs may read at once): terminating a worker does not
  // settle its pending jobs.
  const aborts = new Set<(e: PictureError) => void>();

  const close = () => {
    const r = recognizer;
    recognizer = null;
    for (const abort of aborts) abort(new PictureError('cancelled', 'cancelled'));
    aborts.clear();
    void r?.then((x) => x.close()).catch(() => {});
  };

  async function bytesOf(src: string): Promise<Blob> {
    let res: Response;
    try {
      res = await fetch(src, { credentials: 'include', cache: 'force-cache' });
    } catch (e) {
      throw new PictureError('fetch', (e as Error).message);
    }
    if (!res.ok) throw new PictureError('fetch', `HTTP ${res.status}`);
    return res.blob();
  }

  async function decode(blob: Blob): Promise<Gray> {
    try {
      // No colour management or premultiplying: the pixels as stored, as Node's decoders give them.
      const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return toGray(data, canvas.width, canvas.height);
    } catch (e) {
      throw new PictureError('decode', (e as Error).message || 'not a picture');
    }
  }

  return {
    async read(src: string): Promise<PictureRead> {
      clearTimeout(idle);
      const picture = await decode(await bytesOf(src));
      let abort: (e: PictureError) => void = () => {};
      const stopped = new Promise<never>((_, reject) => aborts.add((abort = reject)));
      try {
        recognizer ??= tesseractRecognizer(paths);
        const doc = await Promise.race([recognizer.then((r) => readTableImage(picture, r, null)), stopped]);
        return { width: picture.width, height: picture.height, lines: doc.lines };
      } catch (e) {
        if (e instanceof PictureError) throw e;
        // Its workers were stopped under it (a cancel from another tab): stopped, not failed.
        if (e instanceof RecognizerClosed) throw new PictureError('cancelled', 'cancelled');
        // A failed engine is not reused.
        close();
        throw new PictureError('ocr', (e as Error).message);
      } finally {
        aborts.delete(abort);
        clearTimeout(idle);
        if (aborts.size === 0) idle = setTimeout(close, IDLE_MS);
      }
    },
    /** Stops a reading under way (its workers are terminated) and frees memory. */
    cancel: close,
  };
}
