// The Firefox build (MV2) in Debian's firefox-esr, driven over WebDriver BiDi: the same cases as
// the Chromium e2e (test/e2e/cases.ts): it marks every seed layout and every real report with the
// command line's counts, leaves the host page untouched, survives hostile pages, talks to no one,
// reads table pictures in its background page (Firefox has no offscreen documents), shows its
// popup, and cancels picture reading without an error in the background page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countBySeverity } from '../../lib/check';
import { nodeRecognizer, type NodeRecognizer } from '../../lib/ocr/node';
import { COL, baseReport, t3row } from '../fixtures/base';
import { STYLES, withBrowser } from '../fixtures/images';
import { checkPicturePage, picturePage, type PicturePage } from '../fixtures/picture-page';
import { layoutOf, loadSeed } from '../fixtures/render';
import {
  HOSTILE_TEXT,
  STRICT_CSP,
  expectedHook,
  hostilePage,
  iframeOuterPage,
  lateBodyPage,
  newsPage,
  reportCases,
  seedCases,
  siteTitledPage,
  typeOf,
  unexplained,
} from './cases';
import { extensionPageOpened, firefoxHook as hook, launchFirefox, type FirefoxHarness } from './firefox-harness';
import { ROOT } from './harness';

const ARTIFACTS = join(ROOT, 'artifacts/e2e');
mkdirSync(ARTIFACTS, { recursive: true });

/** Totals that no longer add up: 「（一）予以公开」 for natural persons, 3 more than it should be. */
function wrongReport() {
  const wrong = baseReport();
  const row = t3row(wrong, 'c');
  row.values[COL.natural] = String(Number(row.values[COL.natural]) + 3);
  return wrong;
}

let h: FirefoxHarness;
let rec: NodeRecognizer;
const pictures: Record<string, PicturePage> = {};

beforeAll(async () => {
  // The pictures are test input only: drawn once by the fixtures' renderer (Chromium), read here by Firefox.
  await withBrowser(async (b) => {
    pictures.seed001 = await picturePage(b, loadSeed('001'), STYLES[0], '/p001');
    pictures.clean = await picturePage(b, baseReport(), STYLES[1], '/pclean');
    pictures.wrong = await picturePage(b, wrongReport(), STYLES[0], '/pwrong');
  });
  [h, rec] = await Promise.all([launchFirefox(), nodeRecognizer()]);
}, 240_000);
afterAll(async () => {
  await Promise.all([h?.close(), rec?.close()]);
});

// Any uncaught error or unhandled rejection of ours (background page, content scripts, extension
// pages), as Firefox reports it, fails the test during which it came.
let seen = 0;
afterEach(() => {
  const fresh = h.errors.slice(seen);
  seen = h.errors.length;
  expect(fresh).toEqual([]);
});

async function open(path: string, body: Uint8Array | string, kind: 'text' | 'html', headers?: Record<string, string>) {
  h.route(path, { body, type: typeOf(kind, body), headers });
  const page = await h.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // A real page's third-party frame (refused) may make the navigation reject; the page itself is there.
  await page.goto(`${h.base}${path}`).catch((e: Error) => {
    if (!/Address rejected|NS_ERROR/.test(e.message)) throw e;
  });
  return { page, errors, dialogs };
}

const inShadow = <T,>(page: Page, fn: (root: ShadowRoot) => T) =>
  page.evaluate((src: string) => new Function('root', `return (${src})(root)`)(document.querySelector('nianbao-check')!.shadowRoot!), fn.toString()) as Promise<T>;

describe('seeds in every layout, and the real reports, with the command line\'s counts', () => {
  for (const c of [...seedCases(), ...reportCases()])
    it(c.name, async () => {
      const expected = await expectedHook(c.kind, c.bytes);
      const { page, errors } = await open(c.path, c.bytes, c.kind);
      expect(await hook(page)).toEqual(expected);
      // Our code runs in content scripts; page errors can only be the page's own scripts (real pages have some).
      if (!c.ownScripts) expect(errors).toEqual([]);
      await page.close();
    });
});

describe('the host page stays untouched', () => {
  const serialize = (page: Page) =>
    page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true) as Element;
      clone.querySelectorAll('nianbao-check').forEach((n) => n.remove());
      return clone.outerHTML;
    });

  it('serialises exactly as without the extension, but for our one host element', async () => {
    const { kind, bytes } = layoutOf('003', 'cms');
    const { page } = await open('/untouched/003.html', bytes, kind);
    await hook(page);
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(1);
    const ours = await serialize(page);
    // The same page where the extension does not run (a host outside *.gov.cn).
    const plain = await h.newPage();
    await plain.goto(`${h.base.replace('report.test.gov.cn', 'test.example')}/untouched/003.html`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await plain.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    expect(ours).toBe(await serialize(plain));
    await page.close();
    await plain.close();
  });

  it('adds nothing to a long page that is not a report', async () => {
    const { page, errors } = await open('/news.html', newsPage(), 'html');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('picks up a report that arrives late (AJAX-loaded CMS body), also under a site-titled shell', async () => {
    for (const [path, html] of [
      ['/late.html', lateBodyPage()],
      ['/site-titled-late.html', lateBodyPage('正文_某某县人民政府')],
      ['/site-titled.html', siteTitledPage()],
    ]) {
      const { page } = await open(path, html, 'html');
      expect((await hook(page, 15_000)).state).toBe('done');
      await page.close();
    }
  });

  it('finds a report shown inside an iframe', async () => {
    const { bytes } = layoutOf('002', 'word');
    h.route('/inner.html', { body: bytes, type: 'text/html' });
    const { page } = await open('/outer.html', iframeOuterPage('/inner.html'), 'html');
    await page.waitForFrame((f) => f.url().endsWith('/inner.html'), { timeout: 10_000 });
    const frame = page.frames().find((f) => f.url().endsWith('/inner.html'))!;
    await frame.waitForSelector('nianbao-check[data-nianbao-state="done"]', { timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    await page.close();
  });
});

describe('hostile pages', () => {
  it('works under a strict Content-Security-Policy', async () => {
    const { kind, bytes } = layoutOf('001', 'word');
    const { page } = await open('/csp.html', bytes, kind, STRICT_CSP);
    expect(await hook(page)).toEqual(await expectedHook(kind, bytes));
    const panel = await inShadow(page, (root) => {
      const p = root.querySelector('[data-panel]') as HTMLElement;
      const cs = getComputedStyle(p);
      return { position: cs.position, display: cs.display, width: p.getBoundingClientRect().width };
    });
    expect(panel).toEqual({ position: 'fixed', display: 'flex', width: 380 });
    await page.close();
  });

  it('keeps page CSS out of our UI and renders hostile text as text', async () => {
    const { page, dialogs } = await open('/hostile.html', hostilePage(), 'html');
    expect((await hook(page)).state).toBe('done');
    await page.waitForFunction(() => !!document.querySelector('nianbao-check')?.shadowRoot?.querySelector('.badge'), { timeout: 5000 });
    const ui = await inShadow(page, (root) => {
      const p = root.querySelector('[data-panel]') as HTMLElement;
      const cs = getComputedStyle(p);
      return { position: cs.position, fontSize: cs.fontSize, images: root.querySelectorAll('img').length, text: p.textContent ?? '', badges: root.querySelectorAll('.badge').length };
    });
    expect(ui.position).toBe('fixed');
    expect(ui.fontSize).toBe('14px');
    expect(ui.images).toBe(0);
    expect(ui.text).toContain(HOSTILE_TEXT);
    expect(ui.badges).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-hostile-css.png') });
    await page.close();
  });

  it('keeps the card and the panel inside the window (Firefox\'s scrollbar included), and highlights text', async () => {
    const { kind, bytes } = layoutOf('003', 'cms');
    const { page } = await open('/marks/003.html', bytes, kind);
    await hook(page);
    await page.waitForFunction(() => !!document.querySelector('nianbao-check')?.shadowRoot?.querySelector('.badge'), { timeout: 5000 });
    await inShadow(page, (root) => (root.querySelector('.badge') as HTMLElement).click());
    await page.waitForFunction(() => !!document.querySelector('nianbao-check')?.shadowRoot?.querySelector('.card'), { timeout: 5000 });
    const box = await inShadow(page, (root) => {
      const r = (sel: string) => root.querySelector(sel)!.getBoundingClientRect().right;
      return { card: r('.card'), panel: r('[data-panel]'), width: document.documentElement.clientWidth, text: root.querySelector('.card')!.textContent };
    });
    expect(box.card).toBeLessThanOrEqual(box.width);
    expect(box.panel).toBeLessThanOrEqual(box.width);
    expect(box.text).toBeTruthy();
    // Text marks: Firefox ESR has the CSS Custom Highlight API; our content script's highlights land
    // in the page's own registry (one per document), painted by the sheet adopted into the document.
    const marks = await page.evaluate(() => ({
      ranges: [...CSS.highlights.entries()].filter(([name]) => name.startsWith('nianbao-')).reduce((n, [, hl]) => n + hl.size, 0),
      sheet: [...document.adoptedStyleSheets].some((sh) => [...sh.cssRules].some((r) => r.cssText.includes('::highlight(nianbao-'))),
    }));
    expect(marks.ranges).toBeGreaterThan(0);
    expect(marks.sheet).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-seed-003-cms-card.png') });
    await page.close();
  });
});

describe('tables published as pictures, read in the background page', () => {
  const openPictures = async (path: string, page: PicturePage) => {
    for (const [p, bytes] of page.pictures) h.route(p, { body: bytes, type: 'image/png' });
    return (await open(path, page.html, 'html')).page;
  };

  it('finds what the engine finds in Node, with the pictures read in the extension', async () => {
    const expected = countBySeverity((await checkPicturePage(pictures.seed001, rec)).findings);
    const tab = await openPictures('/pictures/001.html', pictures.seed001);
    expect(await hook(tab, 90_000)).toEqual({ state: 'done', ...expected });
    expect(await tab.evaluate(() => document.querySelector('nianbao-check')!.getAttribute('data-pictures-read'))).toBe('3');
    await tab.close();
  }, 120_000);

  it('shows progress and can be cancelled, with no error in the background page', async () => {
    const tab = await openPictures('/pictures/cancel.html', pictures.clean);
    await tab.waitForFunction(() => !!document.querySelector('nianbao-check')?.shadowRoot?.querySelector('[data-progress]'), { timeout: 20_000 });
    expect(await inShadow(tab, (root) => root.querySelector('[data-progress]')!.textContent)).toMatch(/正在识别图片表格 1\/3…/);
    // At once: the background page's OCR workers are still starting (where the reported error came:
    // the first picture's reading went on to a worker the cancel had already terminated).
    await inShadow(tab, (root) => (root.querySelector('[data-cancel]') as HTMLElement).click());
    expect((await hook(tab, 30_000)).errors).toBe(0);
    const read = Number(await tab.evaluate(() => document.querySelector('nianbao-check')!.getAttribute('data-pictures-read')));
    const notices = await inShadow(tab, (root) => [...root.querySelectorAll('.notice')].map((n) => n.textContent ?? ''));
    expect(read).toBeLessThan(3);
    expect(notices.length).toBe(3 - read);
    for (const n of notices) expect(n).toMatch(/已取消识别/);
    // The workers' end reaches the background page a moment later: wait for it before afterEach looks.
    await new Promise((r) => setTimeout(r, 2000));
    await tab.close();
  }, 90_000);

  // After the cancel above: reading works again.
  it('reads the picture the user asks for (context menu) on a page that is not a report', async () => {
    const src = '/pwrong/t3.png';
    h.route(src, { body: pictures.wrong.pictures.get(src)!, type: 'image/png' });
    const url = `${h.base}/news/picture.html`;
    const { page: tab } = await open('/news/picture.html', `<html><head><title>图片新闻</title></head><body><p>图片新闻</p><img src="${src}"></body></html>`, 'html');
    await new Promise((r) => setTimeout(r, 800));
    expect(await tab.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    // What the background does on 「识别此图片中的年报表格」 (Firefox's own menu cannot be clicked over BiDi).
    await h.inExtension(
      async ([pageUrl, picture]) => {
        type Api = { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> }; scripting: { executeScript(o: object): Promise<unknown> } };
        const c = (globalThis as unknown as { browser: Api }).browser;
        // Firefox's match patterns take no port: the tab is found by its address instead.
        const t = (await c.tabs.query({})).find((x) => x.url === pageUrl)!;
        await c.scripting.executeScript({ target: { tabId: t.id }, func: (p: string) => void Object.assign(globalThis, { __nianbaoForce: true, __nianbaoPicture: p }), args: [picture] });
        await c.scripting.executeScript({ target: { tabId: t.id }, files: ['/engine.js'] });
        await c.scripting.executeScript({ target: { tabId: t.id }, files: ['/ui.js'] });
      },
      [url, `${h.base}${src}`] as const,
    );
    expect((await hook(tab, 60_000)).state).toBe('done');
    const rules = await inShadow(tab, (root) => [...root.querySelectorAll('.item .text')].map((n) => n.textContent ?? ''));
    // Table 三 alone: its arithmetic is checked, the report-level rules (sections) are not.
    expect(rules.some((t) => /予以公开/.test(t))).toBe(true);
    expect(rules.some((t) => /缺少第/.test(t))).toBe(false);
    await tab.close();
  }, 90_000);
});

/** An extension page reloads itself (BiDi may not navigate to moz-extension://). */
async function reload(page: Page) {
  await page.evaluate(() => location.reload());
  await page.waitForFunction(() => document.readyState === 'complete' && !!document.querySelector('[data-action="check"]'), { timeout: 10_000 });
}

/** Picks a language as a user does (puppeteer's select() checks the element against another realm's HTMLSelectElement after a reload). */
const choose = (page: Page, value: string) =>
  page.evaluate((v: string) => {
    const select = document.querySelector('select')!;
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);

describe('the popup', () => {
  it('shows the tab\'s summary, 「检查此页」 checks a page the detector left alone, and the language setting holds', async () => {
    const { kind, bytes } = layoutOf('002', 'word');
    const expected = await expectedHook(kind, bytes);
    const { page: report } = await open('/popup/002.html', bytes, kind);
    expect(await hook(report)).toEqual(expected);
    // The popup as a tab of its own (BiDi cannot open the toolbar's), the report tab active beside it:
    // the popup asks for the active tab of its window.
    const known = new Set(await h.browser.pages());
    await h.inExtension(() => (globalThis as unknown as { browser: { tabs: { create(o: object): Promise<unknown> } } }).browser.tabs.create({ url: '/popup.html', active: false }), null);
    const popup = await extensionPageOpened(h.browser, known, `${h.extensionBase}/popup.html`);
    await report.bringToFront();
    await reload(popup);
    await popup.waitForSelector('[data-summary="done"]', { timeout: 10_000 });
    const summary = await popup.$eval('[data-summary]', (n) => n.textContent ?? '');
    expect(summary).toContain(`${expected.errors} 错误`);
    expect(summary).toContain(`${expected.warnings} 警告`);
    expect(await popup.$eval('[data-action="check"]', (n) => n.textContent)).toBe('检查此页');
    await report.close();

    // 「检查此页」 on a gov.cn page the detector does not take for a report: nothing of ours was there,
    // the click loads the engine into it (forced: it reads whatever the page holds) and it settles.
    const { page: news } = await open('/popup/news.html', newsPage(20_000), 'html');
    await new Promise((r) => setTimeout(r, 800));
    expect(await news.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    await news.bringToFront();
    await reload(popup);
    await popup.waitForSelector('[data-action="check"]');
    await popup.$eval('[data-action="check"]', (n) => (n as HTMLElement).click());
    expect(['done', 'not-report']).toContain((await hook(news, 15_000)).state);
    await news.close();

    await choose(popup, 'en');
    await popup.waitForFunction(() => document.querySelector('[data-action="check"]')?.textContent === 'Check this page', { timeout: 5000 });
    await reload(popup);
    await popup.waitForFunction(() => document.querySelector('[data-action="check"]')?.textContent === 'Check this page', { timeout: 5000 });
    await choose(popup, 'zh');
    await popup.waitForFunction(() => document.querySelector('[data-action="check"]')?.textContent === '检查此页', { timeout: 5000 });
    await popup.close();
  });
});

describe('nothing is sent', () => {
  it('the sink sees what a page asks of another host (so its silence below means something)', async () => {
    const html = '<html><head><title>外链</title></head><body><img src="http://cdn.elsewhere.example/pixel.png"></body></html>';
    h.route('/elsewhere.html', { body: html, type: 'text/html; charset=utf-8' });
    const page = await h.newPage();
    await page.goto(`${h.base.replace('report.test.gov.cn', 'test.example')}/elsewhere.html`);
    await expect.poll(() => h.foreign.some((u) => u.startsWith('http://cdn.elsewhere.example/pixel.png')), { timeout: 5000 }).toBe(true);
    await page.close();
  });

  it('sends no request to any host other than the test server', () => {
    // Firefox's own Remote Settings polls go to the sink directly (services.settings.server) and are
    // not in `foreign`; everything else that left for another host went through the proxy sink.
    expect(unexplained(h.foreign, h.served)).toEqual([]);
    expect(h.requests.some((u) => u.startsWith('moz-extension:') && !u.startsWith(h.extensionBase))).toBe(false);
  });
});
