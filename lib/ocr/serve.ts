// The OCR service of an extension page: answers "read this picture" and "stop" messages.
// Used by Chrome's offscreen document and by Firefox's background page.
import { browser } from 'wxt/browser';
import type { PictureReply } from '../ext/messages';
import { pictureReader, PictureError } from './browser';

export const OCR_PATHS = () => ({
  workerPath: browser.runtime.getURL('/ocr/worker.min.js' as never),
  corePath: browser.runtime.getURL('/ocr/tesseract-core-simd-lstm.wasm.js' as never),
  langPath: browser.runtime.getURL('/ocr/lang' as never),
});

export function pictureService() {
  const reader = pictureReader(OCR_PATHS());
  return {
    async read(src: string): Promise<PictureReply> {
      try {
        const r = await reader.read(src);
        return { ok: true, ...r } as PictureReply;
      } catch (e) {
        const code = e instanceof PictureError ? e.code : 'ocr';
        return { ok: false, code, message: (e as Error).message || String(e) };
      }
    },
    cancel: () => reader.cancel(),
  };
}
