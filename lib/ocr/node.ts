// OCR in Node (the command line): tesseract.js with the worker, core and chi_sim data from
// node_modules, fully offline; pictures decoded with pngjs / jpeg-js.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { toGray, type Gray } from './image';
import { tesseractRecognizer, type ClosableRecognizer } from './tesseract';

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

export type NodeRecognizer = ClosableRecognizer;

export const nodeRecognizer = (): Promise<NodeRecognizer> => tesseractRecognizer({ langPath: LANG_PATH });
