// The report history in the built extension (Debian's Chromium): one body's reports of two
// consecutive years checked one after the other (real 平潭 2023 and 2024 pages from ../shared, served
// on a fake gov.cn host): the second gets the cross-year findings naming the first, exactly as the
// engine gives them; the popup lists, exports and clears the records; the 「核对上一年度报告」 offer
// fetches last year's page the report links; with the setting off nothing is kept or compared.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countBySeverity, historyStep, type CheckResult } from '../../lib/check';
import { checkInput } from '../../lib/cli/main';
import { recordOf } from '../../lib/history/record';
import { sniffHtmlCharset } from '../../lib/read/decode';
import { REPORTS_DIR, checkBytes, reportSource } from '../helpers';
import { ROOT, hook, launch, type Harness } from './harness';

const ARTIFACTS = `${ROOT}artifacts/e2e`;
mkdirSync(ARTIFACTS, { recursive: true });

let h: Harness;
let worker: Worker;
beforeAll(async () => {
  h = await launch({ history: true });
  worker = h.context.serviceWorkers()[0];
}, 180_000);
afterAll(async () => {
  await h?.close();
});

/** The id of 平潭's real report of `year` in ../shared (by meta.json). */
function pingtan(year: number): string {
  const id = readdirSync(REPORTS_DIR)
    .filter((d) => /^\d+$/.test(d))
    .find((d) => {
      const m = JSON.parse(readFileSync(`${REPORTS_DIR}${d}/meta.json`, 'utf8')) as { agency?: string; year?: number };
      return /平潭/.test(m.agency ?? '') && m.year === year && reportSource(d).kind === 'html';
    });
  if (!id) throw new Error(`no 平潭 ${year} HTML report in ${REPORTS_DIR}`);
  return id;
}

const typeOf = (bytes: Uint8Array) => {
  const declared = sniffHtmlCharset(bytes);
  return declared && declared !== 'utf-8' ? 'text/html' : 'text/html; charset=utf-8';
};

const counts = (r: CheckResult) => countBySeverity(r.findings);
const cross = (r: CheckResult) => r.findings.filter((f) => f.rule.startsWith('cross-year'));

type Chrome = { storage: { local: { get(k: null): Promise<Record<string, unknown>>; set(o: object): Promise<void>; remove(k: string[]): Promise<void> } } };
const stored = () => worker.evaluate(async () => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(null));
const historyKeys = async () => Object.keys(await stored()).filter((k) => k.startsWith('history:'));
async function clearHistory() {
  const keys = await historyKeys();
  await worker.evaluate(async (k) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove(k), keys);
}

/** Texts of the panel's findings. */
const items = (page: Page) => page.evaluate(() => [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('.item .text')].map((n) => n.textContent ?? ''));
const historyLine = (page: Page) =>
  page.evaluate(() => {
    const n = document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-history]');
    return n ? { state: n.getAttribute('data-history'), text: n.textContent ?? '' } : null;
  });

let y1: { id: string; bytes: Uint8Array; result: CheckResult };
let y2: { id: string; bytes: Uint8Array; result: CheckResult };

beforeAll(async () => {
  for (const [year, set] of [
    [2023, (v: typeof y1) => (y1 = v)],
    [2024, (v: typeof y2) => (y2 = v)],
  ] as const) {
    const id = pingtan(year);
    const { bytes } = reportSource(id);
    set({ id, bytes, result: await checkBytes('html', bytes) });
  }
});

async function visit(path: string, bytes: Uint8Array) {
  h.route(path, { body: bytes, type: typeOf(bytes) });
  const page = await h.context.newPage();
  await page.goto(`${h.base}${path}`);
  return { page, got: await hook(page, 30_000) };
}

describe('the report history', () => {
  it('compares the second year with the first: cross-year warnings naming last year’s report (title and link), as the engine gives them', async () => {
    await clearHistory();
    const url1 = `${h.base}/pt/2023.html`;
    const expected2 = historyStep(y2.result, recordOf(y1.result.report!, { source: url1 }));
    // 平潭 2024 breaks the 现行有效 chain with 2023 (470 + 62 − 33 ≠ 440): the test can fail.
    expect(cross(expected2).map((f) => f.rule)).toContain('cross-year-in-force');

    const first = await visit('/pt/2023.html', y1.bytes);
    expect(first.got).toEqual({ state: 'done', ...counts(y1.result) });
    expect((await historyLine(first.page))?.state).toBe('none');
    expect(await historyKeys()).toHaveLength(1);

    const second = await visit('/pt/2024.html', y2.bytes);
    expect(second.got).toEqual({ state: 'done', ...counts(expected2) });
    const line = await historyLine(second.page);
    expect(line?.state).toBe('compared');
    expect(line?.text).toContain(y1.result.report!.title!);
    const texts = await items(second.page);
    const crossTexts = texts.filter((t) => t.includes(url1));
    expect(crossTexts.length).toBe(cross(expected2).length);
    expect(crossTexts.every((t) => t.includes(`《${y1.result.report!.title}》`))).toBe(true);
    // The finding is marked on this year's cell: its badge is on the page, not in the unplaced list.
    const crossBadges = async () =>
      (await second.page.evaluate(() => [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('.badge')].map((b) => b.getAttribute('aria-label') ?? ''))).filter((b) =>
        b.includes(url1),
      ).length;
    await expect.poll(crossBadges, { timeout: 5000 }).toBe(cross(expected2).length);
    await second.page.screenshot({ path: `${ARTIFACTS}/history-panel.png` });
    expect(await historyKeys()).toHaveLength(2);
    // Nothing was requested but the pages and what they reference themselves (the real page's widgets, refused by the harness).
    const foreign = h.requests.filter((r) => /^https?:/.test(r) && !r.startsWith(h.base) && !h.served.some((b) => b.includes(new URL(r).hostname)));
    expect(foreign).toEqual([]);
    await first.page.close();
    await second.page.close();
  });

  it('the popup lists the records, exports them as a JSON file and clears them after a confirmation', async () => {
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const count = popup.locator('[data-history-count]');
    await count.waitFor();
    expect(await count.getAttribute('data-history-count')).toBe('2');
    const list = await popup.locator('[data-history] li').allTextContents();
    expect(list.join('\n')).toContain('平潭综合实验区');
    expect(list.join('\n')).toMatch(/2024[\s\S]*2023/);
    const download = popup.waitForEvent('download');
    await popup.click('[data-action="history-export"]');
    const file = await download;
    const path = await file.path();
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { format: string; records: { year: number }[] };
    expect(doc.format).toBe('nianbao-check-history');
    expect(doc.records.map((r) => r.year)).toEqual([2023, 2024]);
    await popup.click('[data-action="history-clear"]');
    expect(await historyKeys()).toHaveLength(2);
    await popup.click('[data-action="history-clear-confirm"]');
    await expect.poll(historyKeys).toEqual([]);
    expect(await count.getAttribute('data-history-count')).toBe('0');
    // 「导入…」 takes the exported file back, each record validated.
    await popup.setInputFiles('[data-history] input[type="file"]', path);
    await expect.poll(() => count.getAttribute('data-history-count')).toBe('2');
    expect(await historyKeys()).toHaveLength(2);
    await popup.screenshot({ path: `${ARTIFACTS}/history-popup.png`, fullPage: true });
    await popup.close();
  });

  it('offers 「核对上一年度报告」 for the report the page links, fetches it through the background, and compares', async () => {
    await clearHistory();
    const url1 = `${h.base}/pt/2023.html`;
    h.route('/pt/2023.html', { body: y1.bytes, type: typeOf(y1.bytes) });
    // This year's page with a 「往年年报」 list naming last year's report (another year's too).
    const html = new TextDecoder().decode(y2.bytes);
    const linked = new TextEncoder().encode(
      html.replace(/<\/body>/i, `<div class="wnnb">往年年报：<a href="/pt/2023.html">平潭综合实验区2023年度政府信息公开工作年度报告</a> <a href="/pt/2022.html">平潭综合实验区2022年度政府信息公开工作年度报告</a></div></body>`),
    );
    const mine = await checkBytes('html', linked);
    const expected = historyStep(mine, recordOf(y1.result.report!, { source: url1 }));
    const { page, got } = await visit('/pt/2024-linked.html', linked);
    expect(got).toEqual({ state: 'done', ...counts(mine) });
    const offer = page.locator('nianbao-check [data-action="check-previous"]');
    await offer.waitFor();
    expect(await offer.getAttribute('title')).toBe(url1);
    await offer.click();
    await page.waitForFunction(() => document.querySelector('nianbao-check')?.shadowRoot?.querySelector('[data-history="compared"]'), undefined, { timeout: 30_000 });
    const after = await page.evaluate(() => {
      const host = document.querySelector('nianbao-check')!;
      return { errors: Number(host.getAttribute('data-errors')), warnings: Number(host.getAttribute('data-warnings')), infos: Number(host.getAttribute('data-infos')) };
    });
    expect(after).toEqual(counts(expected));
    expect((await items(page)).filter((t) => t.includes(url1)).length).toBe(cross(expected).length);
    expect(await historyKeys()).toHaveLength(2);
    await page.close();
  });

  it('through the site’s list of reports (「往年年报」): last year’s report is found there, fetched, checked and compared', async () => {
    await clearHistory();
    const url1 = `${h.base}/pt3/2023.html`;
    h.route('/pt3/2023.html', { body: y1.bytes, type: typeOf(y1.bytes) });
    h.route('/pt3/list.html', {
      body: `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul><li><a href="2024.html">平潭综合实验区2024年度政府信息公开工作年度报告</a></li><li><a href="./2023.html">平潭综合实验区2023年度政府信息公开工作年度报告</a></li></ul></body></html>`,
    });
    const html = new TextDecoder().decode(y2.bytes);
    const linked = new TextEncoder().encode(html.replace(/<\/body>/i, `<p><a href="/pt3/list.html">往年年报</a></p></body>`));
    const mine = await checkBytes('html', linked);
    const expected = historyStep(mine, recordOf(y1.result.report!, { source: url1 }));
    const { page } = await visit('/pt3/2024.html', linked);
    const offer = page.locator('nianbao-check [data-action="check-previous"]');
    await offer.waitFor();
    expect(await offer.getAttribute('title')).toBe(`${h.base}/pt3/list.html`);
    await offer.click();
    await page.waitForFunction(() => document.querySelector('nianbao-check')?.shadowRoot?.querySelector('[data-history="compared"]'), undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => Number(document.querySelector('nianbao-check')!.getAttribute('data-warnings')))).toBe(counts(expected).warnings);
    expect((await items(page)).filter((t) => t.includes(url1)).length).toBe(cross(expected).length);
    await page.close();
  });

  it('in the viewer too: 洪泽区 2024’s PDF is compared with 2023’s, opened before it', async () => {
    await clearHistory();
    const files = ['002', '003'].map((id) => `${REPORTS_DIR}${id}/source.pdf`);
    const [r1, r2] = [await checkInput(files[0], false), await checkInput(files[1], false)];
    expect([r1.report?.year, r2.report?.year]).toEqual([2023, 2024]);
    const urls = [`${h.base}/hz/2023.pdf`, `${h.base}/hz/2024.pdf`];
    const expected2 = historyStep(r2, recordOf(r1.report!, { source: urls[0] }));
    const tabs: Page[] = [];
    for (const [i, r] of [r1, expected2].entries()) {
      h.route(`/hz/${2023 + i}.pdf`, { body: readFileSync(files[i]), type: 'application/pdf' });
      const tab = await h.context.newPage();
      await tab.goto(`chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(urls[i])}`);
      expect(await hook(tab, 90_000)).toEqual({ state: 'done', ...counts(r) });
      tabs.push(tab);
    }
    const line = await historyLine(tabs[1]);
    expect(line?.state).toBe('compared');
    expect(line?.text).toContain(r1.report!.title!);
    expect((await items(tabs[1])).filter((t) => t.includes(urls[0])).length).toBe(cross(expected2).length);
    expect(await historyKeys()).toHaveLength(2);
    for (const t of tabs) await t.close();
  });

  it('a linked PDF of last year: 「核对上一年度报告」 opens it in the viewer, and the page is compared once the viewer kept it', async () => {
    await clearHistory();
    const [pdf, txt] = [`${REPORTS_DIR}002/source.pdf`, `${REPORTS_DIR}003/source.txt`];
    const r1 = await checkInput(pdf, false);
    const pdfUrl = `${h.base}/hz2/2023.pdf`;
    h.route('/hz2/2023.pdf', { body: readFileSync(pdf), type: 'application/pdf' });
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const text = readFileSync(txt, 'utf8');
    // The report's own title, printed over two lines (body, then year and report words).
    const title = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join('');
    const html = new TextEncoder().encode(
      `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><pre>${escape(text)}</pre><p>往年年报：<a href="/hz2/2023.pdf">洪泽区人民政府2023年政府信息公开工作年度报告.pdf</a></p></body></html>`,
    );
    const mine = await checkBytes('html', html);
    expect(mine.report?.year).toBe(2024);
    const { page, got } = await visit('/hz2/2024.html', html);
    expect(got).toEqual({ state: 'done', ...counts(mine) });
    const offer = page.locator('nianbao-check [data-action="check-previous"]');
    await offer.waitFor();
    const opened = h.context.waitForEvent('page');
    await offer.click();
    const viewer = await opened;
    expect(await hook(viewer, 90_000)).toEqual({ state: 'done', ...counts(r1) });
    await page.waitForFunction(() => document.querySelector('nianbao-check')?.shadowRoot?.querySelector('[data-history="compared"]'), undefined, { timeout: 30_000 });
    const expected = historyStep(mine, recordOf(r1.report!, { source: pdfUrl }));
    const host = await page.evaluate(() => Number(document.querySelector('nianbao-check')!.getAttribute('data-warnings')));
    expect(host).toBe(counts(expected).warnings);
    expect((await historyLine(page))?.text).toContain(r1.report!.title!);
    await viewer.close();
    await page.close();
  });

  it('switched off in the popup: nothing is kept, no cross-year finding, no history line', async () => {
    await clearHistory();
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const box = popup.locator('[data-setting="history"]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await expect.poll(async () => ((await stored()).settings as { history?: boolean } | undefined)?.history).toBe(false);
    await popup.close();
    for (const [path, y] of [
      ['/off/2023.html', y1],
      ['/off/2024.html', y2],
    ] as const) {
      const { page, got } = await visit(path, y.bytes);
      expect(got).toEqual({ state: 'done', ...counts(y.result) });
      expect(await historyLine(page)).toBeNull();
      expect((await items(page)).some((t) => t.includes('/off/2023.html'))).toBe(false);
      await page.close();
    }
    expect(await historyKeys()).toEqual([]);
  });
});
