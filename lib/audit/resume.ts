// What the audit page keeps to resume an audit after the page is reloaded: the inputs, each row as
// far as it got (done rows with their results, never a page body) and the options. Pure. The schema
// (zod/mini, built on first use) checks what is read back: a damaged or older save is refused, not
// half-used.
import * as z from 'zod/mini';
import { RULE_IDS } from '../findings';
import type { AuditRow, RowState } from './model';

export interface SavedAudit {
  id: string;
  /** ISO 8601. */
  createdAt: string;
  inputs: string[];
  /** One per input, in order. */
  rows: AuditRow[];
  options: { concurrency: number; timeoutMs: number };
}

const makeSchema = () => {
  const Text = z.object({ zh: z.string(), en: z.string() });
  const Table = z.enum(['t2', 't3', 't4']);
  // A cell as [table, row, col, value]: a finding names up to a table row's cells, and 200 reports of 30
  // findings are 6,000 of them; written out as objects they take a third of the save.
  const Cell = z.pipe(
    z.tuple([Table, z.nullable(z.string()), z.nullable(z.string()), z.nullable(z.number())]),
    z.transform(([table, row, col, value]) => ({ table, row, col, value })),
  );
  const Finding = z.object({
    key: z.string(),
    rule: z.enum(RULE_IDS),
    severity: z.enum(['error', 'warning', 'info']),
    message: Text,
    table: z.nullable(Table),
    row: z.nullable(z.string()),
    col: z.nullable(z.string()),
    section: z.nullable(z.number()),
    expected: z.nullable(z.number()),
    actual: z.nullable(z.number()),
    cells: z.array(Cell),
  });
  const Link = z.object({ url: z.string(), text: z.string(), kind: z.enum(['page', 'pdf', 'word', 'other']), year: z.nullable(z.int()) });
  const Row = z.object({
    input: z.string(),
    url: z.nullable(z.string()),
    state: z.enum(['queued', 'running', 'done', 'not-report', 'failed', 'cancelled']),
    why: z.nullable(Text),
    title: z.nullable(z.string()),
    agency: z.nullable(z.string()),
    year: z.nullable(z.int()),
    format: z.nullable(z.string()),
    errors: z.int(),
    warnings: z.int(),
    infos: z.int(),
    findings: z.array(Finding),
    notices: z.array(Text),
    hash: z.nullable(z.string()),
    needsAccess: z.optional(z.nullable(z.string())),
    file: z.optional(z.boolean()),
    links: z.optional(z.array(Link)),
    compared: z.optional(z.nullable(Text)),
  });
  return z.object({
    version: z.literal(1),
    id: z.string(),
    createdAt: z.iso.datetime(),
    inputs: z.array(z.string()),
    rows: z.array(Row),
    options: z.object({ concurrency: z.int().check(z.positive()), timeoutMs: z.number().check(z.positive()) }),
  });
};

let schema: ReturnType<typeof makeSchema> | null = null;
const savedSchema = () => (schema ??= makeSchema());

// The schema reads back rows the model can hold, and knows every field of the model: a field added to
// AuditRow without being added here fails to compile (it would be lost on every reload otherwise).
type Parsed = z.infer<ReturnType<typeof makeSchema>>;
type ParsedRow = Parsed['rows'][number];
const assignable: AuditRow = null as unknown as ParsedRow;
const allKnown: Exclude<keyof AuditRow, keyof ParsedRow> extends never ? true : false = true;
void assignable;
void allKnown;

const VERSION = 1;

const compactCells = (row: AuditRow): unknown =>
  row.findings.length ? { ...row, findings: row.findings.map((f) => ({ ...f, cells: f.cells.map((c) => [c.table, c.row, c.col, c.value]) })) } : row;

/** The save as JSON: the rows as they are (a row holds no page body: the model keeps results only), cells as tuples. */
export function serialize(saved: SavedAudit): string {
  return JSON.stringify({ version: VERSION, ...saved, rows: saved.rows.map(compactCells) });
}

/** A save read back (its JSON text, or the object a store gave back), or why it cannot be used. */
export function parseSaved(raw: unknown): { saved: SavedAudit } | { error: string } {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (e) {
      return { error: `not JSON: ${(e as Error).message}` };
    }
  }
  const r = savedSchema().safeParse(value);
  if (!r.success) return { error: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const { version: _, ...saved } = r.data;
  if (saved.rows.length !== saved.inputs.length) return { error: `rows: ${saved.rows.length} rows for ${saved.inputs.length} inputs` };
  const off = saved.rows.findIndex((row, i) => row.input !== saved.inputs[i]);
  if (off >= 0) return { error: `rows.${off}.input: not the input it stands for` };
  return { saved: saved as SavedAudit };
}

/** States still to do on resume: never settled (a reload stopped a running row), or stopped by the user. */
const TO_DO: ReadonlySet<RowState> = new Set<RowState>(['queued', 'running', 'cancelled']);

/** The rows to run again on resume, by index, in order. Done, not-report and failed rows keep their results. */
export const toResume = (saved: SavedAudit): number[] => saved.rows.flatMap((row, i) => (TO_DO.has(row.state) ? [i] : []));
