// The audit's work queue: many reports fetched and checked, a bounded number at once, each attempt
// under a timeout, worth-another-try failures retried after a growing pause, all of it cancellable.
// No DOM and no extension API: the audit page and the tests drive it with their own `work`.

/** A failure worth another try: a network error, a timeout, HTTP 429 or 5xx. Any other error is final. */
export class Retryable extends Error {}

export interface QueueOptions {
  /** At most this many inputs in progress at once (4). */
  concurrency?: number;
  /** Per attempt (30 s); 0 or Infinity: none. */
  timeoutMs?: number;
  /** Further attempts after a Retryable failure (2: three attempts in all). */
  retries?: number;
  /** The pause before the first retry (1 s), doubled before each next one, ±25 % jitter. */
  backoffMs?: number;
  /** Cancels the whole queue: nothing more starts, running attempts are aborted. */
  signal?: AbortSignal;
  /** Waits `ms`, returning early (resolving or rejecting) when `signal` aborts. For tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown; timedOut: boolean; cancelled: boolean };

/**
 * `attempt` counts from 1. A 'retry' event names the attempt about to be made after `delayMs`
 * (2 for the first retry) and the error of the one that failed. Every input gets exactly one 'end':
 * one never started because the queue was cancelled ends without a 'start', its outcome cancelled.
 */
export type QueueEvent<T> =
  | { kind: 'start'; index: number; attempt: number }
  | { kind: 'retry'; index: number; attempt: number; delayMs: number; error: unknown }
  | { kind: 'end'; index: number; outcome: Outcome<T> };

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_BACKOFF_MS = 1000;
const JITTER = 0.25;

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A server's own word on when to come back (HTTP Retry-After), carried by the error; at most a minute. */
const MAX_HINT_MS = 60_000;
const retryHint = (error: unknown): number => {
  const ms = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_HINT_MS) : 0;
};

/** The pause before attempt `next` (2, 3, …): backoff × 2^(next − 2), ±25 %. */
export function backoffDelay(backoffMs: number, next: number, random: () => number = Math.random): number {
  const base = backoffMs * 2 ** (next - 2);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

const cancelledOutcome = (error: unknown): Outcome<never> => ({ ok: false, error, timedOut: false, cancelled: true });

class TimeoutError extends Retryable {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * One attempt: `work` under its own signal, aborted on timeout or on cancel. The attempt ends when
 * that signal aborts even if `work` ignores it (its late result is dropped).
 */
async function attemptOnce<T>(
  run: (signal: AbortSignal) => Promise<T>,
  cancel: AbortSignal,
  timeoutMs: number,
): Promise<Outcome<T>> {
  const ctl = new AbortController();
  let timedOut = false;
  const timer = timeoutMs > 0 && Number.isFinite(timeoutMs) ? setTimeout(() => ((timedOut = true), ctl.abort(new TimeoutError(timeoutMs))), timeoutMs) : undefined;
  const onCancel = () => ctl.abort(cancel.reason);
  cancel.addEventListener('abort', onCancel, { once: true });
  try {
    const value = await new Promise<T>((resolve, reject) => {
      ctl.signal.addEventListener('abort', () => reject(ctl.signal.reason), { once: true });
      Promise.resolve()
        .then(() => run(ctl.signal))
        .then(resolve, reject);
    });
    return { ok: true, value };
  } catch (error) {
    // Whatever `work` threw on the abort, the queue knows why it aborted.
    if (timedOut) return { ok: false, error: ctl.signal.reason, timedOut: true, cancelled: false };
    if (cancel.aborted) return cancelledOutcome(error);
    return { ok: false, error, timedOut: false, cancelled: false };
  } finally {
    clearTimeout(timer);
    cancel.removeEventListener('abort', onCancel);
  }
}

/**
 * Runs `work` on every input, at most `concurrency` at once, inputs started in order; resolves with
 * one outcome per input (same order) when all have ended or, after a cancel, as soon as the running
 * attempts have been aborted. A cancel stops new starts and pauses; the outcome of every input not
 * done is cancelled. Events are sent synchronously as things happen; they must be cheap.
 */
export async function runQueue<T>(
  inputs: readonly string[],
  work: (input: string, signal: AbortSignal, attempt: number) => Promise<T>,
  onEvent: (e: QueueEvent<T>) => void,
  options: QueueOptions = {},
): Promise<Outcome<T>[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const sleep = options.sleep ?? defaultSleep;
  // One signal of our own: the caller's may be shared, and we add and remove listeners on it.
  const cancel = new AbortController();
  const outer = options.signal;
  const onOuter = () => cancel.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });

  // A listener that throws is a bug of the caller's: the queue stops (nothing more starts, running
  // attempts are aborted) and rejects with that error once every worker has stopped, rather than
  // leaving work running behind a rejected promise.
  const listener: { failed: boolean; error?: unknown } = { failed: false };
  const emit = (e: QueueEvent<T>) => {
    try {
      onEvent(e);
    } catch (error) {
      if (listener.failed) return;
      listener.failed = true;
      listener.error = error;
      cancel.abort(error);
    }
  };
  const outcomes: (Outcome<T> | undefined)[] = new Array(inputs.length).fill(undefined);
  const end = (index: number, outcome: Outcome<T>) => {
    outcomes[index] = outcome;
    emit({ kind: 'end', index, outcome });
  };

  const runOne = async (index: number): Promise<Outcome<T>> => {
    for (let attempt = 1; ; attempt++) {
      emit({ kind: 'start', index, attempt });
      const outcome = await attemptOnce((signal) => work(inputs[index], signal, attempt), cancel.signal, timeoutMs);
      if (outcome.ok || outcome.cancelled || !(outcome.error instanceof Retryable) || attempt > retries) return outcome;
      // The longer of our back-off and the server's Retry-After.
      const delayMs = Math.max(backoffDelay(backoffMs, attempt + 1), retryHint(outcome.error));
      emit({ kind: 'retry', index, attempt: attempt + 1, delayMs, error: outcome.error });
      try {
        await sleep(delayMs, cancel.signal);
      } catch {
        // A sleep rejecting on abort is a cancel, seen below.
      }
      if (cancel.signal.aborted) return cancelledOutcome(cancel.signal.reason);
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < inputs.length && !cancel.signal.aborted) {
      const index = next++;
      end(index, await runOne(index));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
    for (let i = 0; i < inputs.length; i++) if (!outcomes[i]) end(i, cancelledOutcome(cancel.signal.reason));
  } finally {
    outer?.removeEventListener('abort', onOuter);
  }
  if (listener.failed) throw listener.error;
  return outcomes as Outcome<T>[];
}
