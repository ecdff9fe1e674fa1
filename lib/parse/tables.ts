// Reads tables 二, 三 and 四 from their regions of the token stream.
import { approxSubstringDistance, strictKey } from '../text/normalize';
import { CONFIDENT_SCORE } from './align';
import { typoLimit } from './labels';
import { formats, type Format, type FormatId, type Label, type T3Row } from '../spec';
import { alignRows, type RowMatch } from './align';
import { readColumnLabel, readRowLabel } from './labels';
import { placeByGrid, sameLabel } from './grid';
import { columnCenters, headerCenters, placeByPosition } from './position';
import { alignmentsOf, gridOf, resolve, t3Failures, t4Failures, valueOf, type Alignment } from './realign';
import { buildRow, placedRow, rowLabelSure, splitMerged, type RowSpec } from './rows';
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
  if (to <= from) return empty('t3');
  const rows = t3RowsUnion();
  const segs = splitMerged(segmentsOf(stream, from, to), 7);
  let matches = alignRows(rows, segs, { unreadLabelsByOrder: 7 });
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

  // The header runs up to the first row's values (row labels in it do not look like column headers).
  const firstRowPos = Math.min(...labelled.map((m) => m.seg.values[0]?.pos ?? to));
  const header = stream.slice(from, firstRowPos).filter((t) => !t.token.prose);
  placeMisaligned(table, matches, header, specOf, layout ?? '2021');
  table.labels = [
    ...columnLabels('t3', formats['2021'].t3.columns, header),
    ...rowLabels(table.rows),
  ];
  if (table.missingRows.length) table.problems.push(missingRows('t3', table.missingRows));
  return distrustIfUnsure(table);
}

/**
 * A row printed with no value at all (every cell blank, and the blanks lost in the text): its label
 * stands, in full, among the label fragments of the next row. Its cells are blank, as printed.
 */
function addLabelOnlyRows(table: TableRead, rows: Label[], matches: RowMatch[], expected: string[], specOf: (key: string) => RowSpec): void {
  const count = Object.keys(table.rows).length;
  for (const key of expected) {
    if (table.rows[key]) continue;
    const at = rows.findIndex((r) => r.key === key);
    const next = matches.find((m) => rows.indexOf(m.row) > at);
    if (!next || next.orphan || next.seg.labels.length < 2) continue;
    const want = strictKey(rows[at].label);
    const own = strictKey(next.row.label);
    // Up to the fragments that hold the next row's own label.
    let end = next.seg.labels.length;
    while (end > 0 && own.includes(strictKey(next.seg.labels.slice(end - 1).map((t) => t.token.raw).join('')))) end--;
    const before = next.seg.labels.slice(0, end);
    const text = strictKey(before.map((t) => t.token.raw).join(''));
    // Table 二's sub-table headers may stand between the label and the next row's label.
    if (want.length < 4 || approxSubstringDistance(want, text, table.id === 't3') > typoLimit(rows[at].label)) continue;
    const label = readRowLabel(rows[at], { labels: before, values: [], breaks: new Set(), after: [] }, { table: table.id, row: key, col: null });
    const anchor = label?.anchor ?? before[before.length - 1]?.token.anchor;
    const spec = specOf(key);
    table.rows[key] = {
      key,
      status: 'exact',
      count: 0,
      expected: spec.columns.length,
      explicit: false,
      html: false,
      confident: next.score >= CONFIDENT_SCORE,
      anchor,
      label,
      cells: spec.columns.map((col) => ({ ref: { table: table.id, row: key, col }, value: null, raw: '', state: 'blank', confident: next.score >= CONFIDENT_SCORE, anchor })),
    };
  }
  // Rows in the table's own order.
  if (Object.keys(table.rows).length !== count) table.rows = Object.fromEntries(rows.filter((r) => table.rows[r.key]).map((r) => [r.key, table.rows[r.key]]));
}

/**
 * Rows of table 三 with a value too many or too few: placed by the page's header grid when there
 * is one, else by trying every alignment against the table's identities (see realign.ts).
 */
function placeMisaligned(table: TableRead, matches: RowMatch[], header: Tok[], specOf: (key: string) => RowSpec, layout: FormatId): void {
  const centers = columnCenters(matches.filter((m) => !m.orphan).map((m) => trimBlanks(m.seg.values)), 7);
  const added = new Set<string>();
  for (const m of matches) {
    if (m.orphan) continue;
    const row = table.rows[m.row.key];
    const sure = rowLabelSure(m) && !m.seg.strays;
    const grid = placeByGrid(m.seg.values, header, formats['2021'].t3.columns);
    const complete = !!grid && grid.placed.every(Boolean) && grid.extra.length === 0;
    // A page's own table is read by its grid. Fields of text are a grid only when they agree with
    // the header everywhere (pasted text loses the columns of merged cells).
    grid?.added.forEach((a) => added.add(a));
    if (grid && (row.html || complete)) {
      if (complete && sameCells(row, grid.placed)) continue;
      const status = complete ? row.status : grid.extra.length ? 'long' : 'short';
      const placed = placedRow(specOf(m.row.key), row, grid.placed, sure && (status === 'long' || status === 'short' || row.confident), 'grid', grid.extra);
      table.rows[m.row.key] = { ...placed, status: complete && (row.status === 'short' || row.status === 'long') ? 'exact' : status, count: trimBlanks(m.seg.values).length };
      continue;
    }
    const values = trimBlanks(m.seg.values);
    // A fit that kept a gap of the label columns as a blank value, against the header's fields: not a fit.
    const gapKept = grid && row.status === 'trimmed' && values.length !== 7;
    if (row.status !== 'short' && row.status !== 'long' && !gapKept) continue;
    const byPosition = centers && values.length < 7 ? placeByPosition(values, centers) : null;
    if (byPosition) {
      table.rows[m.row.key] = { ...placedRow(specOf(m.row.key), row, byPosition.map((t) => t ?? 'inserted'), sure, 'position'), status: 'exact', count: values.length };
      continue;
    }
    const base = gridOf(table);
    const tryRow = (a: Alignment) => {
      base.set(m.row.key, a.map(valueOf));
      return t3Failures(base, m.row.key, layout);
    };
    const r = resolve(alignmentsOf(values, 7), tryRow);
    const status: RowRead['status'] = values.length > 7 ? 'long' : 'short';
    if (r) table.rows[m.row.key] = { ...placedRow(specOf(m.row.key), row, r.values, sure, r.placedBy), status, count: values.length };
    else if (gapKept) table.rows[m.row.key] = { ...row, status, count: values.length, confident: false, cells: row.cells.map((c) => ({ ...c, value: null, state: 'missing', confident: false })) };
  }
  if (added.size)
    table.problems.push({
      zh: `表三有格式之外的列（${[...added].map((a) => `「${a}」`).join('、')}），该列未计入核对`,
      en: `Table 3 has columns the format does not have (${[...added].join(', ')}); they were left out of the check`,
      aside: true,
    });
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
 * Laid-out text: a row of a sub-table of table 二 that lost its blank cells, placed by the columns of
 * the sub-table's complete rows (a sub-table has two rows at most: one complete row suffices).
 */
function placeT2ByPosition(table: TableRead, format: Format, matches: RowMatch[], specOf: (key: string) => RowSpec): void {
  for (const st of format.t2.subtables) {
    if (st.columns.length < 2) continue;
    const own = matches.filter((m) => !m.orphan && st.rows.some((r) => r.key === m.row.key));
    // One complete row cannot tell the measure: a value must stand in a column by either.
    const full = own.map((m) => trimBlanks(m.seg.values));
    const measures = (['x', 'xw'] as const).map((m) => columnCenters(full, st.columns.length, 1, m)).filter((c) => c !== null);
    if (!measures.length) continue;
    for (const m of own) {
      const row = table.rows[m.row.key];
      const values = trimBlanks(m.seg.values);
      if (row.status !== 'short' || values.length === 0) continue;
      const placed = measures.map((c) => placeByPosition(values, c)).find((p) => p !== null);
      if (placed) table.rows[m.row.key] = { ...placedRow(specOf(m.row.key), row, placed.map((t) => t ?? 'inserted'), rowLabelSure(m), 'position'), status: 'exact', count: values.length };
    }
  }
}

export function readT4(stream: Tok[], from: number, to: number): TableRead {
  if (to <= from) return empty('t4');
  const segs = segmentsOf(stream, from, to).filter((s) => s.values.length > 0);
  const header = stream.slice(from, to).filter((t) => !t.token.prose && t.token.kind === 'text');
  const hasHeader = header.some((t) => /复议/.test(t.token.raw)) && header.some((t) => /诉讼|起诉/.test(t.token.raw));
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
  return table;
}

/** Table 四's leaf headers: the five columns under each of the three blocks. */
const T4_LEAVES = formats['2021'].t4.blocks.flatMap(() => formats['2021'].t4.columns);

/** Table 四's data row with a value too many or too few: by the header grid, else by its alignments. */
/** The row already holds these cells, in this order (the fit and the grid agree). */
const sameCells = (row: RowRead, placed: (Tok | null)[]) => row.cells.length === placed.length && row.cells.every((c, i) => !!placed[i] && c.anchor === placed[i]!.token.anchor);

function placeT4(spec: RowSpec, row: RowRead, values: Tok[], header: Tok[]): RowRead {
  const sure = !values.some((t) => t.token.digits);
  const grid = placeByGrid(values, header, T4_LEAVES);
  // Text fields count as a grid only when the extra cells stand outside the header's columns at the end.
  const html = values.every((t) => t.token.htmlCell);
  if (grid && (html || grid.placed.every(Boolean))) return placedRow(spec, row, grid.placed, sure, 'grid', grid.extra);
  const labelOf = (raw: string) => T4_LEAVES.find((c) => sameLabel(c, raw))?.key;
  const byMeasure = (m: 'x' | 'xw') => {
    const columns = headerCenters(header, T4_LEAVES, labelOf, m);
    return columns && trimBlanks(values).length < 15 ? placeByPosition(trimBlanks(values), columns) : null;
  };
  const byPosition = byMeasure('x') ?? byMeasure('xw');
  if (byPosition) return { ...placedRow(spec, row, byPosition.map((t) => t ?? 'inserted'), sure, 'position'), status: 'exact' };
  const r = resolve(alignmentsOf(trimBlanks(values), 15), (a) => t4Failures(a.map(valueOf)));
  return r ? placedRow(spec, row, r.values, sure, r.placedBy) : row;
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
