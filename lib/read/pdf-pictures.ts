// Pictures placed on the pages of a text PDF (tables published as screenshots inside a Word file
// printed to PDF): their own pixels, as pdf.js decoded them, and the box of the page they cover.
// Read at their own resolution, they are read as the picture reader reads pictures on web pages.
// Browser-safe: pdf.js's page object is handed in; no pdf.js import.
import type { Gray } from '../ocr/image';
import { pageGraphics, type PdfOps } from './pdf-extract';

export interface PagePicture {
  page: number;
  /** The box it covers on the page (user space, y up). */
  rect: [number, number, number, number];
  gray: Gray;
}

/** pdf.js's decoded image: raw pixels (kind 1: 1 bit gray, 2: RGB, 3: RGBA) or, in browsers, a bitmap. */
interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
  bitmap?: ImageBitmap;
}

interface PageWithObjects {
  view: number[];
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  objs: { get(id: string, callback: (o: unknown) => void): void };
  commonObjs: { get(id: string, callback: (o: unknown) => void): void };
}

/** The pixels of a decoded image as gray (paper white), whatever pdf.js gave. */
export function imageGray(img: DecodedImage): Gray | null {
  const { width, height } = img;
  if (!width || !height) return null;
  const out = new Uint8Array(width * height);
  if (img.bitmap && typeof OffscreenCanvas !== 'undefined') {
    const ctx = new OffscreenCanvas(width, height).getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img.bitmap, 0, 0);
    img = { width, height, kind: 3, data: ctx.getImageData(0, 0, width, height).data };
  }
  const d = img.data;
  if (!d) return null;
  if (img.kind === 1) {
    // One bit per pixel, rows padded to whole bytes; 1 is white.
    const row = (width + 7) >> 3;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = (d[y * row + (x >> 3)] >> (7 - (x & 7))) & 1 ? 255 : 0;
  } else {
    const step = img.kind === 2 ? 3 : 4;
    for (let i = 0, p = 0; i < out.length; i++, p += step) {
      const a = step === 4 ? d[p + 3] / 255 : 1;
      out[i] = Math.round((0.299 * d[p] + 0.587 * d[p + 1] + 0.114 * d[p + 2]) * a + 255 * (1 - a));
    }
  }
  return { width, height, data: out };
}

const objectOf = (page: PageWithObjects, id: string, ms = 5000): Promise<unknown> =>
  new Promise((resolve) => {
    const t = setTimeout(() => resolve(null), ms);
    (id.startsWith('g_') ? page.commonObjs : page.objs).get(id, (o) => {
      clearTimeout(t);
      resolve(o);
    });
  });

/** The pictures of a page whose box `wanted` keeps, with their pixels. */
export async function pagePictures(page: PageWithObjects, pageNumber: number, wanted: (rect: number[], view: number[]) => boolean, ops: PdfOps): Promise<PagePicture[]> {
  const list = await page.getOperatorList();
  const { images } = pageGraphics(list.fnArray, list.argsArray, ops);
  const out: PagePicture[] = [];
  let k = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    if (fn !== ops.paintImageXObject && fn !== ops.paintInlineImageXObject && fn !== ops.paintImageXObjectRepeat) continue;
    const rect = images[k++];
    if (!rect || !wanted(rect, page.view)) continue;
    const arg = list.argsArray[i]?.[0];
    const decoded = (typeof arg === 'string' ? await objectOf(page, arg) : arg) as DecodedImage | null;
    const gray = decoded ? imageGray(decoded) : null;
    if (gray) out.push({ page: pageNumber, rect, gray });
  }
  return out;
}
