// Report files linked from pages, in the built extension: the 「在年报核查中打开」 controls appear in our
// shadow root at their links (nothing added to the page's flow), a click opens our viewer next to
// the page with the file and the page as its referrer, the link context-menu item exists, a tab
// showing a PDF gets the 「PDF」 badge, and the automatic gov.cn PDF setting sends PDFs to the viewer.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentPage } from '../fixtures/attachment-pages';
import { layoutOf } from '../fixtures/render';
import { ROOT, launch, type Harness } from './harness';

const ARTIFACTS = join(ROOT, 'artifacts/e2e');
mkdirSync(ARTIFACTS, { recursive: true });

let h: Harness;
let worker: Worker;
beforeAll(async () => {
  h = await launch();
  worker = h.context.serviceWorkers()[0];
}, 180_000);
afterAll(async () => {
  await h?.close();
});

/** The smallest PDF a viewer opens: one empty page. */
function tinyPdf(): Uint8Array {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** The page's DOM without our host element, to compare with the page where the extension is idle. */
const serialize = (page: Page) =>
  page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    clone.querySelectorAll('nianbao-check').forEach((n) => n.remove());
    return clone.outerHTML;
  });

/** Our controls as drawn: their file, their box, and the box of the link they stand for. */
const controls = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('nianbao-check')?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLElement>('.att-open') ?? [])].map((b) => {
      const r = b.getBoundingClientRect();
      return { url: b.dataset.url!, text: b.textContent, box: { x: r.x, y: r.y, w: r.width, h: r.height } };
    });
  });

const waitControls = (page: Page, n: number) =>
  page.waitForFunction((k) => (document.querySelector('nianbao-check')?.shadowRoot?.querySelectorAll('.att-open').length ?? 0) >= k, n, { timeout: 15_000 });

/** The badge text of the tab showing `url`, as the background set it. */
const badgeOf = (url: string) =>
  worker.evaluate(async (u) => {
    type Api = { tabs: { query(q: object): Promise<{ id: number }[]> }; action: { getBadgeText(o: object): Promise<string> } };
    const c = (globalThis as unknown as { chrome: Api }).chrome;
    const [t] = await c.tabs.query({ url: u });
    return t ? c.action.getBadgeText({ tabId: t.id }) : null;
  }, url);

describe('attachment controls', () => {
  it('on a report page: a control at its attachment link, the page untouched, a click opens the viewer beside it', async () => {
    const { bytes } = layoutOf('001', 'word');
    const file = `${h.base}/zfxxgk/202401/P020240115391620145127.pdf`;
    const attachment = `<div class="article_attachment"><p>附件：<a appendix="true" data-appendix="true" href="./202401/P020240115391620145127.pdf" title="P020240115391620145127.pdf">P020240115391620145127.pdf</a></p></div>`;
    const html = new TextDecoder().decode(bytes).replace('</body>', `${attachment}</body>`);
    h.route('/zfxxgk/report.html', { body: html });
    const page = await h.context.newPage();
    const url = `${h.base}/zfxxgk/report.html`;
    await page.goto(url);
    await page.waitForSelector('nianbao-check[data-nianbao-state="done"]', { state: 'attached', timeout: 20_000 });
    await waitControls(page, 1);
    const [control] = await controls(page);
    expect(control.url).toBe(file);
    expect(control.text).toBe('在年报核查中打开');
    // Beside the link: just right of it, on its line.
    const link = await page.evaluate(() => {
      const r = document.querySelector('a[appendix]')!.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    });
    expect(control.box.x).toBeGreaterThanOrEqual(link.x + link.w);
    expect(control.box.x).toBeLessThan(link.x + link.w + 12);
    expect(Math.abs(control.box.y + control.box.h / 2 - (link.y + link.h / 2))).toBeLessThan(6);
    // The report UI and the controls share the one host.
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(1);
    expect(await page.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('[data-part]').length)).toBe(2);
    // Nothing in the page's flow: the same DOM as where the extension is idle.
    const plain = await h.context.newPage();
    await plain.goto(url.replace('report.test.gov.cn', 'test.example'));
    await plain.waitForTimeout(300);
    expect(await serialize(page)).toBe(await serialize(plain));
    await plain.close();
    // It follows reflow: the link moves down, so does the control.
    await page.evaluate(() => ((document.querySelector('.article_attachment') as HTMLElement).style.paddingTop = '80px'));
    await page.waitForFunction((y) => {
      const b = document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.att-open')!.getBoundingClientRect();
      return b.y > y + 60;
    }, control.box.y);
    // A click opens the viewer in a new tab, the file and this page as its referrer.
    const opened = h.context.waitForEvent('page');
    await page.evaluate(() => (document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.att-open') as HTMLElement).click());
    const viewer = await opened;
    const viewerAt = `chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(file)}&ref=${encodeURIComponent(url)}`;
    expect(viewer.url()).toBe(viewerAt);
    // Next to the page's tab, opened by it.
    const tabs = await worker.evaluate(
      async ([pageUrl, viewerUrl]) => {
        type Tab = { id: number; index: number; openerTabId?: number; windowId: number };
        const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }).chrome;
        const [p] = await c.tabs.query({ url: pageUrl });
        // Our own page's address is not shown to us without the tabs permission in every Chromium: by its URL where shown, else as the tab the page opened.
        const all = await c.tabs.query({});
        const v = all.find((t) => (t as Tab & { url?: string }).url === viewerUrl) ?? all.find((t) => t.openerTabId === p.id && (t as Tab & { url?: string }).url === undefined);
        return { page: p, viewer: v };
      },
      [url, viewerAt] as const,
    );
    expect(tabs.viewer?.index).toBe(tabs.page.index + 1);
    expect(tabs.viewer?.openerTabId).toBe(tabs.page.id);
    await viewer.close();
    await page.close();
  });

  it('on a report list page: the light script draws a control at every report file, and no engine', async () => {
    const list = attachmentPage(7, 'list', h.base);
    expect(list.expected.length).toBeGreaterThan(3);
    h.route(new URL(list.url).pathname, { body: list.html });
    const page = await h.context.newPage();
    await page.goto(list.url);
    await waitControls(page, list.expected.length);
    const drawn = await controls(page);
    expect(drawn.map((c) => c.url)).toEqual(list.expected.map((e) => e.url));
    // Each at its own link, on its line.
    const links = await page.evaluate((urls) => urls.map((u) => {
      const a = [...document.querySelectorAll('a')].find((x) => x.href === u)!;
      const r = a.getBoundingClientRect();
      return { x: r.x + r.width, y: r.y + r.height / 2 };
    }), drawn.map((c) => c.url));
    drawn.forEach((c, i) => {
      expect(Math.abs(c.box.x - links[i].x - 4)).toBeLessThan(3);
      expect(Math.abs(c.box.y + c.box.h / 2 - links[i].y)).toBeLessThan(6);
    });
    const host = await page.evaluate(() => {
      const el = document.querySelector('nianbao-check')!;
      return { state: el.getAttribute('data-nianbao-state'), count: el.getAttribute('data-attachments') };
    });
    expect(host).toEqual({ state: null, count: String(list.expected.length) });
    await page.evaluate(() => document.querySelector('.list')!.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, 'attachments-list.png') });
    await page.close();
  });

  it('in a list that scrolls in its own box: controls only for the links shown, following its scroll', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `<li style="height:30px"><a href="/nb/2023/unit${i}.pdf">单位${i}</a></li>`).join('');
    h.route('/nb/index.html', { body: `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul id="box" style="height:120px;overflow:auto;margin:0;padding:0">${rows}</ul></body></html>` });
    const page = await h.context.newPage();
    await page.goto(`${h.base}/nb/index.html`);
    await waitControls(page, 1);
    const shown = async () => (await controls(page)).map((c) => c.url.split('/').pop());
    expect(await shown()).toEqual(['unit0.pdf', 'unit1.pdf', 'unit2.pdf', 'unit3.pdf']);
    await page.evaluate(() => (document.getElementById('box')!.scrollTop = 300));
    await page.waitForFunction(() => [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll<HTMLElement>('.att-open')].some((b) => b.dataset.url!.endsWith('unit10.pdf')));
    const [link, control] = await page.evaluate(() => [
      document.querySelector('a[href$="unit10.pdf"]')!.getBoundingClientRect().y,
      document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.att-open[data-url$="unit10.pdf"]')!.getBoundingClientRect().y,
    ]);
    expect(Math.abs(control - link)).toBeLessThan(8);
    expect((await shown()).includes('unit0.pdf')).toBe(false);
    await page.close();
  });

  it('leaves a page that links no report file alone', async () => {
    const news = attachmentPage(6, 'news', h.base);
    expect(news.expected).toEqual([]);
    h.route(new URL(news.url).pathname, { body: news.html });
    const page = await h.context.newPage();
    await page.goto(news.url);
    await page.waitForTimeout(1200);
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    await page.close();
  });

  it('adds the link context-menu item', async () => {
    const exists = (id: string) =>
      worker.evaluate(async (i) => {
        const c = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, o: object): Promise<void> } } }).chrome;
        return c.contextMenus.update(i, {}).then(
          () => true,
          () => false,
        );
      }, id);
    expect(await exists('open-link')).toBe(true);
    expect(await exists('no-such-item')).toBe(false);
  });
});

describe('PDF tabs', () => {
  it('a tab showing a PDF gets the 「PDF」 badge, the popup is told its address, and opens a local file', async () => {
    h.route('/files/report.pdf', { body: tinyPdf(), type: 'application/pdf' });
    const url = `${h.base}/files/report.pdf`;
    const page = await h.context.newPage();
    await page.goto(url).catch(() => {});
    await expect.poll(() => badgeOf(url), { timeout: 10_000 }).toBe('PDF');
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const info = await popup.evaluate(async (u) => {
      type Api = { tabs: { query(q: object): Promise<{ id: number }[]> }; runtime: { sendMessage(m: object): Promise<unknown> } };
      const c = (globalThis as unknown as { chrome: Api }).chrome;
      const [t] = await c.tabs.query({ url: u });
      return c.runtime.sendMessage({ type: 'tab-info', tabId: t.id });
    }, url);
    expect(info).toEqual({ pdf: url, redirectSupported: true });
    // 「打开本地文件…」: the viewer alone (its file picker).
    expect(await popup.textContent('[data-action="open-local"]')).toBe('打开本地文件…');
    const opened = h.context.waitForEvent('page');
    await popup.click('[data-action="open-local"]');
    expect((await opened).url()).toBe(`chrome-extension://${h.extensionId}/viewer.html`);
    if (!popup.isClosed()) await popup.close();
    await page.close();
  });

  it('with the setting on, a gov.cn PDF opens in the viewer; off again, in the browser', async () => {
    // A redirect to an extension page is followed only when the page is web-accessible to the
    // request's initiator: any site may link a gov.cn PDF (a search engine's result).
    const manifest = await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }).chrome.runtime.getManifest());
    const war = (manifest as { web_accessible_resources?: { resources: string[]; matches: string[] }[] }).web_accessible_resources ?? [];
    expect(war.some((w) => w.resources.includes('viewer.html') && w.matches.includes('<all_urls>')), 'wxt.config.ts: web_accessible_resources [{ resources: ["viewer.html"], matches: ["<all_urls>"] }]').toBe(true);
    h.route('/files/auto.pdf', { body: tinyPdf(), type: 'application/pdf' });
    h.route('/files/octet', { body: tinyPdf(), type: 'application/octet-stream', headers: { 'content-disposition': `inline; filename="2023nb.pdf"; filename*=UTF-8''${encodeURIComponent('2023年报.pdf')}` } });
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const box = popup.locator('[data-setting="autoPdfGov"]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.check();
    const ruleCount = () =>
      worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<{ id: number }[]> } } }).chrome;
        return (await c.declarativeNetRequest.getDynamicRules()).filter((r) => r.id < 100).length;
      });
    await expect.poll(ruleCount, { timeout: 5000 }).toBeGreaterThan(0);
    const tab = await h.context.newPage();
    for (const path of ['/files/auto.pdf', '/files/octet']) {
      const url = `${h.base}${path}`;
      await tab.goto(url).catch(() => {});
      await tab.waitForURL(/viewer\.html/, { timeout: 10_000 });
      expect(tab.url()).toBe(`chrome-extension://${h.extensionId}/viewer.html?raw=1&ref=&src=${url}`);
    }
    // Linked from another site (a search engine's result): the viewer must be reachable from any page.
    const elsewhere = h.base.replace('report.test.gov.cn', 'test.example');
    h.route('/links.html', { body: `<html><body><a id="go" href="${h.base}/files/auto.pdf">2023年年报</a></body></html>` });
    await tab.goto(`${elsewhere}/links.html`);
    await tab.click('#go').catch(() => {});
    await tab.waitForURL(/viewer\.html/, { timeout: 10_000 });
    expect(tab.url()).toBe(`chrome-extension://${h.extensionId}/viewer.html?raw=1&ref=&src=${h.base}/files/auto.pdf`);
    await box.uncheck();
    await expect.poll(ruleCount, { timeout: 5000 }).toBe(0);
    await tab.goto(`${h.base}/files/auto.pdf`).catch(() => {});
    await tab.waitForTimeout(500);
    expect(tab.url()).toBe(`${h.base}/files/auto.pdf`);
    await tab.close();
    await popup.close();
  });
});
