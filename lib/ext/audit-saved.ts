// The audit kept in storage.local so that a reload resumes it. One key for the audit (inputs,
// options, state) and one per row: a row is written when it changed, so that 200 rows settling
// never serialise the whole audit in one task (the page's tasks stay short). Read back through the
// schema (lib/audit/resume.ts): a damaged save is not half-used.
import { browser } from 'wxt/browser';
import type { AuditRow } from '../audit/model';
import { parseSaved, serialize, type SavedAudit } from '../audit/resume';
import type { AuditInput, AuditOptions, AuditStatus } from '../audit/run';

const META = 'audit:current';
const ROW = 'audit:row:';

export interface Kept extends SavedAudit {
  status: AuditStatus;
}

interface Meta {
  id: string;
  createdAt: string;
  inputs: string[];
  options: { concurrency: number; timeoutMs: number };
  status: AuditStatus;
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

let id = newId();
let createdAt = new Date().toISOString();
/** The row objects last written, by index: rows are replaced when they change, never edited. */
let written: (AuditRow | undefined)[] = [];
let lastMeta = '';
let timer: ReturnType<typeof setTimeout> | null = null;
let pending: { inputs: readonly AuditInput[]; rows: readonly AuditRow[]; status: AuditStatus; options: AuditOptions } | null = null;

/** One row in the save's own compact form (cells as tuples). */
const rowJson = (meta: Meta, row: AuditRow) => serialize({ id: meta.id, createdAt: meta.createdAt, inputs: [row.input], rows: [row], options: meta.options });

async function flush() {
  timer = null;
  const job = pending;
  pending = null;
  if (!job) return;
  const meta: Meta = { id, createdAt, inputs: job.inputs.map((x) => x.input), options: { concurrency: job.options.concurrency, timeoutMs: job.options.timeoutMs }, status: job.status };
  const changes: Record<string, unknown> = {};
  const metaJson = JSON.stringify(meta);
  if (metaJson !== lastMeta) changes[META] = metaJson;
  // A few rows at a time: each write is a short task.
  let n = 0;
  for (let i = 0; i < job.rows.length; i++) {
    if (written[i] === job.rows[i]) continue;
    changes[`${ROW}${i}`] = rowJson(meta, job.rows[i]);
    written[i] = job.rows[i];
    if (++n % 20 === 0) {
      await browser.storage.local.set(changes);
      for (const k of Object.keys(changes)) delete changes[k];
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  if (Object.keys(changes).length) await browser.storage.local.set(changes);
  lastMeta = metaJson;
}

/** Saves the audit in the next task (the rows settled in this one written together); each row once it changed. */
export function saveAudit(inputs: readonly AuditInput[], rows: readonly AuditRow[], status: AuditStatus, options: AuditOptions): void {
  pending = { inputs, rows: [...rows], status, options };
  if (status !== 'running') {
    if (timer) clearTimeout(timer);
    void flush().catch(() => {});
    return;
  }
  timer ??= setTimeout(() => void flush().catch(() => {}), 0);
}

export async function loadSaved(): Promise<Kept | null> {
  try {
    const all = await browser.storage.local.get(null);
    const raw = all[META];
    if (typeof raw !== 'string') return null;
    const meta = JSON.parse(raw) as Meta;
    const rows = meta.inputs.map((_, i) => {
      const one = all[`${ROW}${i}`];
      return typeof one === 'string' ? (JSON.parse(one) as { rows: unknown[] }).rows[0] : null;
    });
    // A row never written (the reload came first) is still to do.
    const filled = rows.map((r, i) => r ?? { input: meta.inputs[i], url: null, state: 'queued', why: null, title: null, agency: null, year: null, format: null, errors: 0, warnings: 0, infos: 0, findings: [], notices: [], hash: null });
    const parsed = parseSaved({ version: 1, id: meta.id, createdAt: meta.createdAt, inputs: meta.inputs, rows: filled, options: meta.options });
    if ('error' in parsed) return null;
    id = meta.id;
    createdAt = meta.createdAt;
    written = [];
    lastMeta = raw;
    return { ...parsed.saved, status: meta.status ?? 'cancelled' };
  } catch {
    return null;
  }
}

export async function clearSaved(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  pending = null;
  id = newId();
  createdAt = new Date().toISOString();
  written = [];
  lastMeta = '';
  const keys = Object.keys(await browser.storage.local.get(null).catch(() => ({}))).filter((k) => k === META || k.startsWith(ROW));
  await browser.storage.local.remove(keys).catch(() => {});
}
