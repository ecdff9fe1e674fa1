// A row with one value too many or too few where no grid places the values (text, pasted runs):
// every alignment of its values to the columns is tried against the table's identities.
import { formats, type FormatId } from '../spec';
import type { Tok } from './stream';
import type { TableRead } from './types';

/** One way to place the values: a token per column, or 'inserted' where the source lost a cell. */
export type Alignment = (Tok | 'inserted')[];

/** Every alignment of `values` to n columns, likeliest first (a cell lost or added at the row's end, then its start). */
export function alignmentsOf(values: Tok[], n: number): Alignment[] {
  const order = (count: number) => [count - 1, 0, ...Array.from({ length: Math.max(0, count - 2) }, (_, i) => i + 1)];
  if (values.length === n + 1) return order(n + 1).map((drop) => values.filter((_, j) => j !== drop));
  if (values.length === n - 1 && n > 1) return order(n).map((at): Alignment => [...values.slice(0, at), 'inserted', ...values.slice(at)]);
  return [];
}

type Grid = Map<string, (number | null)[]>;

export const valueOf = (t: Tok | 'inserted'): number | null => {
  if (t === 'inserted' || t.token.kind === 'blank') return 0;
  return t.token.kind === 'number' ? t.token.value ?? null : null;
};

/** The table's values as read (blank = 0, unread = null), for trying alignments. */
export function gridOf(table: TableRead): Grid {
  const grid: Grid = new Map();
  for (const [key, row] of Object.entries(table.rows)) grid.set(key, row.cells.map((c) => (c.state === 'number' ? c.value : c.state === 'blank' ? 0 : null)));
  return grid;
}

const known = (xs: (number | null | undefined)[]): xs is number[] => xs.every((x) => typeof x === 'number');
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

/**
 * How many identities of table 三 (the format's, as data) through `row` fail with these values;
 * identities with unread cells neither hold nor fail.
 */
export function t3Failures(grid: Grid, row: string, layout: FormatId): number {
  const f = formats[layout];
  const colIndex = (key: string) => f.t3.columns.findIndex((c) => c.key === key);
  const cell = (key: string, c: number) => grid.get(key)?.[c];
  let failures = 0;
  for (const id of f.identities) {
    if (id.kind === 'row-sum') {
      const own = grid.get(row);
      const parts = own && id.parts.map((k) => own[colIndex(k)]);
      const total = own?.[colIndex(id.total)];
      if (parts && known(parts) && typeof total === 'number' && sum(parts) !== total) failures++;
    } else if (id.kind === 'column-sum') {
      const details = f.t3.rows.filter((r) => r.role === id.partsRole).map((r) => r.key);
      if (row !== id.total && !details.includes(row)) continue;
      for (let c = 0; c < f.t3.columns.length; c++) {
        const parts = details.filter((k) => grid.has(k)).map((k) => cell(k, c));
        const total = cell(id.total, c);
        if (known(parts) && typeof total === 'number' && sum(parts) !== total) failures++;
      }
    } else if (id.kind === 'column-balance') {
      if (![...id.left, ...id.right].includes(row)) continue;
      for (let c = 0; c < f.t3.columns.length; c++) {
        const left = id.left.map((k) => cell(k, c));
        const right = id.right.map((k) => cell(k, c));
        if (known(left) && known(right) && sum(left) !== sum(right)) failures++;
      }
    }
  }
  return failures;
}

/** How many blocks of table 四's data row fail 维持 + 纠正 + 其他 + 尚未审结 = 总计. */
export function t4Failures(values: (number | null)[]): number {
  let failures = 0;
  for (let b = 0; b + 5 <= values.length; b += 5) {
    const block = values.slice(b, b + 5);
    if (known(block) && sum(block.slice(0, 4)) !== block[4]) failures++;
  }
  return failures;
}

export interface Resolution {
  /** The values to place: the likeliest alignment when every one breaks an identity, else the agreed cells (null: unread). */
  values: (Tok | 'inserted' | null)[];
  placedBy: 'every' | 'likeliest';
}

/**
 * Decides a misaligned row. If some alignment makes every identity hold, only the cells whose value
 * is the same under every alignment are read (16 zeros: all of them). If every alignment breaks an
 * identity, the report is wrong whichever cell was added or lost: the likeliest alignment is checked.
 */
export function resolve(alignments: Alignment[], failures: (a: Alignment) => number): Resolution | null {
  if (alignments.length === 0) return null;
  const counts = alignments.map(failures);
  if (counts.every((c) => c > 0)) {
    const best = counts.indexOf(Math.min(...counts));
    return { values: alignments[best], placedBy: 'likeliest' };
  }
  const values = alignments[0].map((t, i) => {
    const v = valueOf(t);
    if (v === null || !alignments.every((a) => valueOf(a[i]) === v)) return null;
    // Agreed: anchor it on a cell the source printed, if any alignment puts one there.
    return alignments.map((a) => a[i]).find((x) => x !== 'inserted') ?? t;
  });
  return { values, placedBy: 'every' };
}

