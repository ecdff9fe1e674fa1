// One picture file read, its lines printed (kind, unsure '?', text) and its parsed rows.
// Usage: tsx scripts/ocr-file.ts picture.png [row-key…]
import { readFileSync } from 'node:fs';
import { decodeImage, nodeRecognizer } from '../lib/ocr/node';
import { readTableImage } from '../lib/ocr/table';
import { parseStep } from '../lib/check';
const [file, ...keys] = process.argv.slice(2);
const rec = await nodeRecognizer();
const doc = await readTableImage(decodeImage(new Uint8Array(readFileSync(file))), rec, file);
for (const l of doc.lines) console.log(l.tokens.map((t) => `${t.kind === 'text' ? '' : t.kind[0]}${t.confident ? '' : '?'}${t.raw}`).join(' | '));
const report = parseStep(doc, { force: true }).report;
for (const id of ['t3', 't4'] as const) {
  const t = report?.tables[id];
  if (!t?.found) continue;
  console.log(id, JSON.stringify(t.problems), t.missingRows);
  for (const [k, r] of Object.entries(t.rows)) if (!keys.length || keys.includes(k)) console.log(`${k}:${r.status}:${r.label?.printed}:${r.cells.map((x) => `${x.state[0]}${x.raw}`).join(',')}`);
}
await rec.close();
