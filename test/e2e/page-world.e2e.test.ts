// The detector runs in the page's own world in Chromium (lib/ext/page-ask.ts): it must leave that
// world as it found it, survive a page that broke what it calls, and give a page's own script no
// more power over us than the detector has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed, renderWord } from '../fixtures/render';
import { hook, launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
}, 180_000);
afterAll(async () => {
  await h?.close();
});

async function open(path: string, body: string | Uint8Array) {
  h.route(path, { body, type: 'text/html; charset=utf-8' });
  const page = await h.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}${path}`);
  return { page, errors };
}

/** The page's own globals, read by its own script before our detector runs (document idle). */
const GLOBALS_AT_PARSE = `<script>window.__globalsAtParse = Object.getOwnPropertyNames(window);</script>`;
const globalsAdded = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const before = new Set((window as unknown as { __globalsAtParse: string[] }).__globalsAtParse);
    return Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && n !== '__globalsAtParse');
  });

const para = '<p>本网站为政务服务平台，提供办事指南、政策文件和新闻动态。</p>';
/** A disclosure page (信息公开 in its title): the first look searches its text. */
const disclosurePage = (extra = '') =>
  `<html><head><meta charset="utf-8"><title>政府信息公开_某某区人民政府</title>${extra}</head><body><ul><li>政府信息公开指南</li><li>政府信息公开年报</li></ul>${para.repeat(30)}${GLOBALS_AT_PARSE}</body></html>`;

describe("the detector in the page's world", () => {
  it('leaves no global behind, on a page it leaves and on a report', async () => {
    const left = await open('/pw-left.html', disclosurePage());
    await left.page.waitForTimeout(1200);
    expect(await globalsAdded(left.page)).toEqual([]);
    expect(left.errors).toEqual([]);
    await left.page.close();

    const report = renderWord(loadSeed('003')).replace('</body>', `${GLOBALS_AT_PARSE}</body>`);
    expect(report).toContain('__globalsAtParse');
    const shown = await open('/pw-report.html', report);
    expect((await hook(shown.page)).state).toBe('done');
    // Our host element is the one thing of ours in the page; its world has no name of ours.
    expect((await globalsAdded(shown.page)).filter((n) => /nianbao/i.test(n))).toEqual([]);
    await shown.page.close();
  });

  it('throws nothing into a page whose script broke what the first look calls', async () => {
    const broken = `<script>Array.prototype.some = function () { throw new Error('broken some'); }; String.prototype.includes = function () { throw new Error('broken includes'); };</script>`;
    const { page, errors } = await open('/pw-broken.html', disclosurePage(broken));
    await page.waitForTimeout(1200);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    await page.close();
  });

  it("does no more for a page's own script than for the detector", async () => {
    const { page, errors } = await open('/pw-asks.html', disclosurePage());
    await page.waitForTimeout(800);
    const replies = await page.evaluate(async (id) => {
      type Rt = { sendMessage(id: string, m: unknown, cb: (r: unknown) => void): void; lastError?: { message?: string } };
      const rt = (globalThis as unknown as { chrome: { runtime: Rt } }).chrome.runtime;
      const ask = (m: unknown) => new Promise<string>((r) => rt.sendMessage(id, m, (reply) => r(rt.lastError?.message ?? JSON.stringify(reply ?? null))));
      // What our own scripts may say to the background, and what the detector says.
      return [
        await ask({ type: 'report-detected', title: null }),
        await ask({ type: 'check-tab', tabId: 1 }),
        await ask({ type: 'open-audit' }),
        await ask({ type: 'pdf-tab', url: 'http://elsewhere.example/a.pdf' }),
        await ask({ type: 'classify', at: 0 }),
      ];
    }, h.extensionId);
    // Nothing is answered (the port closes); the closer look, loaded for the last, finds no report.
    expect(replies).toHaveLength(5);
    await page.waitForTimeout(2000);
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    expect(h.context.pages().filter((p) => p.url().includes('/audit.html'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
