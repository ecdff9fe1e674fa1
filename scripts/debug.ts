import { readFileSync } from 'node:fs';
import { readText } from '../lib/read/text';
import { parseReport } from '../lib/parse/report';
const file = process.argv[2];
const doc = readText(readFileSync(file, 'utf8'));
const r = parseReport(doc);
console.log(r.title, r.year, r.format, r.expectedFormat);
for (const s of r.sections) console.log(s.n, s.found, s.heading, s.wording ?? '', s.renumbered ? 'RENUM' : '');
for (const t of Object.values(r.tables)) {
  console.log('==', t.id, t.found, t.layout, 'missing', t.missingRows.join(','), t.problems.map((p) => p.zh).join(';'));
  for (const [k, row] of Object.entries(t.rows)) console.log(k.padEnd(12), row.status.padEnd(8), row.confident ? 'C' : '-', row.cells.map((c) => (c.state === 'number' ? c.value : c.state[0])).join(' '), row.label && row.label.distance ? `LABEL[${row.label.printed}|d=${row.label.distance}${row.label.variant ? ' ' + row.label.variant.note : ''}]` : '');
  for (const l of t.labels) if (l.distance || l.truncated) console.log('  label', l.ref, l.printed, l.distance, l.variant?.note ?? '', l.truncated ? 'TRUNC' : '');
}
