import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, Retryable, runQueue, type QueueEvent } from './queue';

/** A promise and its resolvers, to finish work when the test says. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((r) => setImmediate(r));
const noSleep = async () => {};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('runQueue', () => {
  it('never runs more than `concurrency` at once, starts inputs in order, returns outcomes in input order', async () => {
    const inputs = Array.from({ length: 23 }, (_, i) => `u${i}`);
    let running = 0;
    let peak = 0;
    const started: string[] = [];
    const out = await runQueue(
      inputs,
      async (input) => {
        started.push(input);
        running++;
        peak = Math.max(peak, running);
        // Uneven durations, so that inputs end out of order.
        for (let k = 0; k < (Number(input.slice(1)) * 7) % 5; k++) await tick();
        running--;
        return input.toUpperCase();
      },
      () => {},
      { concurrency: 3, sleep: noSleep },
    );
    expect(peak).toBe(3);
    expect(started).toEqual(inputs);
    expect(out).toEqual(inputs.map((i) => ({ ok: true, value: i.toUpperCase() })));
  });

  it('sends one start per attempt and exactly one end per input', async () => {
    const events: QueueEvent<number>[] = [];
    await runQueue(['a', 'b'], async (i) => i.length, (e) => events.push(e), { sleep: noSleep });
    expect(events.filter((e) => e.kind === 'start').map((e) => e.index)).toEqual([0, 1]);
    expect(events.filter((e) => e.kind === 'end').map((e) => e.index).sort()).toEqual([0, 1]);
  });

  it('retries a Retryable failure with growing delays, then succeeds', async () => {
    const events: QueueEvent<string>[] = [];
    const slept: number[] = [];
    let calls = 0;
    const out = await runQueue(
      ['x'],
      async (_input, _signal, attempt) => {
        calls++;
        if (attempt < 3) throw new Retryable(`HTTP 503 (${attempt})`);
        return 'ok';
      },
      (e) => events.push(e),
      { retries: 2, backoffMs: 1000, sleep: async (ms) => void slept.push(ms) },
    );
    expect(calls).toBe(3);
    expect(out[0]).toEqual({ ok: true, value: 'ok' });
    const retries = events.filter((e) => e.kind === 'retry');
    expect(retries.map((e) => e.attempt)).toEqual([2, 3]);
    expect(slept).toEqual(retries.map((e) => (e.kind === 'retry' ? e.delayMs : -1)));
    // 1 s then 2 s, each ±25 %: the second pause is always the longer.
    expect(slept[0]).toBeGreaterThanOrEqual(750);
    expect(slept[0]).toBeLessThanOrEqual(1250);
    expect(slept[1]).toBeGreaterThanOrEqual(1500);
    expect(slept[1]).toBeLessThanOrEqual(2500);
    expect(events.filter((e) => e.kind === 'start').map((e) => e.kind === 'start' && e.attempt)).toEqual([1, 2, 3]);
  });

  it('gives up after `retries` further attempts, with the last error', async () => {
    let calls = 0;
    const out = await runQueue(
      ['x'],
      async () => {
        calls++;
        throw new Retryable(`fail ${calls}`);
      },
      () => {},
      { retries: 2, sleep: noSleep },
    );
    expect(calls).toBe(3);
    expect(out[0].ok).toBe(false);
    if (!out[0].ok) {
      expect((out[0].error as Error).message).toBe('fail 3');
      expect(out[0]).toMatchObject({ timedOut: false, cancelled: false });
    }
  });

  it('does not retry an error that is not Retryable', async () => {
    let calls = 0;
    const events: QueueEvent<never>[] = [];
    const out = await runQueue(
      ['x'],
      async () => {
        calls++;
        throw new Error('HTTP 404');
      },
      (e) => events.push(e),
      { sleep: noSleep },
    );
    expect(calls).toBe(1);
    expect(events.some((e) => e.kind === 'retry')).toBe(false);
    expect(out[0]).toMatchObject({ ok: false, timedOut: false, cancelled: false });
  });

  it('a synchronous throw in work is that input’s failure, not the queue’s', async () => {
    const out = await runQueue(
      ['a', 'b'],
      (input) => {
        if (input === 'a') throw new Error('bad');
        return Promise.resolve(1);
      },
      () => {},
      { sleep: noSleep },
    );
    expect(out.map((o) => o.ok)).toEqual([false, true]);
  });

  it('times an attempt out: its signal is aborted, the attempt retried, the last outcome timedOut', async () => {
    vi.useFakeTimers();
    const aborted: number[] = [];
    const run = runQueue(
      ['slow'],
      (_input, signal, attempt) =>
        new Promise<never>(() => {
          // Never settles by itself: only the timeout ends it.
          signal.addEventListener('abort', () => aborted.push(attempt));
        }),
      () => {},
      { timeoutMs: 5000, retries: 1, backoffMs: 100 },
    );
    await vi.advanceTimersByTimeAsync(4999);
    expect(aborted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(aborted).toEqual([1]);
    // The back-off (≤ 125 ms), then the second attempt's 5 s.
    await vi.advanceTimersByTimeAsync(125 + 5000);
    expect(aborted).toEqual([1, 2]);
    const out = await run;
    expect(out[0]).toMatchObject({ ok: false, timedOut: true, cancelled: false });
    if (!out[0].ok) expect(out[0].error).toBeInstanceOf(Retryable);
  });

  it('a work that ignores its signal still ends at the timeout (its late result dropped)', async () => {
    vi.useFakeTimers();
    const late = deferred<string>();
    const run = runQueue(['x'], () => late.promise, () => {}, { timeoutMs: 1000, retries: 0 });
    await vi.advanceTimersByTimeAsync(1000);
    const out = await run;
    late.resolve('too late');
    expect(out[0]).toMatchObject({ ok: false, timedOut: true });
  });

  it('cancel mid-run: running attempts aborted and cancelled, nothing more started, every input ended', async () => {
    const ctl = new AbortController();
    const started: number[] = [];
    const abortedSignals: number[] = [];
    const events: QueueEvent<string>[] = [];
    const gates = Array.from({ length: 10 }, () => deferred<string>());
    const run = runQueue(
      Array.from({ length: 10 }, (_, i) => String(i)),
      (input, signal) => {
        const i = Number(input);
        started.push(i);
        signal.addEventListener('abort', () => abortedSignals.push(i));
        return gates[i].promise;
      },
      (e) => events.push(e),
      { concurrency: 2, signal: ctl.signal, sleep: noSleep },
    );
    await tick();
    gates[0].resolve('done 0');
    await tick();
    expect(started).toEqual([0, 1, 2]);
    ctl.abort();
    const out = await run;
    expect(started).toEqual([0, 1, 2]);
    expect(abortedSignals.sort()).toEqual([1, 2]);
    expect(out[0]).toEqual({ ok: true, value: 'done 0' });
    for (let i = 1; i < 10; i++) expect(out[i]).toMatchObject({ ok: false, cancelled: true, timedOut: false });
    const ends = events.filter((e) => e.kind === 'end').map((e) => e.index);
    expect(ends.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Never-started inputs end without a start.
    expect(events.filter((e) => e.kind === 'start').map((e) => e.index)).toEqual([0, 1, 2]);
  });

  it('cancel during a back-off pause ends the input cancelled, without another attempt', async () => {
    const ctl = new AbortController();
    let calls = 0;
    const out = await runQueue(
      ['x'],
      async () => {
        calls++;
        throw new Retryable('503');
      },
      () => {},
      {
        signal: ctl.signal,
        sleep: (_ms, signal) =>
          new Promise<void>((_resolve, reject) => {
            signal.addEventListener('abort', () => reject(signal.reason));
            ctl.abort();
          }),
      },
    );
    expect(calls).toBe(1);
    expect(out[0]).toMatchObject({ ok: false, cancelled: true });
  });

  it('waits at least the server’s Retry-After (capped at a minute) when the error carries it', async () => {
    const slept: number[] = [];
    let calls = 0;
    await runQueue(
      ['x'],
      async () => {
        calls++;
        throw Object.assign(new Retryable('429'), { retryAfterMs: calls === 1 ? 7000 : 3_600_000 });
      },
      () => {},
      { retries: 2, backoffMs: 1000, sleep: async (ms) => void slept.push(ms) },
    );
    expect(slept).toEqual([7000, 60_000]);
  });

  it('a listener that throws stops the queue: running work aborted, nothing more started, the error rejected', async () => {
    const started: number[] = [];
    const aborted: number[] = [];
    const run = runQueue(
      ['0', '1', '2', '3', '4'],
      (input, signal) =>
        new Promise<string>((resolve) => {
          started.push(Number(input));
          signal.addEventListener('abort', () => aborted.push(Number(input)));
          if (input === '0') resolve('first');
        }),
      (e) => {
        if (e.kind === 'end' && e.index === 0) throw new Error('listener bug');
      },
      { concurrency: 2, sleep: noSleep },
    );
    await expect(run).rejects.toThrow('listener bug');
    expect(started).toEqual([0, 1]);
    expect(aborted).toEqual([1]);
  });

  it('an already aborted signal starts nothing', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const work = vi.fn(async () => 1);
    const out = await runQueue(['a', 'b'], work, () => {}, { signal: ctl.signal });
    expect(work).not.toHaveBeenCalled();
    expect(out.every((o) => !o.ok && o.cancelled)).toBe(true);
  });

  it('resolves at once for no inputs', async () => {
    expect(await runQueue([], async () => 1, () => {})).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('doubles per retry within ±25 %', () => {
    expect(backoffDelay(1000, 2, () => 0)).toBe(750);
    expect(backoffDelay(1000, 2, () => 1)).toBe(1250);
    expect(backoffDelay(1000, 3, () => 0.5)).toBe(2000);
    expect(backoffDelay(1000, 4, () => 0.5)).toBe(4000);
  });
});
