// One-off helper (kept for transparency): drafts the structured description of a seed that the
// fixture renderer turns into page layouts. Its output was checked by eye against the seed, cell by
// cell, and corrected by hand where the seed's layout defeats it (see test/fixtures/seeds/README.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readText } from '../lib/read/text';
import { parseReport } from '../lib/parse/report';
import { formats } from '../lib/spec';

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const doc = readText(text);
const r = parseReport(doc);
const lines = text.split(/\r?\n/);
const sec = (n: number) => r.sections.find((s) => s.n === n);
const lineOf = (n: number) => {
  const s = sec(n);
  return s?.found ? doc.lines[s.line!].anchor : null;
};
const srcLine = (n: number) => {
  const a = lineOf(n);
  return a && a.kind === 'text' ? a.line : -1;
};
const para = (from: number, to: number) =>
  lines.slice(from, to).map((l) => l.trim()).filter((l) => l && !l.includes('\t') && !l.includes('|'));
const bounds = [1, 2, 3, 4, 5, 6].map(srcLine);
const sections = [1, 2, 3, 4, 5, 6].map((n, i) => {
  const s = sec(n)!;
  const from = bounds[i] + 1;
  const to = bounds.slice(i + 1).find((b) => b > 0) ?? lines.length;
  const paragraphs = n === 1 || n >= 5 ? para(from, to) : [];
  return { n, heading: s.heading, paragraphs };
});
const firstHeading = bounds.find((b) => b >= 0) ?? 0;
const t2f = formats[r.tables.t2.layout ?? '2021'];
const printedCol = (table: 't2' | 't3', key: string, fallback: string) =>
  r.tables[table].labels.find((l) => l.ref.col === key && !l.ref.row)?.printed ?? fallback;
const printedRow = (table: 't2' | 't3', key: string, fallback: string) => r.tables[table].rows[key]?.label?.printed ?? fallback;
const raw = (table: 't2' | 't3', key: string, n: number) =>
  r.tables[table].rows[key]?.cells.map((c) => (c.state === 'blank' ? '' : c.raw)) ?? Array(n).fill('');
const out = {
  seed: basename(file),
  title: r.title,
  preamble: para(0, firstHeading).filter((l) => l !== r.title),
  sections,
  t2: {
    format: t2f.id,
    subtables: t2f.t2.subtables.map((st) => ({
      caption: st.caption,
      columns: ['信息内容', ...st.columns.map((c) => printedCol('t2', c.key, c.label))],
      rows: st.rows.map((row) => [printedRow('t2', row.key, row.label), ...raw('t2', row.key, st.columns.length)]),
    })),
  },
  t3: {
    format: r.tables.t3.layout,
    columns: formats['2021'].t3.columns.map((c) => printedCol('t3', c.key, c.label)),
    rows: formats[r.tables.t3.layout ?? '2021'].t3.rows.map((row) => ({
      key: row.key,
      label: printedRow('t3', row.key, row.label),
      values: raw('t3', row.key, 7),
    })),
  },
  t4: { values: r.tables.t4.rows.cells?.cells.map((c) => (c.state === 'blank' ? '' : c.raw)) ?? [] },
};
writeFileSync(process.argv[3], `${JSON.stringify(out, null, 1)}\n`);
