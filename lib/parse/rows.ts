// Turns a matched segment into a row of cells, deciding how surely each cell was read.
import { CONFIDENT_SCORE, type RowMatch } from './align';
import { digitReadings } from './digits';
import { readRowLabel } from './labels';
import { fit, type Segment } from './segments';
import type { Tok } from './stream';
import type { CellRead, RowRead, TableId } from './types';

export interface RowSpec {
  table: TableId;
  key: string;
  columns: string[];
  /** Cells of this row must add up (first ones to the last): lets run-together digits be decoded. */
  rowSum?: boolean;
}

export function buildRow(spec: RowSpec, match: RowMatch): RowRead {
  const { seg } = match;
  const n = spec.columns.length;
  const ref = { table: spec.table, row: spec.key, col: null };
  const label = match.orphan ? undefined : readRowLabel(match.row, seg, ref);
  const explicit = seg.values.length > 0 && seg.values.every((t) => t.token.cell);
  const html = seg.values.length > 0 && seg.values.every((t) => t.token.htmlCell);
  const base = { key: spec.key, expected: n, explicit, html, label, anchor: seg.labels[seg.labels.length - 1]?.token.anchor ?? seg.values[0]?.token.anchor };
  const f = fit(seg, n);
  const labelSure = rowLabelSure(match);

  if (f.values) {
    const sure = labelSure && (f.status === 'exact' || f.status === 'trimmed') && f.strays.length === 0 && !seg.strays;
    return { ...base, status: f.status, count: f.values.length, confident: sure, cells: f.values.map((t, i) => cellOf(spec, i, t, sure)) };
  }

  const numbers = seg.values.filter((t) => t.token.kind === 'number');
  // Digits are split only where the row has no cell boundaries at all and its identity (the row
  // total) admits exactly one split: a value with a cell of its own ("行政许可 | 550 | |") is one value.
  const splittable = spec.rowSum && numbers.length === 1 && !seg.values.some((t) => t.token.cell) && /^\d+$/.test(numbers[0].token.raw) && numbers[0].token.raw.length >= n;
  if (splittable) {
    const readings = digitReadings(numbers[0].token.raw, n, true);
    if (readings.length === 1) {
      const t = numbers[0];
      return {
        ...base,
        status: 'decoded',
        count: n,
        confident: false,
        cells: readings[0].map((v, i) => ({ ref: { ...ref, col: spec.columns[i] }, value: v, raw: String(v), state: 'number' as const, confident: false, anchor: t.token.anchor })),
      };
    }
    return { ...base, status: 'ambiguous', count: seg.values.length, confident: false, cells: missingCells(spec) };
  }
  const count = seg.values.filter((t, i, all) => t.token.kind !== 'blank' || (i > 0 && i < all.length - 1)).length;
  return { ...base, status: f.status, count, confident: false, cells: missingCells(spec, seg.values) };
}

/** Whether a row's values may be placed at all: its label read well, its values not run together. */
export function rowLabelSure(match: RowMatch): boolean {
  return !match.orphan && match.score >= CONFIDENT_SCORE;
}

/**
 * A row whose values were placed one by one (by the header grid, by columns, by the alignments that
 * agree): null leaves a column unread; 'empty' is a column laid-out text shows empty (a blank);
 * 'inserted' is a column an alignment supposes the source lost: not read.
 */
export function placedRow(spec: RowSpec, row: RowRead, values: (Tok | null | 'inserted' | 'empty')[], sure: boolean, placedBy: RowRead['placedBy'], extra: Tok[] = []): RowRead {
  const cells = values.map((t, i): CellRead => {
    const ref = { table: spec.table, row: spec.key, col: spec.columns[i] };
    if (t === 'empty') return { ref, value: null, raw: '', state: 'blank', confident: sure };
    // Not printed as blank, only supposed lost: unread, so no blank is claimed and no sum runs through it.
    if (t === 'inserted') return { ref, value: null, raw: '', state: 'missing', confident: false };
    if (!t) return { ref, value: null, raw: row.cells[i]?.raw ?? '', state: 'missing', confident: false };
    return cellOf(spec, i, t, sure);
  });
  const outside = extra.map((t): CellRead => ({ ...cellOf(spec, 0, t, sure), ref: { table: spec.table, row: spec.table === 't4' ? null : spec.key, col: null } }));
  return { ...row, cells, placedBy, confident: sure && cells.every((c) => c.confident), ...(outside.length ? { extra: outside } : {}) };
}

function cellOf(spec: RowSpec, i: number, t: Tok, rowSure: boolean): CellRead {
  const tok = t.token;
  const ref = { table: spec.table, row: spec.key, col: spec.columns[i] };
  const state = tok.kind === 'text' ? 'invalid' : tok.kind;
  return {
    ref,
    value: tok.kind === 'number' ? tok.value ?? null : null,
    raw: tok.raw,
    state,
    confident: rowSure && tok.confident && !tok.digits,
    anchor: tok.anchor,
  };
}

/** Cells we could not place: values unknown, the raw text kept for the explanation. */
function missingCells(spec: RowSpec, values: Tok[] = []): CellRead[] {
  return spec.columns.map((col, i) => ({
    ref: { table: spec.table, row: spec.key, col },
    value: null,
    raw: values[i]?.token.raw ?? '',
    state: 'missing' as const,
    confident: false,
    anchor: values[i]?.token.anchor,
  }));
}

/** Splits runs of values that hold several rows (labels printed elsewhere) into label-less segments. */
export function splitMerged(segs: Segment[], n: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const f = fit(s, n);
    if (f.status !== 'split' || !f.values) {
      out.push(s);
      continue;
    }
    out.push({ ...s, values: f.values, breaks: new Set([f.values.length - 1]), strays: f.strays.length });
    for (const r of f.rest) out.push({ labels: [], values: r, breaks: new Set([r.length - 1]), after: [], orphan: true });
  }
  for (let i = 0; i + 1 < out.length; i++) out[i].after = out[i + 1].labels;
  return out;
}
