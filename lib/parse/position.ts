// Laid-out text (pdftotext -layout, a table aligned by eye): a row that lost its blank cells keeps
// its values at their columns, so they can be placed by position, like the columns of complete rows.
import type { Tok } from './stream';

/** How a column is measured: characters (pdftotext) or display width (a Chinese character = 2). */
export type Measure = 'x' | 'xw';
export interface Columns {
  centers: number[];
  measure: Measure;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};
const at = (t: Tok, m: Measure) => t.token[m];

function centersBy(full: Tok[][], n: number, m: Measure): { centers: number[]; spread: number } | null {
  if (!full.every((r) => r.every((t) => at(t, m) !== undefined))) return null;
  const centers = Array.from({ length: n }, (_, c) => median(full.map((r) => at(r[c], m)!)));
  for (let c = 1; c < n; c++) if (centers[c] - centers[c - 1] < 2) return null;
  const spread = full.reduce((a, r) => a + r.reduce((b, t, c) => b + Math.abs(at(t, m)! - centers[c]), 0), 0);
  return { centers, spread };
}

/** Column centres from the rows that hold exactly n positioned values, by the measure they agree best in. */
export function columnCenters(rows: Tok[][], n: number, minRows = 3, only?: Measure): Columns | null {
  const full = rows.filter((r) => r.length === n && r.every((t) => t.token.x !== undefined));
  if (full.length < minRows) return null;
  const byChars = only === 'xw' ? null : centersBy(full, n, 'x');
  const byWidth = only === 'x' ? null : centersBy(full, n, 'xw');
  if (!byChars && !byWidth) return null;
  if (!byWidth || (byChars && byChars.spread <= byWidth.spread)) return { centers: byChars!.centers, measure: 'x' };
  return { centers: byWidth.centers, measure: 'xw' };
}

/**
 * Places values under the column whose centre is nearest, when each stands clearly in one column
 * (within a third of the gap to the neighbouring columns) and no two share one. Null otherwise.
 */
export function placeByPosition(values: Tok[], columns: Columns): (Tok | null)[] | null {
  const { centers, measure } = columns;
  if (values.length === 0 || !values.every((t) => at(t, measure) !== undefined)) return null;
  const placed: (Tok | null)[] = centers.map(() => null);
  for (const t of values) {
    const x = at(t, measure)!;
    let best = 0;
    for (let c = 1; c < centers.length; c++) if (Math.abs(centers[c] - x) < Math.abs(centers[best] - x)) best = c;
    const gap = Math.min(best > 0 ? centers[best] - centers[best - 1] : Infinity, best < centers.length - 1 ? centers[best + 1] - centers[best] : Infinity);
    if (Math.abs(centers[best] - x) > gap / 3 || placed[best]) return null;
    placed[best] = t;
  }
  return placed;
}

/** Column centres from one header line that names every column in order (table 四's leaf headers), else null. */
export function headerCenters(header: Tok[], columns: { key: string }[], labelOf: (raw: string) => string | undefined, measure: Measure): Columns | null {
  const lines = new Map<number, Tok[]>();
  for (const t of header) {
    if (at(t, measure) === undefined || t.token.kind !== 'text') continue;
    if (labelOf(t.token.raw) === undefined) continue;
    lines.set(t.line, [...(lines.get(t.line) ?? []), t]);
  }
  for (const toks of lines.values()) {
    if (toks.length !== columns.length || toks.some((t, i) => labelOf(t.token.raw) !== columns[i].key)) continue;
    const centers = toks.map((t) => at(t, measure)!);
    if (centers.every((c, i) => i === 0 || c - centers[i - 1] >= 2)) return { centers, measure };
  }
  return null;
}
