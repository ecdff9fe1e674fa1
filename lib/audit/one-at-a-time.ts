// Steps that must not overlap, run in turn (the audit page's PDF readings): each waits for the one
// before it to settle, whatever its outcome.

/** A turn-taker: `take(step)` runs `step` once every step taken before it has settled. */
export function turns() {
  let last: Promise<unknown> = Promise.resolve();
  return function take<T>(step: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const run = last.then(() => {
      // Given up while waiting (a timeout, a cancel): the step never starts.
      if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      return step();
    });
    last = run.catch(() => {});
    return run;
  };
}
