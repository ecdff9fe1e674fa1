// What is kept of a checked report for next year's check: its body, year, format and the figures
// the cross-year rules compare, each with how surely it was read; where it came from and when.
// Pure. The schema (zod/mini, built on first use) validates a record read back from a store or an import.
import * as z from 'zod/mini';
import type { CellRead, Report } from '../parse/types';
import { agencyFromTitle, type Agency } from './agency';
import type { Figure, HistoryRecord } from './model';
import { surelyRead } from './figures';

export type { Figure, HistoryRecord } from './model';
export { recordSource, T2_ROWS, T3_COLS } from './model';

const makeSchema = () => {
  const Figure = z.object({
    /** Null when blank or not read. */
    value: z.nullable(z.number()),
    state: z.enum(['number', 'blank', 'invalid', 'missing']),
    confident: z.boolean(),
    stated: z.optional(z.string()),
  });
  const Row = z.record(z.string(), Figure);
  return z.object({
    version: z.literal(1),
    id: z.string(),
    agency: z.nullable(z.object({ key: z.string(), name: z.string() })),
    year: z.nullable(z.int()),
    format: z.enum(['2021', '2019', 'pre-2019', 'unknown']),
    /** The template table 二 follows: its columns differ between 2019 and 2021. */
    t2Format: z.nullable(z.enum(['2021', '2019'])),
    figures: z.object({
      t3: z.object({ b: z.optional(Row), w: z.optional(Row) }),
      t2: z.object({ regulations: z.optional(Row), normative: z.optional(Row) }),
    }),
    source: z.object({ kind: z.enum(['url', 'file']), ref: z.string() }),
    title: z.nullable(z.string()),
    /** ISO 8601. */
    checkedAt: z.iso.datetime(),
  });
};

let schema: ReturnType<typeof makeSchema> | null = null;
const recordSchema = () => (schema ??= makeSchema());

// The schema and the plain type (model.ts) are one shape: a change to one without the other fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<ReturnType<typeof makeSchema>>, HistoryRecord> = true;
void sameShape;

/** A stored or imported record, validated; null with the reason when it is not one. */
export function parseRecord(raw: unknown): { record: HistoryRecord } | { error: string } {
  const r = recordSchema().safeParse(raw);
  return r.success ? { record: r.data as HistoryRecord } : { error: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

const figure = (c: CellRead): Figure => ({ value: c.state === 'number' ? c.value : null, state: c.state, confident: surelyRead(c) });

function rowFigures(cells: CellRead[] | undefined): Record<string, Figure> | undefined {
  if (!cells) return undefined;
  return Object.fromEntries(cells.filter((c) => c.ref.col).map((c) => [c.ref.col!, figure(c)]));
}

/**
 * A number the text states (lib/parse/claims), read by the fields used here only: the claims'
 * vocabulary grows (table 二's documents and their columns) without this file following each change.
 */
interface Stated {
  kind: string;
  value: number;
  text: string;
  doc?: string;
  action?: string;
  year?: number;
  scope?: { narrow: boolean };
}

/** The one value the text states for a figure (of this year, of the whole body), or null. */
function statedFigure(report: Report, match: (c: Stated) => boolean): Figure | null {
  const claims = (report.claims as unknown as Stated[]).filter((c) => match(c) && (c.year == null || c.year === report.year) && !c.scope?.narrow);
  if (claims.length === 0 || new Set(claims.map((c) => c.value)).size !== 1) return null;
  return { value: claims[0].value, state: 'number', confident: false, stated: claims[0].text };
}

const readable = (f: Figure | undefined) => !!f && (f.state === 'number' || f.state === 'blank');

/**
 * Where a table could not be read (digits run together, a row lost), the figure the text states in
 * its place: next year's check can still compare with it, as an unsure figure (shared 009: table 二
 * 「行政规范性文件8855698」, text 「现行有效行政规范性文件698件」).
 */
function withStated(row: Record<string, Figure> | undefined, cols: string[], find: (col: string) => Figure | null): Record<string, Figure> | undefined {
  const out: Record<string, Figure> = { ...row };
  let added = false;
  for (const col of cols) {
    if (readable(out[col])) continue;
    const s = find(col);
    if (s) (out[col] = s), (added = true);
  }
  return row || added ? out : undefined;
}

/** 32-bit FNV-1a, hex: a short stable id part (not a security hash). */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export const sourceOf = (ref: string): HistoryRecord['source'] => ({ kind: /^https?:\/\//i.test(ref) ? 'url' : 'file', ref });

/**
 * One record per report and source: checking the same report again replaces its record, while the
 * same year's report from another source (its PDF beside its page) is a record of its own.
 */
export const recordId = (agency: Agency | null, year: number | null, source: string) => `${year ?? 'x'}-${hash(agency?.key ?? '')}-${hash(source)}`;

export interface RecordOptions {
  /** The URL or file the report was read from. */
  source: string;
  /** ISO time of the check (default: now). */
  checkedAt?: string;
}

export function recordOf(report: Report, options: RecordOptions): HistoryRecord {
  const agency = agencyFromTitle(report.title);
  const { t2, t3 } = report.tables;
  const t3Row = (k: 'b' | 'w') =>
    withStated(t3.found ? rowFigures(t3.rows[k]?.cells) : undefined, ['total'], () => statedFigure(report, (c) => c.kind === (k === 'w' ? 'carried' : 'carried-in')));
  // The text's 制发/废止/现行有效 mean the 2021 columns; a 2019 table's columns are other counts.
  const t2Cols = t2.found && t2.layout === '2019' ? [] : ['issued', 'repealed', 'in-force'];
  const t2Row = (k: 'regulations' | 'normative') =>
    withStated(t2.found ? rowFigures(t2.rows[k]?.cells) : undefined, t2Cols, (col) => statedFigure(report, (c) => c.kind === 't2' && c.doc === k && c.action === col));
  return {
    version: 1,
    id: recordId(agency, report.year, options.source),
    agency,
    year: report.year,
    format: report.format,
    t2Format: t2.found ? t2.layout : null,
    figures: {
      t3: dropUndefined({ b: t3Row('b'), w: t3Row('w') }),
      t2: dropUndefined({ regulations: t2Row('regulations'), normative: t2Row('normative') }),
    },
    source: sourceOf(options.source),
    title: report.title,
    checkedAt: options.checkedAt ?? new Date().toISOString(),
  };
}

function dropUndefined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
