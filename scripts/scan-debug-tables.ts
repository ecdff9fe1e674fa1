// Debug: the tables found on each page of a scanned PDF, and whether each continues the one before.
// Usage: tsx scripts/scan-debug-tables.ts FILE.pdf [SCALE]
import { readFileSync } from 'node:fs';
import { openPdfNode, renderPageNode } from '../lib/read/pdf-render-node';
import { continues, findTables, SCAN_SCALE, straighten } from '../lib/read/pdf-scan';
import { inkMask, skewAngle } from '../lib/ocr/image';

const doc = await openPdfNode(new Uint8Array(readFileSync(process.argv[2])));
const scale = Number(process.argv[3] ?? SCAN_SCALE);
let prev: ReturnType<typeof findTables>[number] | null = null;
for (let n = 1; n <= doc.numPages; n++) {
  const r = await renderPageNode(await doc.getPage(n), scale);
  const angle = skewAngle(inkMask(r.gray));
  const mask = inkMask(straighten(r.gray, angle));
  const tables = findTables(mask);
  for (const b of tables) {
    let below = 0;
    for (let y = b.y + b.h + 3; y < mask.height; y++) for (let x = b.x; x < b.x + b.w; x++) if (mask.data[y * mask.width + x] < 128) below++;
    console.log(`page ${n} (turn ${angle.toFixed(2)}°): ${b.x},${b.y} ${b.w}x${b.h} rows ${b.rows} head ${b.headOfPage} foot ${b.footOfPage} (ink below ${below}) columns ${b.firstCols.length}/${b.lastCols.length}`);
  }
  if (prev && tables[0]) console.log(`  continues the page before: ${continues(prev, tables[0])}`);
  prev = tables[tables.length - 1] ?? null;
}
