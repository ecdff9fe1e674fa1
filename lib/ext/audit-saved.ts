// The audit kept in storage.local so that a reload resumes it: one key, written after rows settle
// (at most every second), read back through the schema (lib/audit/resume.ts).
import { browser } from 'wxt/browser';
import type { AuditRow } from '../audit/model';
import { parseSaved, serialize, type SavedAudit } from '../audit/resume';
import type { AuditInput, AuditOptions, AuditStatus } from '../audit/run';

const KEY = 'audit:current';

export interface Kept extends SavedAudit {
  status: AuditStatus;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let next: (() => Promise<void>) | null = null;
let id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

async function write(inputs: readonly AuditInput[], rows: readonly AuditRow[], status: AuditStatus, options: AuditOptions) {
  const saved: SavedAudit = { id, createdAt: new Date().toISOString(), inputs: inputs.map((x) => x.input), rows: [...rows], options: { concurrency: options.concurrency, timeoutMs: options.timeoutMs } };
  await browser.storage.local.set({ [KEY]: { status, audit: serialize(saved) } });
}

/** Saves the audit soon (coalesced: 200 rows settling write a few times, not 200); at once when it stopped. */
export function saveAudit(inputs: readonly AuditInput[], rows: readonly AuditRow[], status: AuditStatus, options: AuditOptions): void {
  next = () => write(inputs, rows, status, options);
  const flush = () => {
    timer = null;
    const job = next;
    next = null;
    void job?.().catch(() => {});
  };
  if (status !== 'running') {
    if (timer) clearTimeout(timer);
    return flush();
  }
  timer ??= setTimeout(flush, 1000);
}

export async function loadSaved(): Promise<Kept | null> {
  try {
    const got = (await browser.storage.local.get(KEY))[KEY] as { status?: AuditStatus; audit?: string } | undefined;
    if (!got?.audit) return null;
    const parsed = parseSaved(got.audit);
    if ('error' in parsed) return null;
    id = parsed.saved.id;
    return { ...parsed.saved, status: got.status ?? 'cancelled' };
  } catch {
    return null;
  }
}

export async function clearSaved(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  next = null;
  id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await browser.storage.local.remove(KEY).catch(() => {});
}
