// Matches segments to the rows of a table by label and order (never by position alone).
import { labelSimilarity, matchKey, withoutOrdinal } from '../text/normalize';
import type { Label } from '../spec';
import type { Segment } from './segments';

export const MATCH_THRESHOLD = 0.55;
/** Above this a row's label is read with confidence. */
export const CONFIDENT_SCORE = 0.75;
const ORPHAN_SCORE = 0.2;

export interface RowMatch {
  row: Label;
  seg: Segment;
  score: number;
  orphan: boolean;
}

const joinKeys = (toks: { token: { raw: string } }[]) => matchKey(toks.map((t) => t.token.raw).join(''));

interface SegmentKeys {
  /**
   * The label window ending right before the values: the last (up to) 4 fragments. One window is
   * enough: a match may start anywhere in it, so it contains every shorter window's match.
   */
  windows: string[];
  /** The same, continued by the first words after the values (a label wrapped around its numbers). */
  wraps: { whole: string; after: string }[];
  /** Everything near the values, for the keyword gate. */
  context: string;
  /** Labels read by OCR: one misread character ("不学握") must not shut the keyword gate. */
  ocr: boolean;
}

// Keys depend only on the segment: computed once, not once per row.
const keyCache = new WeakMap<Segment, SegmentKeys>();

function keysOf(seg: Segment): SegmentKeys {
  const cached = keyCache.get(seg);
  if (cached) return cached;
  const n = seg.labels.length;
  const windows: string[] = [];
  const wraps: { whole: string; after: string }[] = [];
  // The window: the last 4 fragments, or more while they stay short (a label printed word by word,
  // "(二) 部分公开 (区分处理的, 只计这一情形 , 不计其他情形)").
  let from = Math.max(0, n - 4);
  while (from > 0 && n - from < 8 && joinKeys(seg.labels.slice(from - 1)).length <= 32) from--;
  if (n > 0) {
    const before = joinKeys(seg.labels.slice(from));
    windows.push(before);
    for (let a = 1; a <= Math.min(2, seg.after.length); a++) {
      const after = joinKeys(seg.after.slice(0, a));
      wraps.push({ whole: before + after, after });
    }
  }
  const context = joinKeys(seg.labels.slice(from)) + joinKeys(seg.after.slice(0, 2));
  const keys = { windows, wraps, context, ocr: seg.labels.some((t) => t.token.ocr) };
  keyCache.set(seg, keys);
  return keys;
}

const formCache = new WeakMap<Label, { forms: string[]; keywords: string[] }>();
function formsOf(row: Label) {
  let f = formCache.get(row);
  if (!f) {
    f = { forms: [row.label, ...row.variants.map((v) => v.text)].map(matchKey), keywords: row.keywords.map(matchKey) };
    formCache.set(row, f);
  }
  return f;
}

/** How well a segment's labels name this row: the label must end right before the values (or wrap around them). */
export function rowScore(row: Label, seg: Segment): number {
  if (seg.labels.length === 0) return 0;
  const { windows, wraps, context, ocr } = keysOf(seg);
  const { forms, keywords } = formsOf(row);
  // Keyword gate first: it is cheap and rules out almost every pair.
  if (!ocr && keywords.length && !keywords.some((k) => context.includes(k))) return 0;
  let best = 0;
  for (const form of forms) {
    // The label without its ordinal ("其他" for "3.其他"): OCR and conversions drop ordinals.
    const bare = withoutOrdinal(form);
    for (const w of windows) {
      if (bare !== form && bare.length >= 2) best = Math.max(best, 0.9 * labelSimilarity(bare, w, true));
      best = Math.max(best, labelSimilarity(form, w, true));
      // Trailing marks after a label (a footnote sign, stray text): found inside, at a small discount.
      if (best < 0.85) best = Math.max(best, 0.85 * labelSimilarity(form, w, false));
    }
    // A label wrapped around its numbers: only when the words after the numbers are not the next row's label on their own.
    if (best < 1) for (const w of wraps) if (labelSimilarity(form, w.after, false) < 0.6) best = Math.max(best, labelSimilarity(form, w.whole, true));
  }
  return best;
}

/** Order-preserving best assignment of segments to rows (an alignment, like diff). */
export function alignRows(rows: Label[], segs: Segment[], opts: { unreadLabelsByOrder?: number } = {}): RowMatch[] {
  const m = segs.length;
  const n = rows.length;
  let score: number[][] = segs.map((s) => rows.map((r) => (s.orphan ? ORPHAN_SCORE : rowScore(r, s))));
  // A row of exactly the table's width whose label reads as nothing known (OCR garble) may take a
  // row by order, like a label-less run of values: never with confidence.
  const width = opts.unreadLabelsByOrder;
  if (width) {
    segs.forEach((s, i) => {
      const unread = !s.orphan && Math.max(...score[i]) < MATCH_THRESHOLD && s.values.length === width && s.values.some((t) => t.token.kind === 'number');
      if (unread) {
        s.orphan = true;
        score[i] = rows.map(() => ORPHAN_SCORE);
      }
    });
    score = score.slice();
  }
  // f[i][j]: best total using the first i segments and the first j rows.
  const f: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(n + 1));
  const how: Uint8Array[] = Array.from({ length: m + 1 }, () => new Uint8Array(n + 1));
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (i === 0 && j === 0) continue;
      let best = -1;
      let step = 0;
      if (i > 0 && f[i - 1][j] > best) {
        best = f[i - 1][j];
        step = 1;
      }
      if (j > 0 && f[i][j - 1] > best) {
        best = f[i][j - 1];
        step = 2;
      }
      if (i > 0 && j > 0) {
        const s = score[i - 1][j - 1];
        const usable = segs[i - 1].orphan || s >= MATCH_THRESHOLD;
        if (usable && f[i - 1][j - 1] + s > best) {
          best = f[i - 1][j - 1] + s;
          step = 3;
        }
      }
      f[i][j] = best;
      how[i][j] = step;
    }
  }
  const out: RowMatch[] = [];
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const step = how[i][j];
    if (step === 3) {
      out.push({ row: rows[j - 1], seg: segs[i - 1], score: score[i - 1][j - 1], orphan: !!segs[i - 1].orphan });
      i--;
      j--;
    } else if (step === 1) i--;
    else j--;
  }
  return out.reverse();
}
