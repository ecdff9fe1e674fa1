// Reviews in the built extension: on a served report page one finding is marked 「确认」 with a note and
// one 「排除」; after a reload both are kept and shown (card, badge, panel); once the page's content
// changes the review says it may be out of date. The same controls work in the viewer on a PDF. Typing
// a note reaches neither the page nor our j/k; the controls are reached by Tab from the badge.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText } from '../../lib/read/text';
import { fileHash, readHash } from '../../lib/review/keys';
import { REPORTS_DIR } from '../helpers';
import { ROOT, hook, launch, type Harness } from './harness';

const ARTIFACTS = join(ROOT, 'artifacts/e2e');
const TEXT = readFileSync(join(REPORTS_DIR, '002/source.txt'), 'utf8');
const PDF = new Uint8Array(readFileSync(join(REPORTS_DIR, '002/source.pdf')));
const NOTE = '总计确有误，已与报送单位电话核实（张某）';

let h: Harness;
beforeAll(async () => {
  h = await launch();
}, 240_000);
afterAll(async () => {
  await h?.close();
});

/** What our shadow root shows of the reviews: badges, panel items, the panel's notices. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('nianbao-check')!.shadowRoot!;
    const of = (sel: string) => [...root.querySelectorAll(sel)].map((e) => ({ n: e.getAttribute('data-finding') ?? e.getAttribute('data-item'), review: e.getAttribute('data-review'), cls: e.className, text: e.textContent }));
    return {
      badges: of('.badge'),
      items: of('[data-item]'),
      reviews: root.querySelector('[data-reviews]')?.textContent ?? null,
      stale: root.querySelector('[data-panel] [data-review-stale-notice]')?.textContent ?? null,
    };
  });

type Stored = { url: string; hash: string | null; findings: Record<string, { verdict: string; note: string; hash: string | null }> };

/** The reviews kept in storage.local, read from an extension page (as the audit page reads them). */
async function storedReviews(page: Page): Promise<Stored[]> {
  return page.evaluate(async () => {
    const all = await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null);
    return Object.entries(all)
      .filter(([k]) => k.startsWith('review:'))
      .map(([, v]) => v as Stored);
  });
}

/** The page's DOM without our host element. */
const serialize = (page: Page) =>
  page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    clone.querySelectorAll('nianbao-check').forEach((n) => n.remove());
    return clone.outerHTML;
  });

/** Opens the card of the n-th badge (pinned, as a click does). */
async function openCard(page: Page, nth: number) {
  const root = page.locator('nianbao-check');
  const badge = root.locator('.badge').nth(nth);
  const index = await badge.getAttribute('data-finding');
  await badge.evaluate((b) => (b as HTMLElement).click());
  const card = root.locator(`[data-card="${index}"]`);
  await card.waitFor({ timeout: 5000 });
  return { card, index: index! };
}

/** Marks one finding 确认 with a note and another 排除, through the card's controls. */
async function review(page: Page) {
  const first = await openCard(page, 0);
  await first.card.locator('[data-review-action="confirmed"]').click();
  await expect.poll(() => first.card.locator('[data-review-saved]').getAttribute('data-review-saved')).toBe('saved');
  await first.card.locator('textarea').fill(NOTE);
  expect(await first.card.locator('[data-review-saved]').getAttribute('data-review-saved')).toBe('idle');
  // Leaving the field saves at once.
  await first.card.locator('[data-review-action="confirmed"]').focus();
  await expect.poll(() => first.card.locator('[data-review-saved]').getAttribute('data-review-saved')).toBe('saved');
  const second = await openCard(page, 1);
  await second.card.locator('[data-review-action="excluded"]').click();
  await expect.poll(() => second.card.locator('[data-review-saved]').getAttribute('data-review-saved')).toBe('saved');
  return { confirmed: first.index, excluded: second.index };
}

describe('reviews on a report page', () => {
  it('确认 with a note and 排除 are kept over a reload and shown; a changed page says the review may be stale', async () => {
    h.route('/review/002.txt', { body: TEXT, type: 'text/plain; charset=utf-8' });
    const page = await h.context.newPage();
    await page.goto(`${h.base}/review/002.txt`);
    const counts = await hook(page);
    expect(counts.state).toBe('done');
    await page.locator('nianbao-check .badge').nth(1).waitFor({ state: 'attached' });
    const pageDom = await serialize(page);
    // The page's own keyboard shortcuts (listeners on document and window, as sites install them):
    // typing in our note must not reach them. (A listener in the capture phase sees every key first;
    // no page element can keep keys from it.)
    await page.evaluate(() => {
      const w = window as unknown as { keys: string[] };
      w.keys = [];
      document.addEventListener('keydown', (e) => w.keys.push(e.key));
      window.addEventListener('keydown', (e) => w.keys.push(e.key));
    });

    const { confirmed, excluded } = await review(page);
    expect(confirmed).not.toBe(excluded);

    // Keys typed in the note stay there: j/k do not move the panel, the page sees nothing.
    const { card } = await openCard(page, 0);
    const activeBefore = await page.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.item.active')?.getAttribute('data-item'));
    await card.locator('textarea').press('End');
    await card.locator('textarea').pressSequentially('jk');
    expect(await card.locator('textarea').inputValue()).toBe(`${NOTE}jk`);
    expect(await page.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.item.active')?.getAttribute('data-item'))).toBe(activeBefore);
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys.filter((k) => k === 'j' || k === 'k'))).toEqual([]);
    await card.locator('textarea').press('Backspace');
    await card.locator('textarea').press('Backspace');
    await card.locator('[data-review-action="confirmed"]').focus();
    await expect.poll(() => card.locator('[data-review-saved]').getAttribute('data-review-saved')).toBe('saved');

    // Shown on the marks and in the panel.
    let s = await shown(page);
    expect(s.badges.find((b) => b.n === confirmed)).toMatchObject({ review: 'confirmed', text: `${Number(confirmed) + 1}✓` });
    expect(s.badges.find((b) => b.n === excluded)?.cls).toContain('rv-excluded');
    expect(s.items.find((i) => i.n === excluded)).toMatchObject({ review: 'excluded' });
    expect(s.items.find((i) => i.n === excluded)?.text).toContain('已排除');
    expect(s.reviews).toContain('已审核 2/');
    expect(s.stale).toBeNull();
    // 「隐藏已排除」 takes the excluded finding out of the panel and off the page, and back.
    await page.locator('nianbao-check [data-hide-excluded]').click();
    s = await shown(page);
    expect(s.badges.some((b) => b.n === excluded) || s.items.some((i) => i.n === excluded)).toBe(false);
    expect(s.badges.some((b) => b.n === confirmed)).toBe(true);
    await page.locator('nianbao-check [data-hide-excluded]').click();
    expect((await shown(page)).badges.some((b) => b.n === excluded)).toBe(true);
    // Our UI only: the page itself is as it was.
    expect(await serialize(page)).toBe(pageDom);
    await page.screenshot({ path: join(ARTIFACTS, 'review-page.png') });

    // Kept under the page's address with the hash the audit page makes of the same page (its text read).
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/viewer.html`);
    const kept = (await storedReviews(ext)).find((r) => r.url === `${h.base}/review/002.txt`)!;
    expect(kept.hash).toBe(readHash(readText(TEXT)));
    expect(Object.values(kept.findings).map((r) => [r.verdict, r.note]).sort()).toEqual([
      ['confirmed', NOTE],
      ['excluded', ''],
    ]);
    await ext.close();

    // Reload: both kept, shown, the note in its field.
    await page.reload();
    await hook(page);
    await page.locator('nianbao-check .badge[data-review]').nth(1).waitFor({ state: 'attached', timeout: 10_000 });
    s = await shown(page);
    expect(s.badges.filter((b) => b.review).map((b) => [b.n, b.review])).toEqual(
      [
        [confirmed, 'confirmed'],
        [excluded, 'excluded'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    const again = await openCard(page, Number(s.badges.findIndex((b) => b.n === confirmed)));
    expect(await again.card.locator('textarea').inputValue()).toBe(NOTE);
    expect(await again.card.locator('[data-review-action="confirmed"]').getAttribute('aria-pressed')).toBe('true');
    expect(await again.card.locator('[data-review-stale-notice]').count()).toBe(0);

    // Keyboard: Tab from the badge of the open card goes to its 「确认」.
    await page.locator(`nianbao-check .badge[data-finding="${confirmed}"]`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.activeElement?.getAttribute('data-review-action'))).toBe('confirmed');

    // The page changes (a line added): the same findings, their reviews said to be possibly out of date.
    h.route('/review/002.txt', { body: `${TEXT}\n本报告如有疑问，请与本机关政务公开办公室联系。\n`, type: 'text/plain; charset=utf-8' });
    await page.reload();
    expect(await hook(page)).toEqual(counts);
    await page.locator('nianbao-check [data-panel] [data-review-stale-notice]').waitFor({ state: 'attached', timeout: 10_000 });
    // The marks are measured a frame after the panel is shown.
    await page.locator('nianbao-check .badge[data-review]').nth(1).waitFor({ state: 'attached', timeout: 10_000 });
    s = await shown(page);
    expect(s.stale).toContain('报告内容已变化，审核可能已过时');
    expect(s.badges.filter((b) => b.review)).toHaveLength(2);
    const stale = await openCard(page, Number(s.badges.findIndex((b) => b.n === confirmed)));
    expect(await stale.card.locator('[data-review-stale-notice]').textContent()).toContain('报告内容已变化，审核可能已过时');
    await page.screenshot({ path: join(ARTIFACTS, 'review-stale.png') });
    // 「仍然有效」: the review made again on the content read now.
    await stale.card.locator('[data-review-action="still-valid"]').click();
    await expect.poll(() => stale.card.locator('[data-review-stale-notice]').count()).toBe(0);
    await page.close();
  });
});

describe('reviews in the viewer', () => {
  it('the same controls on a PDF: kept over a reload, stored under the file’s address for the audit page', async () => {
    h.route('/review/r002.pdf', { body: PDF, type: 'application/pdf' });
    const src = `${h.base}/review/r002.pdf`;
    const tab = await h.context.newPage();
    await tab.goto(`chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(src)}`);
    expect((await hook(tab, 60_000)).state).toBe('done');
    await tab.locator('nianbao-check .badge').nth(1).waitFor({ state: 'attached', timeout: 10_000 });
    const { confirmed, excluded } = await review(tab);
    await tab.reload();
    await hook(tab, 60_000);
    await tab.locator('nianbao-check .badge[data-review]').nth(1).waitFor({ state: 'attached', timeout: 10_000 });
    const s = await shown(tab);
    expect(s.badges.find((b) => b.n === confirmed)?.review).toBe('confirmed');
    expect(s.badges.find((b) => b.n === excluded)?.review).toBe('excluded');
    expect(s.stale).toBeNull();
    // What the audit page reads (reviewsFor): one key per report, its address the file's, the hash its bytes'.
    const stored = await storedReviews(tab);
    const mine = stored.find((r) => r.url === src)!;
    expect(Object.values(mine.findings).map((r) => r.verdict).sort()).toEqual(['confirmed', 'excluded']);
    expect(Object.values(mine.findings).find((r) => r.verdict === 'confirmed')?.note).toBe(NOTE);
    expect(mine.hash).toBe(fileHash(PDF));
    await tab.screenshot({ path: join(ARTIFACTS, 'review-viewer.png') });
    await tab.close();
  });
});
