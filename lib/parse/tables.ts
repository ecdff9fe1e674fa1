// Reads tables 二, 三 and 四 from their regions of the token stream.
import { strictKey } from '../text/normalize';
import { formats, type Format, type FormatId, type Label, type T3Row } from '../spec';
import { alignRows, type RowMatch } from './align';
import { placeByGrid } from './grid';
import { readColumnLabel } from './labels';
import { addLabelOnlyRows, placeT2ByPosition, placeT3Rows, placeT4, sameCells, T4_LEAVES } from './place';
import { buildRow, placedRow, splitMerged, type RowSpec } from './rows';
import { runSteps } from '../steps';
import { segmentsOf, fit, trimBlanks, type Segment } from './segments';
import type { Tok } from './stream';
import type { CellRead, LabelRead, RowRead, TableRead } from './types';

const T3_COLUMNS = formats['2021'].t3.columns.map((c) => c.key);
const T4_COLUMNS = formats['2021'].t4.blocks.flatMap((b) => formats['2021'].t4.columns.map((c) => `${b.key}.${c.key}`));

const empty = (id: TableRead['id']): TableRead => ({ id, found: false, layout: null, rows: {}, missingRows: [], labels: [], problems: [] });

/** All rows of table 三 of both templates, in printed order: the 2019 single (六) row before the 2021 sub-rows. */
function t3RowsUnion(): T3Row[] {
  const r21 = formats['2021'].t3.rows;
  const t19 = formats['2019'].t3.rows.find((r) => r.key === 't')!;
  const i = r21.findIndex((r) => r.key === 't1');
  return [...r21.slice(0, i), t19, ...r21.slice(i)];
}

export function readT3(stream: Tok[], from: number, to: number): TableRead {
  return runSteps(readT3Steps(stream, from, to));
}

/** readT3 as steps: the alignment of its rows, and their placing, are tasks of their own in the browser. */
export function* readT3Steps(stream: Tok[], from: number, to: number): Generator<void, TableRead> {
  if (to <= from) return empty('t3');
  const rows = t3RowsUnion();
  const segs = splitMerged(segmentsOf(stream, from, to), 7);
  let matches = alignRows(rows, segs, { unreadLabelsByOrder: 7 });
  yield;
  const has = (k: string) => matches.some((m) => m.row.key === k);
  const sub = matches.filter((m) => ['t1', 't2', 't3'].includes(m.row.key));
  let layout: FormatId | null = null;
  if (sub.length && has('t')) {
    // Both read: keep whichever reading is stronger.
    const single = matches.find((m) => m.row.key === 't')!;
    const keepSub = Math.max(...sub.map((m) => m.score)) >= single.score;
    matches = matches.filter((m) => (keepSub ? m.row.key !== 't' : !['t1', 't2', 't3'].includes(m.row.key)));
  }
  if (matches.some((m) => ['t1', 't2', 't3'].includes(m.row.key))) layout = '2021';
  else if (has('t')) layout = '2019';

  const labelled = matches.filter((m) => !m.orphan);
  if (labelled.length < 4) return { ...empty('t3'), problems: labelled.length ? [unreadable('t3')] : [] };

  const table: TableRead = { ...empty('t3'), found: true, layout, anchor: labelled[0].seg.labels[0]?.token.anchor };
  const specOf = (key: string): RowSpec => ({ table: 't3', key, columns: T3_COLUMNS, rowSum: true });
  for (const m of matches) table.rows[m.row.key] = buildRow(specOf(m.row.key), m);
  const expectedRows = formats[layout ?? '2021'].t3.rows.map((r) => r.key);
  addLabelOnlyRows(table, rows, matches, expectedRows, specOf);
  table.missingRows = expectedRows.filter((k) => !table.rows[k]);

  yield;
  // The header runs up to the first row's values (row labels in it do not look like column headers).
  const firstRowPos = Math.min(...labelled.map((m) => m.seg.values[0]?.pos ?? to));
  const header = stream.slice(from, firstRowPos).filter((t) => !t.token.prose);
  placeT3Rows(table, matches, header, specOf, layout ?? '2021');
  table.labels = [
    ...columnLabels('t3', formats['2021'].t3.columns, header),
    ...rowLabels(table.rows),
  ];
  if (table.missingRows.length) table.problems.push(missingRows('t3', table.missingRows));
  return distrustIfUnsure(table);
}

/** Which template table 二 follows, from the words of its headers and rows. */
function t2Layout(stream: Tok[], from: number, to: number, fallback: FormatId): FormatId {
  const text = strictKey(stream.slice(from, to).map((t) => t.token.raw).join(''));
  const hits = (f: Format) => f.signatures.t2.filter((s) => text.includes(strictKey(s))).length;
  const h21 = hits(formats['2021']);
  const h19 = hits(formats['2019']);
  if (h21 === h19) return fallback;
  return h21 > h19 ? '2021' : '2019';
}

export function readT2(stream: Tok[], from: number, to: number, fallback: FormatId): TableRead {
  if (to <= from) return empty('t2');
  const layout = t2Layout(stream, from, to, fallback);
  const format = formats[layout];
  const rowDefs = format.t2.subtables.flatMap((st) => st.rows.map((r) => ({ row: r, columns: st.columns.map((c) => c.key) })));
  const segs = segmentsOf(stream, from, to);
  const matches = alignRows(rowDefs.map((d) => d.row), segs);
  const labelled = matches.filter((m) => !m.orphan);
  if (labelled.length < 2) return { ...empty('t2'), problems: labelled.length ? [unreadable('t2')] : [] };
  const table: TableRead = { ...empty('t2'), found: true, layout, anchor: labelled[0].seg.labels[0]?.token.anchor };
  for (const m of matches) {
    const def = rowDefs.find((d) => d.row.key === m.row.key)!;
    table.rows[m.row.key] = buildRow({ table: 't2', key: m.row.key, columns: def.columns }, m);
  }
  const specOf = (key: string): RowSpec => ({ table: 't2', key, columns: rowDefs.find((d) => d.row.key === key)!.columns });
  placeT2ByPosition(table, format, matches, specOf);
  addLabelOnlyRows(table, rowDefs.map((d) => d.row), matches, rowDefs.map((d) => d.row.key), specOf);
  table.missingRows = rowDefs.map((d) => d.row.key).filter((k) => !table.rows[k]);
  const header = stream.slice(from, to).filter((t) => !t.token.prose && t.token.kind === 'text');
  const seen = new Set<string>();
  const cols = format.t2.subtables.flatMap((st) => st.columns).filter((c) => !seen.has(c.label) && seen.add(c.label));
  table.labels = [...columnLabels('t2', cols, header), ...rowLabels(table.rows)];
  if (table.missingRows.length) table.problems.push(missingRows('t2', table.missingRows));
  return distrustIfUnsure(table);
}

/**
 * `headless`: a picture whose header could not be read (light text on a dark fill) and whose one
 * row holds the 15 values of table 四: read as table 四, and said so (its arithmetic then only asks
 * for a human look).
 */
export function readT4(stream: Tok[], from: number, to: number, headless = false): TableRead {
  if (to <= from) return empty('t4');
  const segs = segmentsOf(stream, from, to).filter((s) => s.values.length > 0);
  const header = stream.slice(from, to).filter((t) => !t.token.prose && t.token.kind === 'text');
  const hasHeader = headless || (header.some((t) => /复议/.test(t.token.raw)) && header.some((t) => /诉讼|起诉/.test(t.token.raw)));
  // The section heading alone names 复议 and 诉讼: without a single value there is no table.
  if (!hasHeader || segs.length === 0) return empty('t4');
  const withNumbers = segs.filter((s) => s.values.some((t) => t.token.kind === 'number'));
  // The data row may be split into blocks (one per 复议/诉讼 block): take runs until 15 values are reached.
  // One run of exactly 15 values is the data row (the last one: stray marks may stand in the header).
  const whole = withNumbers.filter((s) => trimBlanks(s.values).length === 15).pop();
  const pool: Segment[] = whole ? [whole] : [];
  let count = 0;
  for (const s of whole ? [] : withNumbers.length ? withNumbers : segs.slice(-1)) {
    if (count >= 15) break;
    pool.push(s);
    count += trimBlanks(s.values).length;
  }
  const table: TableRead = { ...empty('t4'), found: true, layout: null, anchor: header[0]?.token.anchor };
  const values = pool.flatMap((s) => s.values);
  // Row ends after each run of the pool: a running end, not a search per run.
  const breaks = new Set<number>();
  let end = -1;
  for (const s of pool) breaks.add((end += s.values.length));
  const merged: Segment = { labels: [], values, breaks, after: [] };
  // fit() trims blank header cells around the data row only when there are more than 15.
  const f = fit(merged, 15);
  const explicit = values.length > 0 && values.every((t) => t.token.cell);
  const match: RowMatch = { row: { key: 'cells', label: '', variants: [], keywords: [] } as Label, seg: merged, score: 1, orphan: false };
  const spec: RowSpec = { table: 't4', key: 'cells', columns: T4_COLUMNS };
  let row: RowRead = f.values
    ? buildRow(spec, { ...match, seg: { ...merged, values: f.values } })
    : { key: 'cells', cells: T4_COLUMNS.map((c, i) => missing(c, values[i]?.token.raw)), status: f.status, count: trimBlanks(values).length, expected: 15, confident: false, explicit, html: values.length > 0 && values.every((t) => t.token.htmlCell) };
  // The page's own table is read by its header grid: a blank first cell and an empty column at the
  // right (Excel) must not shift the values one column to the left.
  const grid = row.html ? placeByGrid(values, header, T4_LEAVES) : null;
  if (grid && !sameCells(row, grid.placed)) {
    const complete = grid.placed.every(Boolean) && grid.extra.length === 0;
    const status = complete ? 'exact' : grid.extra.length ? 'long' : 'short';
    row = { ...placedRow(spec, row, grid.placed, !values.some((t) => t.token.digits), 'grid', grid.extra), status, count: trimBlanks(values).length };
  } else if (!f.values) row = placeT4(spec, row, values, header);
  row.label = undefined;
  // Split the 15 cells into the three blocks the rules and the JSON speak of.
  for (const b of formats['2021'].t4.blocks) {
    const cells = row.cells.filter((c) => c.ref.col!.startsWith(`${b.key}.`)).map((c) => ({ ...c, ref: { table: 't4' as const, row: b.key, col: c.ref.col!.split('.')[1] } }));
    table.rows[b.key] = { ...row, key: b.key, cells, expected: 5 };
  }
  table.rows.cells = row;
  table.labels = [];
  if (headless) {
    table.problems.push({
      zh: '图片中表四的表头无法识别，已按 15 个数值的顺序读取（行政复议 5 项、未经复议直接起诉 5 项、复议后起诉 5 项），请人工核对',
      en: 'The header of table t4 in the picture could not be read; its 15 values were read in order (review 5, direct suit 5, suit after review 5); please check by eye',
    });
    return distrustIfUnsure(table);
  }
  return table;
}

/**
 * A table we had to piece together (rows missing, labels apart from numbers, digits run together)
 * is read without confidence as a whole: its arithmetic can only ask for a human look.
 */
function distrustIfUnsure(table: TableRead): TableRead {
  const rows = Object.values(table.rows);
  const unsure = table.problems.some((p) => !p.aside) || rows.some((r) => r.status === 'decoded' || r.status === 'ambiguous' || !r.label);
  if (!unsure) return table;
  for (const r of rows) {
    r.confident = false;
    for (const c of r.cells) c.confident = false;
  }
  return table;
}

function missing(col: string, raw = ''): CellRead {
  return { ref: { table: 't4', row: 'cells', col }, value: null, raw, state: 'missing', confident: false };
}

function columnLabels(table: 't2' | 't3', cols: Label[], header: Tok[]): LabelRead[] {
  const out: LabelRead[] = [];
  for (const c of cols) {
    const l = readColumnLabel(c, header, { table, row: null, col: c.key });
    if (l) out.push(l);
  }
  return out;
}

function rowLabels(rows: Record<string, RowRead>): LabelRead[] {
  return Object.values(rows).flatMap((r) => (r.label ? [r.label] : []));
}

function unreadable(table: string) {
  return {
    zh: `找到了表${tableName(table)}的部分内容，但无法确定各行的位置，请人工核对`,
    en: `Parts of table ${table} were found but its rows could not be placed; please check by eye`,
  };
}

function missingRows(table: string, keys: string[]) {
  return {
    zh: `表${tableName(table)}中未能找到以下行：${keys.join('、')}`,
    en: `Could not find these rows of table ${table}: ${keys.join(', ')}`,
  };
}

export const tableName = (t: string) => ({ t2: '二', t3: '三', t4: '四' })[t] ?? t;
export type { RowMatch, Segment, Tok };
