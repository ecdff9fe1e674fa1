// In a page's own HTML table the header grid is the reading: each value stands under a header cell.
import { labelSimilarity, matchKey } from '../text/normalize';
import type { Label } from '../spec';
import type { Tok } from './stream';

export interface GridPlacement {
  /** One entry per column of the table, in order: the value standing under it, or null. */
  placed: (Tok | null)[];
  /** Values under no column header (a cell too many). */
  extra: Tok[];
  /** Headers of columns the format does not have (「小计」), whose values are left out of the check. */
  added: string[];
}

export const sameLabel = (label: Label, text: string) => {
  const key = matchKey(text);
  if (!key) return false;
  return [label.label, ...label.variants.map((v) => v.text)].some((f) => labelSimilarity(matchKey(f), key, true) >= 0.75 && key.length <= matchKey(f).length + 2);
};

/**
 * Places a row's values by the columns of the header cells above them. `columns` lists the table's
 * leaf headers in order (a label may repeat: table 四's five headers stand under each block).
 * Null when the grid cannot tell: the values are not all cells of one HTML table, or the header
 * cells found are not exactly the table's columns.
 */
export function placeByGrid(values: Tok[], header: Tok[], columns: Label[]): GridPlacement | null {
  const table = values[0]?.token.grid?.table;
  if (table === undefined || !values.every((t) => t.token.grid?.table === table)) return null;
  // The lowest header cell naming a column decides it (a block title spans several leaves above).
  const leafOf = new Map<number, { label: string; span: number }>();
  // Other header words over a single column: a column the format does not have.
  const otherOf = new Map<number, string>();
  for (const t of header) {
    const g = t.token.grid;
    if (!g || g.table !== table || t.token.kind !== 'text') continue;
    const label = columns.find((c) => sameLabel(c, t.token.raw));
    if (!label) {
      if (g.span === 1 && t.token.raw.length <= 8) otherOf.set(g.col, t.token.raw);
      continue;
    }
    for (let c = g.col; c < g.col + g.span; c++) leafOf.set(c, { label: label.key, span: g.span });
  }
  const leaves = [...leafOf.entries()].filter(([, v]) => v.span === 1).sort((a, b) => a[0] - b[0]);
  if (leaves.length !== columns.length) return null;
  let index: Map<number, number>;
  if (leaves.every(([, v], i) => v.label === columns[i].key)) index = new Map(leaves.map(([col], i) => [col, i]));
  else {
    // Columns printed in another order (总计 first): placed by their headers' names, when each is named once.
    const keys = columns.map((c) => c.key);
    if (new Set(keys).size !== keys.length || new Set(leaves.map(([, v]) => v.label)).size !== keys.length) return null;
    index = new Map(leaves.map(([col, v]) => [col, keys.indexOf(v.label)]));
  }
  const placed: (Tok | null)[] = columns.map(() => null);
  const extra: Tok[] = [];
  const added = new Set<string>();
  for (const t of values) {
    const g = t.token.grid!;
    const i = g.span === 1 ? index.get(g.col) : undefined;
    if (i !== undefined && !placed[i]) placed[i] = t;
    else if (g.span === 1 && otherOf.has(g.col) && !leafOf.has(g.col)) added.add(otherOf.get(g.col)!);
    // A blank cell outside the columns is layout, not a value.
    else if (t.token.kind !== 'blank') extra.push(t);
  }
  return { placed, extra, added: [...added] };
}
