import { readFileSync } from 'node:fs';
import { decodeImage, nodeRecognizer } from '../lib/ocr/node';
import { readTableImage } from '../lib/ocr/table';
const rec = await nodeRecognizer();
for (const f of process.argv.slice(2)) {
  const t0 = performance.now();
  const doc = await readTableImage(decodeImage(new Uint8Array(readFileSync(f))), rec, f);
  console.log('##', f, (performance.now() - t0).toFixed(0), 'ms');
  for (const l of doc.lines) console.log('  ', l.tokens.map((t) => (t.kind === 'text' ? t.raw.slice(0, 12) : t.kind === 'blank' ? '_' : `${t.raw}${t.confident ? '' : '?'}`)).join(' | '));
}
await rec.close();
