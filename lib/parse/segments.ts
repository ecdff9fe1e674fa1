// Segments: label fragments followed by the values that come after them, the unit rows are matched on.
import type { Tok } from './stream';

export interface Segment {
  labels: Tok[];
  values: Tok[];
  /** Value indices after which a table row ended. */
  breaks: Set<number>;
  /** Label fragments that follow the values (a label wrapped around its numbers in PDF text). */
  after: Tok[];
  /** Split off a longer run of values: has no label of its own. */
  orphan?: boolean;
  /** Stray values dropped when a merged run was split (a page number, a footnote mark). */
  strays?: number;
}

const isValue = (t: Tok) => t.token.kind !== 'text';

/** Cuts a region of the stream into segments; prose is skipped. */
export function segmentsOf(stream: Tok[], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let cur: Segment = { labels: [], values: [], breaks: new Set(), after: [] };
  // Lines that carry a label: their leading blank cells are the label columns of that row
  // (rowspan/indent gaps), not trailing values of the row before.
  const labelled = new Set<number>();
  for (let i = from; i < to; i++) if (stream[i].token.kind === 'text' && !stream[i].token.prose) labelled.add(stream[i].line);
  let lineStart = true;
  for (let i = from; i < to; i++) {
    const t = stream[i];
    const startsLine = lineStart;
    lineStart = t.rowEnd;
    if (t.token.prose) continue;
    if (t.token.kind === 'blank' && startsLine && labelled.has(t.line)) {
      lineStart = true;
      continue;
    }
    // A number that opens a row and stands right before its label is the row's serial (序号), not a value.
    const next = stream[i + 1];
    if (t.token.kind === 'number' && startsLine && next && next.line === t.line && next.token.kind === 'text' && !next.token.prose && i + 1 < to) continue;
    if (isValue(t)) {
      cur.values.push(t);
      if (t.rowEnd) cur.breaks.add(cur.values.length - 1);
      continue;
    }
    if (cur.values.length > 0) {
      segments.push(cur);
      cur = { labels: [], values: [], breaks: new Set(), after: [] };
    }
    cur.labels.push(t);
  }
  if (cur.values.length > 0 || cur.labels.length > 0) segments.push(cur);
  for (let i = 0; i + 1 < segments.length; i++) segments[i].after = segments[i + 1].labels;
  return segments;
}

export type FitStatus = 'exact' | 'trimmed' | 'split' | 'short' | 'long';

export interface Fit {
  values: Tok[] | null;
  status: FitStatus;
  /** Value runs split off after this row: rows whose labels stand elsewhere. */
  rest: Tok[][];
  /** Values dropped as strays (a page number, a footnote mark). */
  strays: Tok[];
}

const isBlank = (t: Tok) => t.token.kind === 'blank';

/** Fits a segment's values to a row of n cells, trimming layout blanks and splitting merged rows. */
export function fit(seg: Segment, n: number): Fit {
  let vals = seg.values.slice();
  if (vals.length === n) return { values: vals, status: 'exact', rest: [], strays: [] };
  while (vals.length > n && isBlank(vals[0])) vals = vals.slice(1);
  while (vals.length > n && isBlank(vals[vals.length - 1])) vals = vals.slice(0, -1);
  if (vals.length === n) return { values: vals, status: 'trimmed', rest: [], strays: [] };
  if (vals.length < n) return { values: null, status: 'short', rest: [], strays: [] };

  // Longer than a row: split at row ends into groups, keep the first group of n.
  const groups: Tok[][] = [];
  let g: Tok[] = [];
  seg.values.forEach((t, i) => {
    g.push(t);
    if (seg.breaks.has(i)) {
      groups.push(g);
      g = [];
    }
  });
  if (g.length) groups.push(g);
  const trimmed = groups.map(trimBlanks).filter((x) => x.length > 0);
  const first = trimmed.findIndex((x) => x.length === n);
  if (trimmed.length < 2 || first < 0) return { values: null, status: 'long', rest: [], strays: [] };
  const strays = trimmed.slice(0, first).flat();
  const rest: Tok[][] = [];
  for (const x of trimmed.slice(first + 1)) {
    if (x.length === n) rest.push(x);
    else strays.push(...x);
  }
  // Too much left unexplained: this is not a merge of rows.
  if (strays.length > 2) return { values: null, status: 'long', rest: [], strays: [] };
  return { values: trimmed[first], status: 'split', rest, strays };
}

/** A run of values without the blank cells at its ends (layout around a row, not values). */
export function trimBlanks(x: Tok[]): Tok[] {
  let a = 0;
  let b = x.length;
  while (a < b && isBlank(x[a])) a++;
  while (b > a && isBlank(x[b - 1])) b--;
  return x.slice(a, b);
}
