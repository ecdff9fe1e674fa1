// What a row or column label says as printed, compared with the official wording.
import { approxSubstringDistance, strictKey, withoutOrdinal } from '../text/normalize';
import type { Label } from '../spec';
import type { Segment } from './segments';
import type { Tok } from './stream';
import type { CellRef, LabelRead } from './types';

const ORDINAL_LIKE = /^(?:\(.\)|[^、]{1,3}、|\d+\.)/u;

/** Distance of the official wording from the best window of printed fragments; ordinal omitted is no difference. */
function distanceIn(canonical: string, window: string): number {
  const full = strictKey(canonical);
  if (window.includes(full)) return 0;
  const d = approxSubstringDistance(full, window, false);
  if (d === 0) return 0;
  const bare = withoutOrdinal(full);
  if (bare !== full && !ORDINAL_LIKE.test(window) && approxSubstringDistance(bare, window, false) === 0) return 0;
  return d;
}

function windowsOf(labels: Tok[], after: Tok[]): { key: string; toks: Tok[] }[] {
  const out: { key: string; toks: Tok[] }[] = [];
  const n = labels.length;
  for (let k = 1; k <= Math.min(4, n); k++) {
    const before = labels.slice(n - k);
    out.push({ key: strictKey(before.map((t) => t.token.raw).join('')), toks: before });
    for (let a = 1; a <= Math.min(2, after.length); a++) {
      const toks = [...before, ...after.slice(0, a)];
      out.push({ key: strictKey(toks.map((t) => t.token.raw).join('')), toks });
    }
  }
  return out;
}

/** Largest distance still read as a misspelling of the label rather than another text. */
export function typoLimit(canonical: string): number {
  return Math.max(1, Math.floor(withoutOrdinal(strictKey(canonical)).length * 0.25));
}

/** The printed label of a matched row, and how it differs from the official one. */
export function readRowLabel(row: Label, seg: Segment, ref: CellRef): LabelRead | undefined {
  const windows = windowsOf(seg.labels, seg.after);
  if (windows.length === 0) return undefined;
  // Windows come shortest first: a clean label is found in the first one and the search stops.
  let best = { d: Infinity, w: windows[0] };
  for (const w of windows) {
    const d = distanceIn(row.label, w.key);
    if (d < best.d || (d === best.d && w.key.length < best.w.key.length)) best = { d, w };
    if (d === 0) break;
  }
  const anchor = best.w.toks[best.w.toks.length - 1]?.token.anchor;
  const printed = printedPart(row.label, best.w.toks);
  const joined = best.w.toks.length > 1 && best.w.toks.some((t) => !t.token.cell);
  const ocr = best.w.toks.some((t) => t.token.ocr);
  if (best.d === 0) return { ref, canonical: row.label, printed, distance: 0, anchor };
  for (const v of row.variants) {
    for (const w of windows) {
      if (distanceIn(v.text, w.key) === 0) return { ref, canonical: row.label, printed: printedPart(v.text, w.toks), distance: best.d, variant: v, anchor };
    }
  }
  return { ref, canonical: row.label, printed, distance: best.d, joined, ocr, anchor };
}

/** Printed text for display: spaces between CJK characters are layout (cell line breaks), not wording. */
const tidy = (s: string) => s.replace(/\s+/g, ' ').replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/gu, '').trim();

/** The fragment(s) of a window that hold the label, as printed. */
function printedPart(canonical: string, toks: Tok[]): string {
  const key = strictKey(canonical);
  // Prefer the shortest suffix of fragments that still contains most of the label.
  for (let k = 1; k <= toks.length; k++) {
    const part = toks.slice(toks.length - k);
    const text = part.map((t) => t.token.raw).join('');
    if (strictKey(text).length >= key.length - 2) return tidy(text);
  }
  return tidy(toks.map((t) => t.token.raw).join(''));
}

/**
 * Column headers: found as printed, as a known variant, truncated, or not found.
 * Only explicit cells are judged: in flowing text header words are scattered.
 */
export function readColumnLabel(col: Label, headerToks: Tok[], ref: CellRef): LabelRead | undefined {
  const want = strictKey(col.label);
  const cells = headerToks.filter((t) => t.token.kind === 'text');
  const keys = cells.map((t) => strictKey(t.token.raw));
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === want || (want.length >= 4 && keys[i].includes(want) && keys[i].length <= want.length + 8))
      return { ref, canonical: col.label, printed: cells[i].token.raw, distance: 0, anchor: cells[i].token.anchor };
  }
  for (const v of col.variants) {
    const vk = strictKey(v.text);
    const i = keys.findIndex((k) => k === vk);
    if (i >= 0) return { ref, canonical: col.label, printed: tidy(cells[i].token.raw), distance: 1, variant: v, anchor: cells[i].token.anchor };
  }
  // Truncation is only judged where the source draws cells; scattered PDF header words are not labels.
  const explicit = cells.filter((t) => t.token.cell);
  if (explicit.length < 5 || explicit.length < cells.length / 2) return undefined;
  const i = keys.findIndex((k, j) => cells[j].token.cell && k.length >= 2 && k.length < want.length && want.startsWith(k) && !isAnotherColumn(k));
  if (i >= 0) return { ref, canonical: col.label, printed: tidy(cells[i].token.raw), distance: want.length - keys[i].length, truncated: true, html: !!cells[i].token.htmlCell, anchor: cells[i].token.anchor };
  return undefined;
}

// Short words that are whole labels of their own ("其他" is both a column and a prefix of "其他结果").
const isAnotherColumn = (k: string) => k === '其他' || k === '总计' || k === '信息内容';
