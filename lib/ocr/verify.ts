// A misread is never an error. Tables 三 and 四 are redundant: every value lies on identities (its
// row's total, its column's total or balance, its block's total). When the identities that fail in a
// picture are explained by one cell (changing that cell alone to one value makes all of them hold and
// breaks none that held), that cell is read again in other ways; a re-reading that gives the value
// which makes them hold is taken, a re-reading that firmly gives the printed value again keeps it (a
// real wrong total stays an error), and anything else leaves the cell unsure (the finding asks for a
// human look).
import { parseStep } from '../check';
import type { Anchor, Line, SourceDoc, Token } from '../model';
import type { CellRead, Report } from '../parse/types';
import { totalsOf } from '../rules/totals';
import { formats } from '../spec';

/** Σ coef·value = 0 over the cells (blank counts 0). */
export interface Identity {
  cells: CellRead[];
  coef: number[];
  residual: number;
}

export interface Reading {
  text: string;
  confidence: number;
}

/** Reads one value of the picture again, in several ways (each a separate reading). */
export type Reread = (token: Token) => Promise<Reading[]>;

/** Below this, a re-reading that repeats the printed value does not confirm it. */
const CONFIRM = 60;
/** At most this many cells re-read per round (a picture read badly as a whole is not repaired here). */
const MAX_REREADS = 15;

const usable = (c: CellRead) => c.state === 'number' || c.state === 'blank';
const val = (c: CellRead) => c.value ?? 0;

/** The identities of tables 三 and 四 that can be evaluated, as the arithmetic rules evaluate them. */
export function identitiesOf(report: Report): Identity[] {
  const out: Identity[] = [];
  const add = (cells: CellRead[], coef: number[]) => out.push({ cells, coef, residual: Math.round(cells.reduce((a, c, i) => a + coef[i] * val(c), 0) * 1e6) / 1e6 });
  for (const { total, parts } of totalsOf(report)) {
    if (!parts.length || !parts.every((p) => p && usable(p)) || total.state !== 'number' || parts.every((p) => p.state === 'blank')) continue;
    add([...parts, total], [...parts.map(() => 1), -1]);
  }
  const t3 = report.tables.t3;
  if (t3.found) {
    const format = formats[t3.layout ?? (report.format === '2019' ? '2019' : '2021')];
    const id = format.identities.find((i) => i.kind === 'column-balance');
    if (id?.kind === 'column-balance' && [...id.left, ...id.right].every((k) => t3.rows[k]))
      for (const col of format.t3.columns) {
        const at = (k: string) => t3.rows[k].cells.find((c) => c.ref.col === col.key);
        const cells = [...id.left, ...id.right].map(at);
        if (cells.every((c): c is CellRead => !!c && usable(c))) add(cells, [...id.left.map(() => 1), ...id.right.map(() => -1)]);
      }
  }
  return out;
}

interface Hypothesis {
  token: Token;
  /** The value each identity through the cell asks of it (all fail as read). */
  wanted: Map<Identity, number>;
  identities: Identity[];
}

/** The values a cell could be misread from: what its identities ask of it (usually one). */
export const valuesOf = (h: Hypothesis) => [...new Set(h.wanted.values())];

/**
 * Cells every identity through which fails, each asking a non-negative whole value of it: changing
 * the cell to that value would make it hold and break none that holds. One value for all of them is
 * a single misread explaining them all; several values (two misreads in one column) each explain
 * part, and a re-reading decides.
 */
export function singleCellExplanations(ids: Identity[], tokenOf: (a: Anchor | undefined) => Token | undefined): Hypothesis[] {
  const failing = ids.filter((i) => i.residual !== 0);
  const byAnchor = new Map<Anchor, { token: Token; on: { id: Identity; k: number }[] }>();
  for (const id of ids)
    id.cells.forEach((c, k) => {
      const token = tokenOf(c.anchor);
      if (!token || !c.anchor) return;
      const e = byAnchor.get(c.anchor) ?? { token, on: [] };
      e.on.push({ id, k });
      byAnchor.set(c.anchor, e);
    });
  const out: Hypothesis[] = [];
  const seen = new Set<Token>();
  for (const id of failing)
    for (const c of id.cells) {
      const e = c.anchor && byAnchor.get(c.anchor);
      if (!e || seen.has(e.token)) continue;
      seen.add(e.token);
      // Every identity through the cell fails, and each asks for the same value of it.
      if (!e.on.every(({ id: i }) => i.residual !== 0)) continue;
      const wanted = new Map(e.on.map(({ id: i, k }) => [i, val(i.cells[k]) - i.residual / i.coef[k]] as const));
      const ok = [...wanted].filter(([, w]) => w >= 0 && Number.isInteger(w));
      if (!ok.length) continue;
      out.push({ token: e.token, wanted: new Map(ok), identities: e.on.map((o) => o.id) });
    }
  return out;
}

/** Tokens by their anchor: the parser's cells keep the anchor object of the token they came from. */
function tokenIndex(lines: Line[]): (a: Anchor | undefined) => Token | undefined {
  const m = new Map<Anchor, Token>();
  for (const l of lines) for (const t of l.tokens) m.set(t.anchor, t);
  return (a) => (a ? m.get(a) : undefined);
}

function setValue(t: Token, value: number, confident: boolean) {
  t.kind = 'number';
  t.value = value;
  t.raw = String(value);
  t.confident = confident;
}

/**
 * The value an identity asks for could be the printed one misread: a digit dropped or added (two
 * glyphs run together in a blurred picture, "41" read "4"), or one digit taken for its look-alike.
 * Reading such a cell again the same way proves little: the same blur gives the same reading.
 */
export function lookAlike(read: number, wanted: number): 'length' | 'digit' | null {
  const [a, b] = [String(read), String(wanted)];
  const dropOne = (long: string, short: string) => long.length === short.length + 1 && [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
  if (dropOne(a, b) || dropOne(b, a)) return 'length';
  if (a.length !== b.length) return null;
  const diff = [...a].map((ch, i) => [ch, b[i]] as const).filter(([x, y]) => x !== y);
  return diff.length === 1 && SHAPES.some((g) => g.includes(diff[0][0]) && g.includes(diff[0][1])) ? 'digit' : null;
}
/** Digits OCR takes for one another: closed loops, and upright strokes. */
const SHAPES = ['0689', '17', '38', '56'];
/** A re-reading that repeats a look-alike digit confirms it only this sure. */
const CONFIRM_LOOKALIKE = 85;

const cleanNumber = (r: Reading) => (/^\d+$/.test(r.text.replace(/\s+/g, '')) ? Number(r.text.replace(/\s+/g, '')) : null);

export interface VerifyOptions {
  /**
   * false: a look-alike digit read again is never confirmed, however sure (a scanned page: blur
   * and JPEG at 150–200 dpi make Tesseract read an 8 as a 9 surely every time).
   */
  confirmLookAlikes?: boolean;
}

/**
 * Checks the document read from a picture against the identities of its tables and re-reads the
 * cells a single misread would explain (see the top of this file). Changes tokens in place.
 * `placedByGuess`: tokens unsure for where they stand, not for how they read (never made sure).
 * Returns what it did, for tests and diagnostics.
 */
export async function verifyIdentities(
  doc: SourceDoc,
  reread: Reread,
  placedByGuess: (t: Token) => boolean = () => false,
  options: VerifyOptions = {},
): Promise<{ fixed: number; unsure: number; confirmed: number }> {
  const stats = { fixed: 0, unsure: 0, confirmed: 0 };
  const done = new Set<Token>();
  for (let round = 0; round < 3; round++) {
    const parsed = parseStep(doc, { force: true });
    if (!parsed.report) return stats;
    const ids = identitiesOf(parsed.report);
    if (!ids.some((i) => i.residual !== 0)) return stats;
    const tokenOf = tokenIndex(doc.lines);
    const hyps = singleCellExplanations(ids, tokenOf).filter((h) => !done.has(h.token)).slice(0, MAX_REREADS);
    if (!hyps.length) break;
    const results = await Promise.all(hyps.map(async (h) => ({ h, readings: await reread(h.token) })));
    // A failing identity several cells of which could be re-read into making it hold: which one is
    // misread cannot be told, none is taken.
    const taken = (h: Hypothesis, readings: Reading[]) => {
      const given = readings.map(cleanNumber).filter((n): n is number => n !== null && valuesOf(h).includes(n));
      return given.length ? { value: given[0], readings: readings.filter((r) => cleanNumber(r) === given[0]) } : null;
    };
    const claims = new Map<Identity, number>();
    for (const { h, readings } of results) {
      const t = taken(h, readings);
      if (t) for (const [id, w] of h.wanted) if (w === t.value) claims.set(id, (claims.get(id) ?? 0) + 1);
    }
    let changed = false;
    for (const { h, readings } of results) {
      done.add(h.token);
      const printed = h.token.kind === 'number' ? h.token.value : h.token.kind === 'blank' ? 0 : null;
      const t = taken(h, readings);
      if (t && [...h.wanted].every(([id, w]) => w !== t.value || claims.get(id) === 1)) {
        setValue(h.token, t.value, Math.max(...t.readings.map((r) => r.confidence)) >= CONFIRM);
        stats.fixed++;
        changed = true;
        continue;
      }
      // The printed value read again, every way it was read, and surely at least twice: what the
      // picture says (a real wrong total), sure now even if the first reading was not.
      const clean = readings.filter((r) => cleanNumber(r) !== null);
      const firm = clean.length >= 3 && clean.every((r) => cleanNumber(r) === printed) && clean.filter((r) => r.confidence >= CONFIRM).length >= 2;
      // Unless the value wanted is the printed one with a glyph more or less (never confirmed by
      // reading again), or with one look-alike digit (only by readings all very sure).
      const like = printed == null ? null : valuesOf(h).map((w) => lookAlike(printed, w)).find(Boolean);
      const lookAlikeOk = !like || (like === 'digit' && options.confirmLookAlikes !== false && clean.every((r) => r.confidence >= CONFIRM_LOOKALIKE));
      // (Not a value whose column is a guess: reading it again says nothing of where it belongs.)
      if (firm && lookAlikeOk && (h.token.confident || !placedByGuess(h.token))) {
        stats.confirmed++;
        h.token.confident = true;
      } else {
        if (h.token.confident) stats.unsure++;
        h.token.confident = false;
      }
    }
    if (!changed) break;
  }
  if (options.confirmLookAlikes === false) stats.unsure += distrustLookAlikeGaps(doc);
  return stats;
}

/**
 * A scanned page: a sure value that alone would explain the identities that still fail through it
 * (as singleCellExplanations finds), if it were a look-alike misread (one digit for its look-alike,
 * a glyph more or less), is made unsure; the finding then asks for a human look. Returns how many.
 */
function distrustLookAlikeGaps(doc: SourceDoc): number {
  const parsed = parseStep(doc, { force: true });
  if (!parsed.report) return 0;
  let n = 0;
  for (const h of singleCellExplanations(identitiesOf(parsed.report), tokenIndex(doc.lines))) {
    const t = h.token;
    if (!t.confident || t.kind !== 'number' || t.value == null) continue;
    if (valuesOf(h).some((w) => lookAlike(t.value!, w))) {
      t.confident = false;
      n++;
    }
  }
  return n;
}
