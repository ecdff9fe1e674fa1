// What a new user runs into, in the built extension in Chromium: 「复制说明」 on an http:// page (no
// navigator.clipboard there), two findings on one spot (each badge can be pointed at and reached by
// Tab), and the card inside the viewport's client width beside the scrollbar.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUTS, layoutOf, type Layout, type SeedId } from '../fixtures/render';
import { decodeBytes, sniffHtmlCharset } from '../../lib/read/decode';
import { hook, launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch({ scrollbars: true });
}, 180_000);
afterAll(async () => {
  await h?.close();
});

/** GBK pages (the CMS layout) declare their charset in a <meta>; everything else here is UTF-8. */
const typeOf = (kind: 'text' | 'html', bytes: Uint8Array | string) => {
  if (kind === 'text') return 'text/plain; charset=utf-8';
  const declared = sniffHtmlCharset(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  return declared && declared !== 'utf-8' ? 'text/html' : 'text/html; charset=utf-8';
};

async function open(path: string, body: string | Uint8Array, kind: 'text' | 'html', width = 1280) {
  h.route(path, { body, type: typeOf(kind, body) });
  const page = await h.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${h.base}${path}`);
  expect((await hook(page)).state).toBe('done');
  await page.locator('nianbao-check [data-layer] [data-finding]').first().waitFor({ state: 'attached' });
  return { page, errors };
}

const seedPage = (id: SeedId, layout: Layout, width?: number) => {
  const { kind, bytes } = layoutOf(id, layout);
  return open(`/ui/${id}.${layout}.${width ?? 0}`, bytes, kind, width);
};

/** A page's text (GBK or not), to be served as UTF-8 with a script of the page's own added. */
const asUtf8 = (bytes: Uint8Array | string) => (typeof bytes === 'string' ? bytes : decodeBytes(bytes, { html: true }).text).replace(/<meta[^>]*charset[^>]*>/gi, '<meta charset="utf-8">');

/** What the clipboard holds, read from a secure page of the test server (127.0.0.1 is trustworthy). */
async function clipboardText(): Promise<string> {
  const origin = h.base.replace('report.test.gov.cn', '127.0.0.1');
  h.route('/clip', { body: '<!doctype html><title>clip</title><p>clip</p>' });
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await h.context.newPage();
  await page.goto(`${origin}/clip`);
  await page.bringToFront();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

async function clearClipboard() {
  const origin = h.base.replace('report.test.gov.cn', '127.0.0.1');
  h.route('/clip', { body: '<!doctype html><title>clip</title><p>clip</p>' });
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await h.context.newPage();
  await page.goto(`${origin}/clip`);
  await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
  await page.close();
}

/** Opens the card of the first badge by a click (the user activation copying needs comes later). */
async function openFirstCard(page: Page) {
  const badge = page.locator('nianbao-check [data-layer] .badge').first();
  await badge.scrollIntoViewIfNeeded();
  await badge.click();
  const card = page.locator('nianbao-check .card');
  await card.waitFor({ timeout: 5000 });
  return card;
}

describe('「复制说明」 on an http:// page', () => {
  it('the page is not a secure context, yet the note is on the clipboard and the button says so', async () => {
    await clearClipboard();
    const { page, errors } = await seedPage('003', 'cms');
    expect(await page.evaluate(() => ({ secure: isSecureContext, clipboard: typeof navigator.clipboard }))).toEqual({ secure: false, clipboard: 'undefined' });
    const card = await openFirstCard(page);
    await card.locator('[data-copy]').click();
    await page.waitForFunction(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-copy]')?.getAttribute('data-copy') === 'copied');
    const copied = await clipboardText();
    expect(copied).toContain('年报核查说明');
    expect(copied).toContain(`页面: ${h.base}/ui/003.cms.0`);
    // Our textarea came and went: nothing of ours is left in the shadow root, nothing in the page.
    expect(await page.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('textarea:not([data-review-note])').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page that rewrites what is copied (「版权所有」 appended) does not change our note', async () => {
    await clearClipboard();
    const { kind, bytes } = layoutOf('003', 'cms');
    const html = asUtf8(bytes).replace(
      '</head>',
      `<script>document.addEventListener('copy', (e) => { e.clipboardData.setData('text/plain', 'HIJACKED 版权所有'); e.preventDefault(); });</script></head>`,
    );
    const { page } = await open('/ui/rewrite.html', html, kind);
    const card = await openFirstCard(page);
    await card.locator('[data-copy]').click();
    await page.waitForFunction(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-copy]')?.getAttribute('data-copy') === 'copied');
    const copied = await clipboardText();
    expect(copied).toContain('年报核查说明');
    expect(copied).not.toContain('HIJACKED');
    await page.close();
  });

  it('where copying cannot work (a page that stops every copy), the card says so and shows the note selected for Ctrl+C', async () => {
    const { kind, bytes } = layoutOf('003', 'cms');
    const html = asUtf8(bytes).replace(
      '</head>',
      `<script>window.addEventListener('copy', (e) => { e.stopImmediatePropagation(); e.preventDefault(); }, true);</script></head>`,
    );
    const { page } = await open('/ui/nocopy.html', html, kind);
    const card = await openFirstCard(page);
    await card.locator('[data-copy]').click();
    await card.locator('[data-copy-failed]').waitFor({ timeout: 5000 });
    const shown = await page.evaluate(() => {
      const root = document.querySelector('nianbao-check')!.shadowRoot!;
      const area = root.querySelector('[data-copy-failed] textarea') as HTMLTextAreaElement;
      return { text: root.querySelector('[data-copy-failed]')!.textContent, value: area.value, focused: root.activeElement === area, selected: area.value.slice(area.selectionStart, area.selectionEnd) };
    });
    expect(shown.text).toContain('Ctrl+C');
    expect(shown.value).toContain('年报核查说明');
    expect(shown.focused).toBe(true);
    expect(shown.selected).toBe(shown.value);
    await page.close();
  });
});

/** Every badge and missing-section label of our layer: its finding, its centre, what is drawn there. */
async function pointable(page: Page) {
  // The panel out of the way (collapsed to its title bar at the bottom right).
  await page.locator('nianbao-check [data-panel] header button[aria-expanded]').click();
  const ids = await page.evaluate(() => [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('[data-layer] [data-finding]')].map((b) => b.getAttribute('data-finding')!));
  const out: { id: string; hit: string | null }[] = [];
  for (const id of ids) {
    out.push(
      await page.evaluate((id) => {
        const root = document.querySelector('nianbao-check')!.shadowRoot!;
        const b = root.querySelector(`[data-layer] [data-finding="${id}"]`) as HTMLElement;
        const r0 = b.getBoundingClientRect();
        window.scrollTo(0, window.scrollY + r0.top - innerHeight / 2);
        const r = b.getBoundingClientRect();
        const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) as HTMLElement | null;
        return { id, hit: hit?.closest('[data-finding]')?.getAttribute('data-finding') ?? null };
      }, id),
    );
  }
  return out;
}

/** What Tab reaches from the top of the page: `badge N` on the page, `item N` in the panel's list. */
async function tabbed(page: Page, limit: number) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.querySelector('nianbao-check')!.shadowRoot!.activeElement;
      if (el?.hasAttribute('data-finding')) return `badge ${el.getAttribute('data-finding')}`;
      return el?.hasAttribute('data-item') ? `item ${el.getAttribute('data-item')}` : null;
    });
    if (at != null) reached.add(at);
  }
  return reached;
}

describe('two findings on one spot', () => {
  // Seed 003: table 四's row-length badge under section 四's heading badge (paras); seed 004: two
  // header-cell findings on table 二's first cell.
  for (const id of ['003', '004'] as const)
    for (const layout of LAYOUTS)
      it(`seed ${id} ${layout}: no two badges overlap, each has a point of its own, and Tab reaches every finding`, async () => {
        const { page } = await seedPage(id, layout);
        const rects = await page.evaluate(() =>
          [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('[data-layer] .badge')].map((b) => {
            const r = b.getBoundingClientRect();
            return { id: b.getAttribute('data-finding'), x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height };
          }),
        );
        const overlapping = rects.flatMap((a, i) => rects.slice(i + 1).filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).map((b) => `${a.id}/${b.id}`));
        expect(overlapping).toEqual([]);
        const points = await pointable(page);
        expect(points.length).toBeGreaterThan(0);
        expect(points.filter((p) => p.hit !== p.id)).toEqual([]);
        // Expanded again: the findings not placed on the page are reached in the panel's list.
        await page.locator('nianbao-check [data-panel] header button[aria-expanded]').click();
        const all = await page.evaluate(() => [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('[data-item]')].map((b) => b.getAttribute('data-item')!));
        const reached = await tabbed(page, all.length * 8 + 20);
        // Every badge by Tab (each opens its card; Tab goes through the card to the next badge), and every finding.
        expect(points.map((p) => `badge ${p.id}`).filter((b) => !reached.has(b))).toEqual([]);
        expect(all.filter((i) => !reached.has(`item ${i}`) && !reached.has(`badge ${i}`))).toEqual([]);
        await page.close();
      });
});

describe('the card near the right edge', () => {
  for (const width of [1280, 760])
    it(`stays inside the client width (the scrollbar excluded) at ${width} px`, async () => {
      // A classic scrollbar, as on a desktop (headless Chromium draws none of its own).
      const { kind, bytes } = layoutOf('003', 'cms');
      const html = asUtf8(bytes).replace('</head>', '<style>html { overflow-y: scroll } ::-webkit-scrollbar { width: 17px; background: #ddd }</style></head>');
      const { page } = await open(`/ui/edge.${width}.html`, html, kind, width);
      const view = await page.evaluate(() => ({ client: document.documentElement.clientWidth, inner: innerWidth }));
      // The page scrolls: a vertical scrollbar takes its width from the viewport.
      expect(view.client).toBeLessThan(view.inner);
      const ids = await page.evaluate(() =>
        [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('[data-layer] .badge')]
          .map((b) => ({ id: b.getAttribute('data-finding')!, x: b.getBoundingClientRect().right }))
          .sort((a, b) => b.x - a.x)
          .map((b) => b.id),
      );
      const badge = page.locator(`nianbao-check [data-layer] [data-finding="${ids[0]}"]`);
      await badge.scrollIntoViewIfNeeded();
      await badge.click();
      const card = page.locator('nianbao-check .card');
      await card.waitFor({ timeout: 5000 });
      const box = await page.evaluate(() => {
        const r = document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      expect(box.right).toBeLessThanOrEqual(view.client);
      expect(box.left).toBeGreaterThanOrEqual(0);
      await page.close();
    });
});

describe('the fonts our UI lays out', () => {
  // Each size and weight of a face is a strike the renderer must look up (a synchronous call to the
  // browser for its render style) on our first layout: nine of them cost 30–50 % more than four.
  it('the panel, the marks and a card use one family in four strikes (12 and 14 px, regular and bold)', async () => {
    const { page } = await seedPage('001', 'word');
    await openFirstCard(page);
    const strikes = await page.evaluate(() => {
      const seen = new Set<string>();
      const walk = (root: ShadowRoot | Element) => {
        for (const el of root.querySelectorAll('*')) {
          // Only what lays out text of its own (a container's face is never used).
          const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
          if (!ownText && el.localName !== 'textarea') continue;
          const s = getComputedStyle(el);
          if (s.display === 'none') continue;
          seen.add(`${s.fontFamily}|${s.fontSize}|${s.fontWeight}`);
        }
      };
      walk(document.querySelector('nianbao-check')!.shadowRoot!);
      return [...seen];
    });
    const families = new Set(strikes.map((s) => s.split('|')[0]));
    expect(families.size, strikes.join('\n')).toBe(1);
    expect(new Set(strikes.map((s) => s.split('|').slice(1).join('|'))), strikes.join('\n')).toEqual(new Set(['14px|400', '14px|700', '12px|400', '12px|700']));
    await page.close();
  });
});
