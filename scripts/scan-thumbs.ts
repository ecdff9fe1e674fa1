// Debug: the pages of a PDF as PNG thumbnails (pdf.js in Node). Usage: tsx scripts/scan-thumbs.ts FILE.pdf SCALE OUTPREFIX
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { openPdfNode, renderPageNode } from '../lib/read/pdf-render-node';
const [file, scale, out] = process.argv.slice(2);
const doc = await openPdfNode(new Uint8Array(readFileSync(file)));
for (let n = 1; n <= doc.numPages; n++) {
  const { gray, width, height } = await renderPageNode(await doc.getPage(n), Number(scale));
  const png = new PNG({ width, height });
  for (let i = 0; i < gray.data.length; i++) png.data.set([gray.data[i], gray.data[i], gray.data[i], 255], i * 4);
  writeFileSync(`${out}-${n}.png`, PNG.sync.write(png));
}
