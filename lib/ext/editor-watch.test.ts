import { describe, expect, it } from 'vitest';
import { EDIT_PAUSE_MS, debounce, type Timers } from './editor-watch';

/** A clock the test moves by hand. */
function clock() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      due.set(next, { at: now + ms, fn });
      return next++;
    },
    clear: (id) => void due.delete(id as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at))
      if (t.at <= now) {
        due.delete(id);
        t.fn();
      }
  };
  return { timers, advance, pending: () => due.size };
}

describe('debounce', () => {
  it('calls once typing pauses, not on every keystroke', () => {
    const c = clock();
    let calls = 0;
    const d = debounce(() => calls++, EDIT_PAUSE_MS, c.timers);
    for (let i = 0; i < 10; i++) {
      d.bump();
      c.advance(200);
    }
    expect(calls).toBe(0);
    c.advance(EDIT_PAUSE_MS - 200 - 1);
    expect(calls).toBe(0);
    c.advance(1);
    expect(calls).toBe(1);
    expect(c.pending()).toBe(0);
  });

  it('calls again after a later pause, and never after cancel', () => {
    const c = clock();
    let calls = 0;
    const d = debounce(() => calls++, 800, c.timers);
    d.bump();
    c.advance(800);
    d.bump();
    c.advance(800);
    expect(calls).toBe(2);
    d.bump();
    d.cancel();
    c.advance(5000);
    expect(calls).toBe(2);
    expect(c.pending()).toBe(0);
  });

});
