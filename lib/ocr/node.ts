// OCR in Node (the command line): tesseract.js with the worker, core and chi_sim data from
// node_modules, fully offline; pictures decoded with pngjs / jpeg-js.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { toGray, type Gray } from './image';
import type { OcrWord, Recognizer } from './table';

const require = createRequire(import.meta.url);
const LANG_PATH = join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int');

export function decodeImage(bytes: Uint8Array): Gray {
  const buf = Buffer.from(bytes);
  if (buf[0] === 0x89 && buf[1] === 0x50) {
    const png = PNG.sync.read(buf);
    return toGray(png.data, png.width, png.height);
  }
  if (buf[0] === 0xff && buf[1] === 0xd8) {
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true });
    return toGray(img.data, img.width, img.height);
  }
  throw new Error('not a PNG or JPEG picture');
}

function encodePng(img: Gray): Buffer {
  const png = new PNG({ width: img.width, height: img.height });
  for (let i = 0; i < img.data.length; i++) {
    png.data[i * 4] = png.data[i * 4 + 1] = png.data[i * 4 + 2] = img.data[i];
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

async function worker(params: Record<string, string>): Promise<Worker> {
  // Positional options (an options object in second place is ignored and the CDN defaults return).
  const w = await createWorker('chi_sim', OEM.LSTM_ONLY, { langPath: LANG_PATH, gzip: true, cacheMethod: 'none' });
  await w.setParameters(params);
  return w;
}

function withMargin(img: Gray, m: number): Gray {
  const width = img.width + 2 * m;
  const height = img.height + 2 * m;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < img.height; y++) data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + m) * width + m);
  return { width, height, data };
}

export interface NodeRecognizer extends Recognizer {
  close(): Promise<void>;
}

export async function nodeRecognizer(): Promise<NodeRecognizer> {
  const text = await worker({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, preserve_interword_spaces: '1' });
  const digits = await worker({ tessedit_pageseg_mode: PSM.SINGLE_LINE, tessedit_char_whitelist: '0123456789.' });
  return {
    async words(img) {
      const r = await text.recognize(encodePng(img), {}, { blocks: true, text: false });
      const out: OcrWord[] = [];
      for (const b of r.data.blocks ?? [])
        for (const p of b.paragraphs)
          for (const l of p.lines) for (const w of l.words) out.push({ text: w.text, confidence: w.confidence, ...w.bbox });
      return out;
    },
    async digits(img) {
      if (img.width < 4 || img.height < 4) return { text: '', confidence: 0 };
      // Tesseract reads a lone glyph far better with a white margin around it.
      const png = encodePng(withMargin(img, Math.max(8, Math.round(img.height * 0.4))));
      const r = await digits.recognize(png, {}, { text: true });
      const text = r.data.text.trim();
      if (text) return { text, confidence: r.data.confidence };
      // Nothing on a line: a single "1" is often missed that way; ask for one character.
      await digits.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_CHAR });
      const one = await digits.recognize(png, {}, { text: true });
      await digits.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE });
      return { text: one.data.text.trim(), confidence: one.data.confidence };
    },
    async close() {
      await Promise.all([text.terminate(), digits.terminate()]);
    },
  };
}
