// One style seed's pictures read, their lines printed (kind, unsure '?', text) and scored; ROWS=1
// also prints the parsed rows. Usage: [ROWS=1] tsx scripts/ocr-debug.ts SEED [t3|t4]
import { decodeImage, nodeRecognizer } from '../lib/ocr/node';
import { readTableImage } from '../lib/ocr/table';
import { casesOf, tableImage, withBrowser } from '../test/fixtures/images';
import { scorePicture } from '../test/fixtures/picture-style-score';
import { parseStep } from '../lib/check';
const seed = Number(process.argv[2]);
const table = process.argv[3];
const rec = await nodeRecognizer();
await withBrowser(async (b) => {
  for (const c of casesOf(seed).filter((x) => !table || x.table === table)) {
    const doc = await readTableImage(decodeImage(await tableImage(b, c.data, c.table, c.style)), rec, c.name);
    for (const l of doc.lines) console.log(l.tokens.map((t) => `${t.kind === 'text' ? '' : t.kind[0]}${t.confident ? '' : '?'}${t.raw}`).join(' | '));
    const s = scorePicture(doc, c.data, c.table);
    const t = parseStep(doc, { force: true }).report?.tables[c.table];
    if (process.env.ROWS) console.log(JSON.stringify(parseStep(doc, { force: true }).report?.sections?.map((s: any) => [s.n, s.found, s.pos, s.printed ?? s.heading])));
    if (process.env.ROWS && t) console.log(JSON.stringify(t.problems), t.missingRows, Object.entries(t.rows).map(([k, r]) => `${k}:${r.status}:${r.label?.printed}:${r.cells.map((x) => x.raw).join(',')}`).join('\n'));
    console.log(c.style.name, s.right, s.all, s.found, s.misses.join(', '), s.misreadErrors.join('\n'));
  }
});
await rec.close();
