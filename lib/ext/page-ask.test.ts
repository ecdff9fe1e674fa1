// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askBackground, findRuntimeLessFrames, idFromStack, parsePageAsk } from './page-ask';

const ID = 'goenaogpgebaajbnjdjejgnfhgjlnlbf';
const g = globalThis as { chrome?: unknown; browser?: unknown };

afterEach(() => {
  delete g.chrome;
  delete g.browser;
  vi.restoreAllMocks();
});

describe('idFromStack', () => {
  it('reads our ID off a stack frame of our file', () => {
    expect(idFromStack(`Error\n    at b (chrome-extension://${ID}/detector.js:1:2345)\n    at chrome-extension://${ID}/detector.js:1:99`)).toBe(ID);
  });
  it('finds none in a page script’s stack or a malformed address', () => {
    expect(idFromStack('Error\n    at http://www.example.gov.cn/js/jquery.js:2:10')).toBeNull();
    expect(idFromStack('at chrome-extension://NOTANID/detector.js:1:1')).toBeNull();
    expect(idFromStack('')).toBeNull();
  });
});

describe('parsePageAsk', () => {
  it('takes the detector’s two asks', () => {
    expect(parsePageAsk({ type: 'classify', at: 12.5 })).toEqual({ type: 'classify', at: 12.5 });
    expect(parsePageAsk({ type: 'classify', at: 3, relayed: true })).toEqual({ type: 'classify', at: 3, relayed: true });
    expect(parsePageAsk({ type: 'pdf-tab', url: 'http://x.gov.cn/a.pdf' })).toEqual({ type: 'pdf-tab', url: 'http://x.gov.cn/a.pdf' });
  });
  it('refuses anything else a page’s script may send', () => {
    for (const raw of [null, 'classify', 1, [], {}, { type: 'report-detected', title: null }, { type: 'check-tab', tabId: 1 }, { type: 'classify' }, { type: 'classify', at: Number.NaN }, { type: 'classify', at: '1' }, { type: 'classify', at: 1, relayed: 'yes' }, { type: 'pdf-tab' }, { type: 'pdf-tab', url: 'x'.repeat(20_000) }, { type: 'pdf-tab', url: 'http://x.gov.cn/a.pdf', relayed: true }])
      expect(parsePageAsk(raw)).toBeNull();
  });
  it('keeps nothing but the fields it knows', () => {
    expect(parsePageAsk({ type: 'classify', at: 1, files: ['/engine.js'] })).toEqual({ type: 'classify', at: 1 });
  });
});

describe('askBackground', () => {
  it('uses the extension’s own runtime where it has one (isolated world, Firefox)', async () => {
    const sendMessage = vi.fn(() => Promise.resolve());
    g.chrome = { runtime: { id: ID, sendMessage } };
    askBackground({ type: 'classify', at: 1 });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'classify', at: 1 });
  });
  it('from the page’s world: as an external extension, by the ID on its stack', () => {
    const sendMessage = vi.fn();
    g.chrome = { runtime: { sendMessage } };
    askBackground({ type: 'classify', at: 2 }, () => `Error\n    at chrome-extension://${ID}/detector.js:1:1`);
    expect(sendMessage).toHaveBeenCalledWith(ID, { type: 'classify', at: 2 }, expect.any(Function));
  });
  it('sends nothing without an ID or a runtime', () => {
    const sendMessage = vi.fn();
    g.chrome = { runtime: { sendMessage } };
    askBackground({ type: 'classify', at: 2 }, () => 'Error\n    at http://x.gov.cn/a.js:1:1');
    expect(sendMessage).not.toHaveBeenCalled();
    g.chrome = undefined;
    expect(() => askBackground({ type: 'classify', at: 2 }, () => `at chrome-extension://${ID}/detector.js:1:1`)).not.toThrow();
  });
});

describe('findRuntimeLessFrames', () => {
  it('is serialisable: it names nothing outside itself', () => {
    // executeScript sends its source: no import, no closure.
    const source = findRuntimeLessFrames.toString();
    expect(source).not.toMatch(/\b(?:import|require|__vite|_\w+\$)\b/);
    expect(() => new Function(`return (${source})`)()).not.toThrow();
  });
  it('is false in the top frame', () => {
    expect(findRuntimeLessFrames()).toBe(false);
  });
});
