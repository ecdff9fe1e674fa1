// A scanned PDF read by OCR (lib/read/pdf-scan.ts in Node), with a time per page, the tables found
// per page and the findings. Usage: tsx scripts/scan-file.ts FILE.pdf [--lines]
import { readFileSync } from 'node:fs';
import { checkDoc } from '../lib/check';
import { readScannedPdf } from '../lib/cli/scan';

const [file, ...flags] = process.argv.slice(2);
const t0 = performance.now();
let last = t0;
const read = await readScannedPdf(file, new Uint8Array(readFileSync(file)), (done, total) => {
  const now = performance.now();
  console.log(`page ${done}/${total}: ${(now - last).toFixed(0)} ms`);
  last = now;
}, process.env.SCAN_SCALE ? Number(process.env.SCAN_SCALE) : undefined);
const ms = performance.now() - t0;
console.log(`pages read ${read.pagesRead.join(',')} tables ${JSON.stringify(read.tables)} in ${ms.toFixed(0)} ms (${(ms / Math.max(1, read.pagesRead.length)).toFixed(0)} ms per page)`);
for (const n of read.notices) console.log(`notice: ${n.zh}`);
if (flags.includes('--lines')) for (const l of read.source.lines) console.log(l.tokens.map((t) => (t.kind === 'number' ? (t.confident ? t.raw : `${t.raw}?`) : t.kind === 'blank' ? '_' : t.raw)).join(' | '));
const result = checkDoc(read.source, { force: true, scope: 'tables' });
for (const [id, t] of Object.entries(result.report?.tables ?? {})) console.log(`${id}: found ${t.found}`);
for (const f of result.findings) console.log(`${f.severity} ${f.rule} ${f.cells.map((c) => `${c.table}.${c.row}.${c.col}=${c.value}`).join(',')} ${f.message.zh}`);
