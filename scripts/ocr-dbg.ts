import { readFileSync } from 'node:fs';
import { decodeImage, nodeRecognizer } from '../lib/ocr/node';
import { readTableImage } from '../lib/ocr/table';
import { toStream } from '../lib/parse/stream';
import { segmentsOf } from '../lib/parse/segments';
import { splitMerged } from '../lib/parse/rows';
import { rowScore } from '../lib/parse/align';
import { formats } from '../lib/spec';
const rec = await nodeRecognizer();
const doc = await readTableImage(decodeImage(new Uint8Array(readFileSync(process.argv[2]))), rec, 'x');
await rec.close();
const st = toStream(doc);
const segs = splitMerged(segmentsOf(st, 0, st.length), 7);
const rows = formats['2021'].t3.rows;
for (const s of segs.slice(-8)) {
  const best = rows.map((r) => [r.key, rowScore(r, s)] as const).filter(([, v]) => v > 0.3).map(([k, v]) => `${k}:${v.toFixed(2)}`);
  console.log(s.labels.map((t) => t.token.raw).join('/'), '|', s.values.length, '|', best.join(' '));
}
