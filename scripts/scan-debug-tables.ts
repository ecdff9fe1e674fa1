import { readFileSync } from 'node:fs';
import { openPdfNode, renderPageNode } from '/work/main/lib/read/pdf-render-node';
import { findTables, continues } from '/work/main/lib/read/pdf-scan';
import { inkMask, rotate, skewAngle } from '/work/main/lib/ocr/image';
const doc = await openPdfNode(new Uint8Array(readFileSync(process.argv[2])));
let prev: any = null;
for (let n = 1; n <= doc.numPages; n++) {
  const r = await renderPageNode(await doc.getPage(n), 2.5);
  const a = skewAngle(inkMask(r.gray));
  const t = findTables(inkMask(rotate(r.gray, a)));
  console.log(n, 'angle', a, t.map((b) => `${b.x},${b.y} ${b.w}x${b.h} head ${b.headOfPage} foot ${b.footOfPage} first ${b.firstCols.length} last ${b.lastCols.length}`));
  if (prev && t[0]) console.log('continues', continues(prev, t[0]), prev.lastCols.join(','), '|', t[0].firstCols.join(','));
  prev = t[t.length - 1];
}
