// One audit: many inputs fetched and checked a bounded number at once, each row's state kept, the
// batch's reports chained year with year (as the command line chains inputs given together). No
// browser API here: fetching, checking and saving are given (the audit page gives the extension's).
import type { CheckResult } from '../check';
import type { Text } from '../findings';
import { agencyFromTitle, sameAgency, type Agency } from '../history/agency';
import type { HistoryRecord } from '../history/model';
import { auditRowOf, failedRow, pendingRow, type AuditRow } from './model';
import { failureText } from './fetch';
import { runQueue, type Outcome } from './queue';

export interface AuditInput {
  /** A URL, or a local file's name. */
  input: string;
  /** A local file's bytes (dropped on the page); URLs are fetched. */
  bytes?: () => Promise<Uint8Array>;
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | null;
  /** After redirects. */
  url: string;
}

export interface AuditDeps {
  fetch(url: string, signal: AbortSignal): Promise<Fetched>;
  check(input: string, file: Fetched, signal: AbortSignal): Promise<Checked>;
  /** The cross-year rules over the batch (and the history): each result with its comparison and its record, in order. */
  chain(checked: { input: string; result: CheckResult }[]): { result: CheckResult; record: HistoryRecord | null; note?: Text }[];
  /** Called after each row settles (the page saves the audit to resume it after a reload). */
  saved?(rows: readonly AuditRow[]): void;
}

export interface Checked {
  result: CheckResult;
  hash: string;
  /** A list page of reports: its report links (the row is then no report, and offers them). */
  links?: AuditRow['links'];
  /** A PDF or Word file (opened in our viewer), not a page. */
  file?: boolean;
  /** The result holds no DOM node or picture already (checked in a worker): kept as it is. */
  plain?: boolean;
}

export interface AuditOptions {
  concurrency: number;
  timeoutMs: number;
  retries: number;
  backoffMs?: number;
}

/** A failure that says why in both languages, and, when it is missing access, for which site. */
export class RowFailure extends Error {
  constructor(
    readonly why: Text,
    /** The origin pattern to ask host access for ("https://example.org/*"). */
    readonly needsAccess: string | null = null,
  ) {
    super(why.en);
  }
}

export type AuditStatus = 'idle' | 'running' | 'done' | 'cancelled';

/** A result without its anchors: no DOM node (and so no parsed page) outlives its row. */
export function detached(result: CheckResult): CheckResult {
  return JSON.parse(JSON.stringify(result, (k, v) => (k === 'anchor' || k === 'element' ? undefined : v))) as CheckResult;
}

const whyOf = (error: unknown, timedOut: boolean, timeoutMs: number): { why: Text; needsAccess: string | null } => {
  if (error instanceof RowFailure) return { why: error.why, needsAccess: error.needsAccess };
  const e = error as { why?: Text } | null;
  if (!timedOut && e?.why) return { why: e.why, needsAccess: null };
  return { why: failureText(error, timedOut, timeoutMs), needsAccess: null };
};

export class AuditRun {
  rows: AuditRow[];
  status: AuditStatus = 'idle';
  /** When the current run started, and how many rows were settled then: for the time left. */
  private started = 0;
  private settledAtStart = 0;
  private results = new Map<number, CheckResult>();
  private kept = new Map<number, HistoryRecord>();
  /** Each checked row's body, as its title names it: the rows the cross-year rules pair. */
  private bodies = new Map<number, Agency | null>();
  private waiting = new Map<number, Checked & { url: string | null }>();
  private controller: AbortController | null = null;
  private listeners = new Set<() => void>();

  constructor(
    readonly inputs: AuditInput[],
    private readonly deps: AuditDeps,
    readonly options: AuditOptions,
    /** Rows kept from an earlier run of the same audit (resumed after a reload). */
    initial?: readonly AuditRow[],
  ) {
    this.rows = inputs.map((x, i) => (initial?.[i] && initial[i].input === x.input ? { ...initial[i] } : pendingRow(x.input)));
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed() {
    for (const fn of this.listeners) fn();
  }

  get settled(): number {
    return this.rows.filter((r) => r.state !== 'queued' && r.state !== 'running' && r.state !== 'cancelled').length;
  }

  /** Milliseconds left at the pace so far, or null before the first row settled in this run. */
  timeLeft(now = Date.now()): number | null {
    const done = this.settled - this.settledAtStart;
    if (this.status !== 'running' || done <= 0) return null;
    return ((now - this.started) / done) * (this.rows.length - this.settled);
  }

  /** Runs the rows still to do (all of them, or those `only` names: a retry after access was granted). */
  async start(only?: ReadonlySet<number>): Promise<void> {
    if (this.status === 'running') return;
    const todo = this.rows.flatMap((r, i) => ((only ? only.has(i) : r.state === 'queued' || r.state === 'running' || r.state === 'cancelled') ? [i] : []));
    for (const i of todo) this.rows[i] = pendingRow(this.rows[i].input);
    this.controller = new AbortController();
    this.status = 'running';
    this.started = Date.now();
    this.settledAtStart = this.settled;
    this.changed();
    // The queue is given row numbers: the same address may stand in the list twice.
    await runQueue(
      todo.map(String),
      (row, signal) => this.checkOne(Number(row), signal),
      (e) => {
        const i = todo[e.index];
        if (e.kind === 'start') this.rows[i] = { ...this.rows[i], state: 'running' };
        else if (e.kind === 'end') this.settle(i, e.outcome);
        this.changed();
      },
      { concurrency: this.options.concurrency, timeoutMs: this.options.timeoutMs, retries: this.options.retries, backoffMs: this.options.backoffMs, signal: this.controller.signal },
    );
    if (this.status === 'running') this.status = 'done';
    this.deps.saved?.(this.rows);
    this.changed();
  }

  cancel() {
    if (this.status !== 'running') return;
    this.status = 'cancelled';
    this.controller?.abort();
    for (let i = 0; i < this.rows.length; i++) if (this.rows[i].state === 'queued' || this.rows[i].state === 'running') this.rows[i] = { ...this.rows[i], state: 'cancelled' };
    this.deps.saved?.(this.rows);
    this.changed();
  }

  /**
   * The queue keeps what each task returns until the run ends: it gets the row number only; the
   * result (whose anchors hold the parsed page) waits here until its row settles, then is dropped.
   */
  private async checkOne(i: number, signal: AbortSignal): Promise<number> {
    const x = this.inputs[i];
    const file: Fetched = x.bytes ? { bytes: await x.bytes(), contentType: null, url: x.input } : await this.deps.fetch(x.input, signal);
    const checked = await this.deps.check(x.input, file, signal);
    this.waiting.set(i, { result: checked.result, hash: checked.hash, links: checked.links, file: checked.file, plain: checked.plain, url: x.bytes ? null : file.url });
    return i;
  }

  private settle(i: number, outcome: Outcome<number>) {
    const input = this.inputs[i].input;
    const value = this.waiting.get(i);
    this.waiting.delete(i);
    if (outcome.ok && value) {
      const { result, hash, url, links } = value;
      const row = { ...auditRowOf(input, result, { url, hash }), file: value.file };
      if (row.state === 'done') {
        this.results.set(i, value.plain ? result : detached(result));
        this.bodies.set(i, agencyFromTitle(result.report?.title));
        this.rows[i] = row;
        this.chainBodyOf(i);
      } else this.rows[i] = links?.length ? { ...row, links } : row;
    } else if (outcome.ok || outcome.cancelled) {
      this.rows[i] = { ...pendingRow(input), state: 'cancelled' };
    } else {
      const { why, needsAccess } = whyOf(outcome.error, outcome.timedOut, this.options.timeoutMs);
      this.rows[i] = { ...failedRow(input, why), needsAccess };
    }
    this.deps.saved?.(this.rows);
  }

  /**
   * The cross-year rules over the reports of the batch checked so far that are of the same body as
   * row `i` (in any order, as the command line chains its inputs): only that body's rows change, so
   * a batch of 200 bodies costs one comparison per row, not 200.
   */
  private chainBodyOf(i: number) {
    // Every row whose body answers to a name of this one's, and so on (「东湖区」 joins 临川市东湖区
    // and 江州市东湖区): the rows whose chains may change, and what tells a short name apart.
    const members = new Set([i]);
    const open = [i];
    while (open.length) {
      const body = this.bodies.get(open.pop()!);
      if (!body) continue;
      for (const j of this.results.keys()) {
        const other = this.bodies.get(j);
        if (!members.has(j) && other && sameAgency(body, other)) members.add(j), open.push(j);
      }
    }
    const ordered = [...members].sort((a, b) => a - b);
    const chained = this.deps.chain(ordered.map((j) => ({ input: this.inputs[j].input, result: this.results.get(j)! })));
    ordered.forEach((j, k) => {
      const row = this.rows[j];
      if (row.state !== 'done') return;
      const { result, record, note } = chained[k];
      this.rows[j] = { ...auditRowOf(row.input, result, { url: row.url, hash: row.hash }), file: row.file, compared: note ?? null };
      if (record) this.kept.set(j, record);
    });
  }

  /** The records of the reports this run checked (those naming a body and a year): for the history. */
  records(): HistoryRecord[] {
    return [...this.kept.values()];
  }
}
