// The viewer (viewer.html) in the built extension in Chromium: files opened from ?src=, from the
// file picker, and files we cannot read. Its counts must be the command line's on the same file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countBySeverity } from '../../lib/findings';
import { checkInput } from '../../lib/cli/main';
import { REPORTS_DIR } from '../helpers';
import { hook, launch, type Harness } from './harness';

const SHARED = REPORTS_DIR;
const REAL = ['001', '002', '003'].map((id) => ({ id, path: join(SHARED, id, 'source.pdf') }));

let h: Harness;
beforeAll(async () => {
  h = await launch();
}, 240_000);
afterAll(async () => {
  await h?.close();
});

const viewerUrl = (src: string, ref?: string) => `chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(src)}${ref ? `&ref=${encodeURIComponent(ref)}` : ''}`;

async function openViewer(path: string, body: Uint8Array, type = 'application/pdf'): Promise<Page> {
  h.route(path, { body, type });
  const tab = await h.context.newPage();
  await tab.goto(viewerUrl(`${h.base}${path}`, `${h.base}/list.html`));
  return tab;
}

/** Marks drawn in our shadow root: badges on the pages, and how many findings the panel could not place. */
const marksOf = (tab: Page) =>
  tab.evaluate(() => {
    const root = document.querySelector('nianbao-check')!.shadowRoot!;
    return { badges: root.querySelectorAll('.badge').length, boxes: root.querySelectorAll('.box').length, pages: document.querySelectorAll('#viewer .page').length };
  });

describe('viewer on the real PDFs', () => {
  for (const { id, path } of REAL) {
    it(`${id}: the command line's counts, only the file requested, the linking page as Referer`, async () => {
      const cli = countBySeverity((await checkInput(path, false)).findings);
      const before = h.requests.length;
      const tab = await openViewer(`/r${id}.pdf`, readFileSync(path));
      const got = await hook(tab, 60_000);
      expect(got).toEqual({ state: 'done', ...cli });
      const asked = h.requests.slice(before).filter((u) => !u.startsWith('chrome-extension:'));
      expect(asked).toEqual([`${h.base}/r${id}.pdf`]);
      expect(h.headersOf.get(`/r${id}.pdf`)?.referer).toBe(`${h.base}/list.html`);
      await tab.close();
    });
  }
});

describe('from a report list page to marks in the viewer', () => {
  it('the attachment control opens the linked PDF in the viewer, checked and marked as the command line checks it', async () => {
    const path = REAL[1].path;
    h.route('/xxgk/P020240131.pdf', { body: readFileSync(path), type: 'application/pdf' });
    h.route('/xxgk/list.html', {
      body: `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><h1>政府信息公开工作年度报告</h1><ul><li><a href="./P020240131.pdf">洪泽区人民政府2023年政府信息公开工作年度报告.pdf</a></li></ul></body></html>`,
    });
    const page = await h.context.newPage();
    await page.goto(`${h.base}/xxgk/list.html`);
    await page.waitForFunction(() => !!document.querySelector('nianbao-check')?.shadowRoot?.querySelector('.att-open'), undefined, { timeout: 20_000 });
    const opened = h.context.waitForEvent('page');
    await page.evaluate(() => (document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.att-open') as HTMLElement).click());
    const viewer = await opened;
    const cli = countBySeverity((await checkInput(path, false)).findings);
    expect(await hook(viewer, 60_000)).toEqual({ state: 'done', ...cli });
    expect(h.headersOf.get('/xxgk/P020240131.pdf')?.referer).toBe(`${h.base}/xxgk/list.html`);
    // Every finding marked on its page (a badge each), and the panel scrolls to a cell on page 4.
    const badges = () => viewer.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('.badge').length);
    await expect.poll(badges, { timeout: 5000 }).toBe(cli.errors + cli.warnings + cli.infos);
    const before = await viewer.evaluate(() => document.getElementById('viewerContainer')!.scrollTop);
    await viewer.evaluate(() => (document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-item="2"]') as HTMLElement).click());
    await expect.poll(() => viewer.evaluate(() => document.getElementById('viewerContainer')!.scrollTop), { timeout: 5000 }).toBeGreaterThan(before + 500);
    // Zooming re-renders the pages: the marks follow (the badge stays on its cell's page box).
    const where = () =>
      viewer.evaluate(() => {
        const badge = document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.badge.active, .box.active') as HTMLElement | null;
        const b = (badge ?? document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.box')!) as HTMLElement;
        const r = b.getBoundingClientRect();
        const pages = [...document.querySelectorAll('#viewer .page')].map((p) => p.getBoundingClientRect());
        const on = pages.findIndex((p) => r.top >= p.top && r.bottom <= p.bottom && r.left >= p.left && r.right <= p.right);
        return { on, relX: (r.left - pages[on]?.left) / pages[on]?.width, relY: (r.top - pages[on]?.top) / pages[on]?.height };
      });
    const at = await where();
    expect(at.on).toBeGreaterThanOrEqual(0);
    await viewer.click('button[aria-label="放大"]');
    await viewer.waitForTimeout(800);
    const zoomed = await where();
    expect(zoomed.on).toBe(at.on);
    expect(Math.abs(zoomed.relX - at.relX)).toBeLessThan(0.01);
    expect(Math.abs(zoomed.relY - at.relY)).toBeLessThan(0.01);
    await viewer.close();
    await page.close();
  });
});

describe('viewer on other input', () => {
  it('reads a local file from the file picker the same way', async () => {
    const tab = await h.context.newPage();
    await tab.goto(`chrome-extension://${h.extensionId}/viewer.html`);
    await tab.waitForSelector('[data-message="info"]');
    const path = REAL[1].path;
    await tab.setInputFiles('input[data-file]', path);
    const cli = countBySeverity((await checkInput(path, false)).findings);
    expect(await hook(tab, 60_000)).toEqual({ state: 'done', ...cli });
    await tab.close();
  });

  it('says a damaged PDF cannot be read, in the panel and on the page', async () => {
    const tab = await openViewer('/broken.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'));
    expect((await hook(tab, 30_000)).state).toBe('failed');
    expect(await tab.textContent('[data-message="error"]')).toMatch(/PDF 文件已损坏/);
    await tab.close();
  });

  it('names a format it does not read (OFD), and offers the PDF the same page links', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('OFD.xml'), ...new Array(40).fill(0)]);
    h.route('/ofd/report.ofd', { body: zip, type: 'application/octet-stream' });
    h.route('/ofd/report.pdf', { body: readFileSync(REAL[2].path), type: 'application/pdf' });
    // From the page's attachment control: the OFD, with the PDF beside it.
    h.route('/ofd/list.html', {
      body: `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><h1>2023年政府信息公开工作年度报告</h1><p>附件：<a href="./report.ofd">2023年年度报告.ofd</a> <a href="./report.pdf">2023年年度报告.pdf</a></p></body></html>`,
    });
    const page = await h.context.newPage();
    await page.goto(`${h.base}/ofd/list.html`);
    await page.waitForFunction(() => (document.querySelector('nianbao-check')?.shadowRoot?.querySelectorAll('.att-open').length ?? 0) >= 2, undefined, { timeout: 20_000 });
    const opened = h.context.waitForEvent('page');
    await page.evaluate(() => ([...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll<HTMLElement>('.att-open')].find((b) => b.dataset.url!.endsWith('.ofd')) as HTMLElement).click());
    const tab = await opened;
    expect((await hook(tab, 30_000)).state).toBe('failed');
    expect(await tab.textContent('[data-message="error"]')).toMatch(/暂不支持此格式（OFD）/);
    // The PDF version, one click away, checked as the command line checks it.
    await tab.click('[data-message="error"] a');
    const cli = countBySeverity((await checkInput(REAL[2].path, false)).findings);
    await tab.waitForURL(/report\.pdf/);
    expect(await hook(tab, 60_000)).toEqual({ state: 'done', ...cli });
    await tab.close();
    await page.close();
  });

  it('says the server refused the file', async () => {
    const tab = await h.context.newPage();
    await tab.goto(viewerUrl(`${h.base}/missing.pdf`));
    await tab.waitForSelector('[data-message="error"]');
    expect(await tab.textContent('[data-message="error"]')).toMatch(/服务器返回 404/);
    await tab.close();
  });
});
