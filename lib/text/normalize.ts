// Label normalisation and fuzzy matching shared by every reader and parser.

// CJK Radicals Supplement code points that NFKC leaves alone (seen in PDF text layers).
const RADICALS: Record<string, string> = {
  '⻓': '长', '⻔': '门', '⻚': '页', '⻅': '见', '⻆': '角', '⻋': '车', '⻉': '贝', '⻢': '马',
  '⻝': '食', '⻥': '鱼', '⻦': '鸟', '⻬': '齐', '⻓️': '长', '⺠': '民', '⻄': '西', '⻘': '青',
};
const RADICAL_RE = new RegExp(`[${Object.keys(RADICALS).join('')}]`, 'gu');

/** NFKC plus the radical map: the canonical code points, nothing else changed. */
export function nfkc(s: string): string {
  return s.normalize('NFKC').replace(RADICAL_RE, (c) => RADICALS[c] ?? c);
}

/**
 * The strict comparison form of a label: code points unified, whitespace and
 * trailing punctuation removed, quote styles and ordinal punctuation unified.
 * Two labels with equal strict keys are "the same wording".
 */
const strictCache = new Map<string, string>();
const matchCache = new Map<string, string>();

/** Memoised: labels repeat across windows, rows and reports. */
function cached(cache: Map<string, string>, s: string, make: (s: string) => string): string {
  let v = cache.get(s);
  if (v === undefined) {
    if (cache.size > 20_000) cache.clear();
    v = make(s);
    cache.set(s, v);
  }
  return v;
}

export function strictKey(s: string): string {
  return cached(strictCache, s, makeStrictKey);
}

function makeStrictKey(s: string): string {
  return nfkc(s)
    // Characters that print nothing (zero-width spaces, soft hyphens) are not wording.
    .replace(/[\u200b-\u200f\u2060\u00ad\ufeff]/gu, '')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"＂'‘’「」]/g, '"')
    .replace(/^\*+|\*+$/g, '')
    .replace(/(\d)[、，,]/g, '$1.')
    .replace(/，/g, ',')
    .replace(/,/g, '、')
    .replace(/[。.:：;；、]+$/u, '');
}

/** Lenient form used for matching only: also maps look-alike dashes inside ordinal brackets to 一. */
export function matchKey(s: string): string {
  return cached(matchCache, s, (x) => strictKey(x).replace(/\([―—─－\-ー]\)/g, '(一)'));
}

/** A label without its leading ordinal ("一、", "(三)", "1.") so that numbering styles do not count as wording. */
export function withoutOrdinal(key: string): string {
  return key.replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)+/u, '');
}

// Two rows of the dynamic-programming table, reused across calls (no allocation per comparison).
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);
function rows(n: number): [Int32Array, Int32Array] {
  if (rowA.length <= n) {
    rowA = new Int32Array(n * 2 + 1);
    rowB = new Int32Array(n * 2 + 1);
  }
  return [rowA, rowB];
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let [prev, cur] = rows(n);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/**
 * Smallest edit distance between `pattern` and any substring of `text` that
 * ends at the end of `text` (anchorEnd) or anywhere (free end). Sellers' algorithm.
 */
export function approxSubstringDistance(pattern: string, text: string, anchorEnd: boolean): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  // D[i][j]: distance of pattern[0..i) against a substring of text ending at j.
  let [prev, cur] = rows(n);
  prev.fill(0, 0, n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const cp = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = cp === text.charCodeAt(j - 1) ? 0 : 1;
      const a = prev[j] + 1;
      const b = cur[j - 1] + 1;
      const c = prev[j - 1] + cost;
      cur[j] = a < b ? (a < c ? a : c) : b < c ? b : c;
    }
    [prev, cur] = [cur, prev];
  }
  if (anchorEnd) return prev[n];
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
  return best;
}

/** Share of the pattern's character bigrams found in the text: a cheap pre-filter. */
const gramCache = new Map<string, Set<string>>();

function gramsOf(text: string): Set<string> {
  let grams = gramCache.get(text);
  if (!grams) {
    if (gramCache.size > 5_000) gramCache.clear();
    grams = new Set<string>();
    for (let i = 0; i + 1 < text.length; i++) grams.add(text.slice(i, i + 2));
    gramCache.set(text, grams);
  }
  return grams;
}

export function bigramRecall(pattern: string, text: string): number {
  if (pattern.length < 2) return text.includes(pattern) ? 1 : 0;
  const grams = gramsOf(text);
  let hit = 0;
  for (let i = 0; i + 1 < pattern.length; i++) if (grams.has(pattern.slice(i, i + 2))) hit++;
  return hit / (pattern.length - 1);
}

/** Similarity in [0,1] of a canonical label found at the end of (or inside) a text. */
export function labelSimilarity(canonical: string, text: string, anchorEnd: boolean): number {
  if (!canonical || !text) return 0;
  if (anchorEnd ? text.endsWith(canonical) : text.includes(canonical)) return 1;
  if (bigramRecall(canonical, text) < 0.34) return 0;
  const d = approxSubstringDistance(canonical, text, anchorEnd);
  return Math.max(0, 1 - d / canonical.length);
}
