// Laid-out text (pdftotext -layout): a row that lost its blank cells keeps its values at their
// columns, so they can be placed by position, like the columns of the rows that are complete.
import type { Tok } from './stream';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

/** Column centres from the rows that hold exactly n positioned values; null when too few rows or not ordered. */
export function columnCenters(rows: Tok[][], n: number): number[] | null {
  const full = rows.filter((r) => r.length === n && r.every((t) => t.token.x !== undefined));
  if (full.length < 3) return null;
  const centers = Array.from({ length: n }, (_, c) => median(full.map((r) => r[c].token.x!)));
  for (let c = 1; c < n; c++) if (centers[c] - centers[c - 1] < 2) return null;
  return centers;
}

/**
 * Places values under the column whose centre is nearest, when each stands clearly in one column
 * (within a third of the gap to the neighbouring columns) and no two share one. Null otherwise.
 */
export function placeByPosition(values: Tok[], centers: number[]): (Tok | null)[] | null {
  if (values.length === 0 || !values.every((t) => t.token.x !== undefined)) return null;
  const placed: (Tok | null)[] = centers.map(() => null);
  for (const t of values) {
    const x = t.token.x!;
    let best = 0;
    for (let c = 1; c < centers.length; c++) if (Math.abs(centers[c] - x) < Math.abs(centers[best] - x)) best = c;
    const gap = Math.min(best > 0 ? centers[best] - centers[best - 1] : Infinity, best < centers.length - 1 ? centers[best + 1] - centers[best] : Infinity);
    if (Math.abs(centers[best] - x) > gap / 3 || placed[best]) return null;
    placed[best] = t;
  }
  return placed;
}

/** Column centres from one header line that names every column in order (table 四's leaf headers), else null. */
export function headerCenters(header: Tok[], columns: { key: string }[], labelOf: (raw: string) => string | undefined): number[] | null {
  const lines = new Map<number, Tok[]>();
  for (const t of header) {
    if (t.token.x === undefined || t.token.kind !== 'text') continue;
    if (labelOf(t.token.raw) === undefined) continue;
    lines.set(t.line, [...(lines.get(t.line) ?? []), t]);
  }
  for (const toks of lines.values()) {
    if (toks.length !== columns.length || toks.some((t, i) => labelOf(t.token.raw) !== columns[i].key)) continue;
    const centers = toks.map((t) => t.token.x!);
    if (centers.every((c, i) => i === 0 || c - centers[i - 1] >= 2)) return centers;
  }
  return null;
}
