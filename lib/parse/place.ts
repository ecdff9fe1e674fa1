// Placing the values of rows that did not fit: by the page's header grid, by the columns of laid-out
// text, by the alignments that agree; and rows printed with no value at all.
import { formats, type Format, type FormatId, type Label } from '../spec';
import { approxSubstringDistance, strictKey } from '../text/normalize';
import { CONFIDENT_SCORE, type RowMatch } from './align';
import { placeByGrid, sameLabel } from './grid';
import { readRowLabel, typoLimit } from './labels';
import { columnCenters, headerCenters, placeByPosition } from './position';
import { alignmentsOf, gridOf, resolve, t3Failures, t4Failures, valueOf, type Alignment } from './realign';
import { placedRow, rowLabelSure, type RowSpec } from './rows';
import { trimBlanks } from './segments';
import type { Tok } from './stream';
import type { RowRead, TableRead } from './types';

/**
 * A row printed with no value at all (every cell blank, and the blanks lost in the text): its label
 * stands, in full, among the label fragments of the next row. Its cells are blank, as printed.
 */
export function addLabelOnlyRows(table: TableRead, rows: Label[], matches: RowMatch[], expected: string[], specOf: (key: string) => RowSpec): void {
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
export function placeT3Rows(table: TableRead, matches: RowMatch[], header: Tok[], specOf: (key: string) => RowSpec, layout: FormatId): void {
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
      table.rows[m.row.key] = { ...placedRow(specOf(m.row.key), row, byPosition.map((t) => t ?? 'empty'), sure, 'position'), status: 'exact', count: values.length };
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

/**
 * Laid-out text: a row of a sub-table of table 二 that lost its blank cells, placed by the columns of
 * the sub-table's complete rows (a sub-table has two rows at most: one complete row suffices).
 */
export function placeT2ByPosition(table: TableRead, format: Format, matches: RowMatch[], specOf: (key: string) => RowSpec): void {
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
      if (placed) table.rows[m.row.key] = { ...placedRow(specOf(m.row.key), row, placed.map((t) => t ?? 'empty'), rowLabelSure(m), 'position'), status: 'exact', count: values.length };
    }
  }
}

/** Table 四's leaf headers: the five columns under each of the three blocks. */
export const T4_LEAVES = formats['2021'].t4.blocks.flatMap(() => formats['2021'].t4.columns);

/** The row already holds these cells, in this order (the fit and the grid agree). */
export const sameCells = (row: RowRead, placed: (Tok | null)[]) => row.cells.length === placed.length && row.cells.every((c, i) => !!placed[i] && c.anchor === placed[i]!.token.anchor);

/** Table 四's data row with a value too many or too few: by the header grid, the columns of laid-out text, else its alignments. */
export function placeT4(spec: RowSpec, row: RowRead, values: Tok[], header: Tok[]): RowRead {
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
  if (byPosition) return { ...placedRow(spec, row, byPosition.map((t) => t ?? 'empty'), sure, 'position'), status: 'exact' };
  const r = resolve(alignmentsOf(trimBlanks(values), 15), (a) => t4Failures(a.map(valueOf)));
  return r ? placedRow(spec, row, r.values, sure, r.placedBy) : row;
}

