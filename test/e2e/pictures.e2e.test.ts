// Tables published as pictures, in the built extension in Chromium: read offline by the OCR page,
// findings marked on the pictures, a human look asked for where the reading is unsure, and cancel.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countBySeverity } from '../../lib/check';
import { nodeRecognizer, type NodeRecognizer } from '../../lib/ocr/node';
import { COL, baseReport, t3row } from '../fixtures/base';
import { STYLES, withBrowser } from '../fixtures/images';
import { checkPicturePage, picturePage, type PicturePage } from '../fixtures/picture-page';
import { loadSeed } from '../fixtures/render';
import { ROOT, hook, launch, type Harness } from './harness';

const ARTIFACTS = join(ROOT, 'artifacts/e2e');

let h: Harness;
let rec: NodeRecognizer;
const pages: Record<string, PicturePage> = {};

beforeAll(async () => {
  const wrong = baseReport();
  // Totals that no longer add up: 「（一）予以公开」 for natural persons, 3 more than it should be.
  const row = t3row(wrong, 'c');
  row.values[COL.natural] = String(Number(row.values[COL.natural]) + 3);
  await withBrowser(async (b) => {
    pages.seed001 = await picturePage(b, loadSeed('001'), STYLES[0], '/p001');
    pages.wrong = await picturePage(b, wrong, STYLES[0], '/pwrong');
    pages.clean = await picturePage(b, baseReport(), STYLES[1], '/pclean');
  });
  [h, rec] = await Promise.all([launch(), nodeRecognizer()]);
}, 240_000);
afterAll(async () => {
  await Promise.all([h?.close(), rec?.close()]);
});

async function open(path: string, page: PicturePage): Promise<Page> {
  for (const [p, bytes] of page.pictures) h.route(p, { body: bytes, type: 'image/png' });
  h.route(path, { body: page.html, type: 'text/html; charset=utf-8' });
  const tab = await h.context.newPage();
  await tab.goto(`${h.base}${path}`);
  return tab;
}


describe('a report whose tables are pictures', () => {
  it('finds what the engine finds in Node, with the pictures read in the extension', async () => {
    const expected = countBySeverity((await checkPicturePage(pages.seed001, rec)).findings);
    const tab = await open('/pictures/001.html', pages.seed001);
    const got = await hook(tab, 90_000);
    expect(got).toEqual({ state: 'done', ...expected });
    const read = await tab.evaluate(() => document.querySelector('nianbao-check')!.getAttribute('data-pictures-read'));
    expect(read).toBe('3');
    // Offline: nothing but the test server and the extension itself was asked for anything.
    expect(h.requests.filter((u) => !/^(http:\/\/report\.test\.gov\.cn:\d+\/|chrome-extension:|data:)/.test(u))).toEqual([]);
    await tab.screenshot({ path: join(ARTIFACTS, 'pictures-001.png'), fullPage: true });
    await tab.close();
  }, 120_000);

  it('marks a wrong total on the picture itself, and shows the crops of its cells', async () => {
    const result = await checkPicturePage(pages.wrong, rec);
    const arithmetic = result.findings.filter((f) => f.rule.startsWith('t3-'));
    expect(arithmetic.length).toBeGreaterThan(0);
    const tab = await open('/pictures/wrong.html', pages.wrong);
    expect(await hook(tab, 90_000)).toEqual({ state: 'done', ...countBySeverity(result.findings) });
    const index = result.findings.indexOf(arithmetic[0]);
    // The badge of that finding stands on the picture of table 三, where its total cell is.
    const where = await tab.evaluate((i) => {
      const root = document.querySelector('nianbao-check')!.shadowRoot!;
      const badge = root.querySelector(`.badge[data-finding="${i}"]`)!.getBoundingClientRect();
      const img = document.querySelector('img[src$="t3.png"]')!.getBoundingClientRect();
      return { badge: { x: badge.x + badge.width / 2, y: badge.y + badge.height / 2 }, img: { x: img.x, y: img.y, r: img.right, b: img.bottom } };
    }, index);
    expect(where.badge.x).toBeGreaterThan(where.img.x);
    expect(where.badge.x).toBeLessThan(where.img.r + 12);
    expect(where.badge.y).toBeGreaterThan(where.img.y - 14);
    expect(where.badge.y).toBeLessThan(where.img.b);
    await tab.evaluate((i) => (document.querySelector('nianbao-check')!.shadowRoot!.querySelector(`.badge[data-finding="${i}"]`) as HTMLElement).click(), index);
    const crops = await tab.evaluate(() => {
      const card = document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.card')!;
      return { canvases: card.querySelectorAll('[data-crops] canvas').length, text: card.textContent };
    });
    expect(crops.canvases).toBe(arithmetic[0].cells.length);
    await tab.screenshot({ path: join(ARTIFACTS, 'pictures-wrong.png'), fullPage: true });
    // Marks follow the picture when the page's layout changes.
    const before = await tab.evaluate((i) => document.querySelector('nianbao-check')!.shadowRoot!.querySelector(`.badge[data-finding="${i}"]`)!.getBoundingClientRect().x, index);
    await tab.evaluate(() => ((document.querySelector('img[src$="t3.png"]') as HTMLImageElement).style.marginLeft = '120px'));
    await tab.waitForFunction(
      ([i, x]) => document.querySelector('nianbao-check')!.shadowRoot!.querySelector(`.badge[data-finding="${i}"]`)!.getBoundingClientRect().x > x + 100,
      [index, before] as const,
      { timeout: 5000 },
    );
    await tab.close();
  }, 120_000);

  it('reads the picture the user asks for (context menu) on a page that is not a report', async () => {
    const src = '/pwrong/t3.png';
    h.route(src, { body: pages.wrong.pictures.get(src)!, type: 'image/png' });
    h.route('/news/picture.html', { body: `<html><head><title>图片新闻</title></head><body><p>图片新闻</p><img src="${src}"></body></html>`, type: 'text/html; charset=utf-8' });
    const tab = await h.context.newPage();
    const url = `${h.base}/news/picture.html`;
    await tab.goto(url);
    await tab.waitForTimeout(800);
    expect(await tab.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    // What the background does on 「识别此图片中的年报表格」 (a real context-menu click cannot be scripted).
    const [worker] = h.context.serviceWorkers();
    await worker.evaluate(
      async ([pageUrl, picture]) => {
        type Api = { tabs: { query(q: object): Promise<{ id: number }[]> }; scripting: { executeScript(o: object): Promise<unknown> } };
        const c = (globalThis as unknown as { chrome: Api }).chrome;
        const [t] = await c.tabs.query({ url: pageUrl });
        await c.scripting.executeScript({ target: { tabId: t.id }, func: (p: string) => void Object.assign(globalThis, { __nianbaoForce: true, __nianbaoPicture: p }), args: [picture] });
        await c.scripting.executeScript({ target: { tabId: t.id }, files: ['/engine.js'] });
        await c.scripting.executeScript({ target: { tabId: t.id }, files: ['/ui.js'] });
      },
      [url, `${h.base}${src}`] as const,
    );
    const got = await hook(tab, 60_000);
    expect(got.state).toBe('done');
    const rules = await tab.evaluate(() => [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('.item .text')].map((n) => n.textContent));
    // Table 三 alone: its arithmetic is checked, the report-level rules (sections) are not.
    expect(rules.some((t) => /予以公开/.test(t ?? ''))).toBe(true);
    expect(rules.some((t) => /缺少第/.test(t ?? ''))).toBe(false);
    await tab.close();
  }, 90_000);

  it('shows progress and can be cancelled, without blaming the report for tables it did not read', async () => {
    const tab = await open('/pictures/cancel.html', pages.clean);
    await tab.waitForFunction(() => !!document.querySelector('nianbao-check')?.shadowRoot?.querySelector('[data-progress]'), undefined, { timeout: 20_000 });
    const text = await tab.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-progress]')!.textContent);
    expect(text).toMatch(/正在识别图片表格 1\/3…/);
    await tab.evaluate(() => (document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-cancel]') as HTMLElement).click());
    const got = await hook(tab, 30_000);
    expect(got.errors).toBe(0);
    const notices = await tab.evaluate(() => [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('.notice')].map((n) => n.textContent));
    const read = Number(await tab.evaluate(() => document.querySelector('nianbao-check')!.getAttribute('data-pictures-read')));
    expect(read).toBeLessThan(3);
    expect(notices.length).toBe(3 - read);
    for (const n of notices) expect(n).toMatch(/已取消识别/);
    await tab.close();
  }, 60_000);
});
