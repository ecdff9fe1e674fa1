// The built extension in Debian's Chromium: it marks every seed and every real report as the engine
// does, leaves the host page untouched, survives hostile pages, and talks to no one.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countBySeverity } from '../../lib/check';
import { layoutOf, loadSeed, renderWord } from '../fixtures/render';
import { REPORTS_DIR as REPORTS, checkBytes } from '../helpers';
import { HOSTILE_TEXT, STRICT_CSP, hostilePage, iframeOuterPage, lateBodyPage, newsPage, reportCases, seedCases, siteTitledPage, typeOf, unexplained } from './cases';
import { ROOT, hook, launch, type Harness } from './harness';

const ARTIFACTS = join(ROOT, 'artifacts/e2e');
mkdirSync(ARTIFACTS, { recursive: true });

let h: Harness;
beforeAll(async () => {
  // The history off (launch's default): each page is compared with the engine alone.
  h = await launch();
}, 180_000);
afterAll(async () => {
  await h?.close();
});

/** The page's DOM as served, without our host element. */
const serialize = (page: Page) =>
  page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    clone.querySelectorAll('nianbao-check').forEach((n) => n.remove());
    return clone.outerHTML;
  });

async function open(path: string, bytes: Uint8Array | string, kind: 'text' | 'html', headers?: Record<string, string>) {
  h.route(path, { body: bytes, type: typeOf(kind, bytes), headers });
  const page = await h.context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}${path}`);
  return { page, dialogs, errors };
}

async function expectSameAsEngine(path: string, bytes: Uint8Array, kind: 'text' | 'html', ownScripts = false) {
  const expected = countBySeverity((await checkBytes(kind, bytes)).findings);
  const { page, errors } = await open(path, bytes, kind);
  const got = await hook(page);
  expect(got).toEqual({ state: 'done', ...expected });
  // Our code runs in an isolated world; page errors can only be the page's own scripts (real pages have some).
  if (!ownScripts) expect(errors).toEqual([]);
  return page;
}

// The cases of test/e2e/cases.ts, shared with the Firefox e2e.
describe('seeds in every layout', () => {
  for (const c of seedCases())
    it(c.name, async () => {
      const page = await expectSameAsEngine(c.path, c.bytes, c.kind);
      await page.close();
    });
});

describe('the real reports of ../shared/reports', () => {
  for (const c of reportCases())
    it(c.name, async () => {
      const page = await expectSameAsEngine(c.path, c.bytes, c.kind, c.ownScripts);
      await page.close();
    });
});

describe('the host page stays untouched', () => {
  it('serialises exactly as without the extension, but for our one host element', async () => {
    const { kind, bytes } = layoutOf('003', 'cms');
    const { page } = await open('/untouched/003.html', bytes, kind);
    await hook(page);
    const ours = await serialize(page);
    const hosts = await page.evaluate(() => document.querySelectorAll('nianbao-check').length);
    expect(hosts).toBe(1);
    // The same page where the extension does not run (a host outside *.gov.cn).
    const plain = await h.context.newPage();
    await plain.goto(`${h.base.replace('report.test.gov.cn', 'test.example')}/untouched/003.html`);
    await plain.waitForTimeout(500);
    expect(await plain.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    expect(ours).toBe(await serialize(plain));
    await page.close();
    await plain.close();
  });

  it('adds nothing to a long page that is not a report', async () => {
    const { page, errors } = await open('/news.html', newsPage(), 'html');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('picks up a report that arrives late (AJAX-loaded CMS body)', async () => {
    const { page } = await open('/late.html', lateBodyPage(), 'html');
    const got = await hook(page, 15_000);
    expect(got.state).toBe('done');
    await page.close();
  });

  it('finds a report on a page titled only with its site\'s name, and one whose site-titled shell gets its body late', async () => {
    const { page } = await open('/site-titled.html', siteTitledPage(), 'html');
    expect((await hook(page, 15_000)).state).toBe('done');
    await page.close();
    const late = await open('/site-titled-late.html', lateBodyPage('正文_某某县人民政府'), 'html');
    expect((await hook(late.page, 15_000)).state).toBe('done');
    await late.page.close();
  });

  it('finds a report shown inside an iframe', async () => {
    const { bytes } = layoutOf('002', 'word');
    h.route('/inner.html', { body: bytes, type: 'text/html' });
    const { page } = await open('/outer.html', iframeOuterPage('/inner.html'), 'html');
    const frame = page.frames().find((f) => f.url().endsWith('/inner.html'))!;
    await frame.waitForSelector('nianbao-check[data-nianbao-state="done"]', { state: 'attached', timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    await page.close();
  });
});

describe('hostile pages', () => {
  it('works under a strict Content-Security-Policy', async () => {
    const { kind, bytes } = layoutOf('001', 'word');
    const expected = countBySeverity((await checkBytes(kind, bytes)).findings);
    const { page } = await open('/csp.html', bytes, kind, STRICT_CSP);
    expect(await hook(page)).toEqual({ state: 'done', ...expected });
    const panel = await page.evaluate(() => {
      const p = document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-panel]') as HTMLElement;
      const cs = getComputedStyle(p);
      return { position: cs.position, display: cs.display, width: p.getBoundingClientRect().width };
    });
    expect(panel).toEqual({ position: 'fixed', display: 'flex', width: 380 });
    await page.close();
  });

  it('keeps page CSS out of our UI and renders hostile text as text', async () => {
    const { page, dialogs } = await open('/hostile.html', hostilePage(), 'html');
    const got = await hook(page);
    expect(got.state).toBe('done');
    await page.locator('nianbao-check .badge').first().waitFor({ state: 'attached' });
    const ui = await page.evaluate(() => {
      const root = document.querySelector('nianbao-check')!.shadowRoot!;
      const p = root.querySelector('[data-panel]') as HTMLElement;
      const cs = getComputedStyle(p);
      return {
        position: cs.position,
        fontSize: cs.fontSize,
        images: root.querySelectorAll('img').length,
        text: p.textContent ?? '',
        badges: root.querySelectorAll('.badge').length,
      };
    });
    expect(ui.position).toBe('fixed');
    expect(ui.fontSize).toBe('14px');
    expect(ui.images).toBe(0);
    expect(ui.text).toContain(HOSTILE_TEXT);
    expect(ui.badges).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'hostile-css.png') });
    await page.close();
  });
});

describe('marks, card and panel', () => {
  it('draws a numbered badge per placed finding, opens the card, and saves a screenshot', async () => {
    const { kind, bytes } = layoutOf('003', 'cms');
    const { page } = await open('/marks/003.html', bytes, kind);
    await hook(page);
    const root = page.locator('nianbao-check');
    // The badge of the first finding in 表三, then its card with the explanation.
    const item = root.locator('[data-item]').filter({ hasText: '表三' }).first();
    const first = Number(await item.getAttribute('data-item'));
    await item.click();
    const card = root.locator('.card');
    await card.waitFor({ timeout: 5000 });
    expect(await card.textContent()).toContain('规定用语');
    await page.waitForTimeout(700);
    await page.screenshot({ path: join(ARTIFACTS, 'seed-003-cms-card.png') });
    // Next / previous with the keyboard move through the findings.
    await root.locator('[data-panel]').press('j');
    const active = await page.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.item.active')?.getAttribute('data-item'));
    expect(active).toBe(String(first + 1));
    // Filtering by severity hides the warnings' badges.
    await root.locator('.badge').first().waitFor({ state: 'attached' });
    const before = await root.locator('.badge').count();
    await root.locator('[data-filter="warning"]').click();
    expect(await root.locator('.badge').count()).toBeLessThan(before);
    await page.close();
  });

  it('marks the wrong totals of 洪泽区 2023 on its table and saves a screenshot', async () => {
    const bytes = new Uint8Array(readFileSync(join(REPORTS, '002/source.txt')));
    const { page } = await open('/marks/002.txt', bytes, 'text');
    expect((await hook(page)).errors).toBe(3);
    const badge = page.locator('nianbao-check .badge').first();
    await badge.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'report-002-pdftext.png') });
    await page.close();
  });

  it('marks a missing section where it should stand', async () => {
    const seed = loadSeed('000');
    seed.sections = seed.sections.filter((s) => s.n !== 5);
    const { page } = await open('/missing5.html', renderWord(seed), 'html');
    const got = await hook(page);
    expect(got.errors).toBe(1);
    const gap = page.locator('nianbao-check .gap-label');
    expect(await gap.textContent()).toContain('五、存在的主要问题及改进情况');
    await gap.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'missing-section.png') });
    await page.close();
  });

  it('the popup shows the settings, switches to English, and remembers it', async () => {
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.waitForSelector('[data-action="check"]');
    expect(await popup.textContent('[data-action="check"]')).toBe('检查此页');
    await popup.selectOption('select', 'en');
    await popup.waitForFunction(() => document.querySelector('[data-action="check"]')?.textContent === 'Check this page');
    await popup.reload();
    await popup.waitForFunction(() => document.querySelector('[data-action="check"]')?.textContent === 'Check this page');
    await popup.selectOption('select', 'zh');
    await popup.waitForFunction(() => document.querySelector('[data-action="check"]')?.textContent === '检查此页');
    await popup.close();
  });

  it('sends no request to any host other than the test server', () => {
    const base = new URL(h.base);
    const others = h.requests.filter((u) => {
      const url = new URL(u);
      return !['chrome-extension:', 'data:', 'blob:'].includes(url.protocol) && url.port !== base.port;
    });
    // Real pages reference their own sites' scripts and images (refused by the harness); anything
    // else would be ours. Every foreign request must be named in a page we served.
    expect(unexplained(others, h.served)).toEqual([]);
    expect(h.requests.some((u) => u.startsWith('chrome-extension:') && !u.includes(h.extensionId))).toBe(false);
  });
});

describe('what the page loads', () => {
  it('the engine and the UI are two scripts, neither with the other inside (each compiles in its own task)', () => {
    const out = join(ROOT, '.output/chrome-mv3');
    const engine = readFileSync(join(out, 'engine.js'), 'utf8');
    const ui = readFileSync(join(out, 'ui.js'), 'utf8');
    // The spec's wording lives in the engine only; Preact and zod in the UI only.
    expect(engine).toContain('本年新收政府信息公开申请数量');
    expect(ui).not.toContain('本年新收政府信息公开申请数量');
    expect(engine).not.toMatch(/__H|\$\$typeof|_zod/);
    expect(ui).toMatch(/_zod/);
    // 160 KB until #10 added the text's claims and the cross-year comparison to the engine (115 KB)
    // and the report history (store, last year's link) to the UI (98 KB). Cutting this is #12's work.
    expect(engine.length + ui.length).toBeLessThan(225_000);
  });
});
