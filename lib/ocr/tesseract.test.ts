// Cancelling a reading: calls after close reject without touching a terminated worker, calls under
// way settle at once, and nothing is left as an unhandled rejection (the Firefox background page
// showed 「can't access property "postMessage", e is null」 after every cancel).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Gray } from './image';
import { nodeRecognizer } from './node';
import { closableCalls, RecognizerClosed } from './tesseract';

let unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});
/** Lets pending jobs and rejection tracking run. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('closableCalls', () => {
  it('runs jobs while open', async () => {
    const calls = closableCalls();
    expect(await calls.call(async () => 7)).toBe(7);
  });

  it('rejects a call after close without starting its job', async () => {
    const calls = closableCalls();
    calls.close();
    let started = false;
    await expect(calls.call(async () => void (started = true))).rejects.toBeInstanceOf(RecognizerClosed);
    expect(started).toBe(false);
  });

  it('settles a call under way at close, even when its job never does', async () => {
    const calls = closableCalls();
    const pending = calls.call(() => new Promise<never>(() => {}));
    calls.close();
    await expect(pending).rejects.toBeInstanceOf(RecognizerClosed);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('closing with nobody waiting leaves no unhandled rejection', async () => {
    closableCalls().close();
    await settle();
    expect(unhandled).toEqual([]);
  });
});

describe('tesseractRecognizer closed under a reading', () => {
  it('rejects the reading under way and the next call, with no unhandled rejection', async () => {
    const rec = await nodeRecognizer();
    // A gray picture with a few dark bars: something for tesseract to work on.
    const width = 600;
    const height = 120;
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 40; y < 80; y++) for (let x = 0; x < width; x++) if (x % 40 < 12) data[y * width + x] = 0;
    const img: Gray = { width, height, data };
    // Awaited as the table reader awaits it: its rejection is handled from the start.
    const reading = expect(rec.words(img)).rejects.toBeInstanceOf(RecognizerClosed);
    await rec.close();
    await reading;
    // What the table reader does next after a cancel: one more cell.
    await expect(rec.digits(img)).rejects.toBeInstanceOf(RecognizerClosed);
    await expect(rec.words(img)).rejects.toBeInstanceOf(RecognizerClosed);
    await rec.close();
    await settle();
    expect(unhandled).toEqual([]);
  }, 60_000);
});
