// The extension's review store on storage.local (WXT's fake browser): one key per report, a change
// merged into what is kept, read back validated, watched across tabs, bounded.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reviewStorageKey } from '../review/keys';

// wxt/browser takes `chrome` when `browser` has no runtime id: the fake browser stands in for it.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const { ExtensionReviewStore, reviewsFor, reviewStore } = await import('./review-store');

const A = 'https://a.gov.cn/2023.html';
const B = 'https://b.gov.cn/2023.pdf';

beforeEach(() => fakeBrowser.reset());

describe('ExtensionReviewStore', () => {
  it('keeps a report under review:<hash of its address> with both findings, shown stale once the content changed', async () => {
    const store = new ExtensionReviewStore();
    await store.set(`${A}#t3`, 'k1', { verdict: 'confirmed', note: '总计确有误' }, 'h1');
    await store.set(A, 'k2', { verdict: 'excluded', note: '' }, 'h1');
    const raw = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(raw)).toEqual([reviewStorageKey(A)]);
    expect(raw[reviewStorageKey(A)]).toMatchObject({ url: A, hash: 'h1', findings: { k1: { verdict: 'confirmed', note: '总计确有误', hash: 'h1' }, k2: { verdict: 'excluded' } } });
    const now = await reviewsFor(A, 'h1');
    expect(Object.values(now).map((r) => r.stale)).toEqual([false, false]);
    const changed = await reviewsFor(A, 'h2');
    expect(changed.k1).toMatchObject({ verdict: 'confirmed', note: '总计确有误', stale: true });
    expect(await reviewsFor(B, 'h1')).toEqual({});
  });

  it('merges into what another tab wrote meanwhile, and removes the key with the last review', async () => {
    const tab1 = new ExtensionReviewStore();
    const tab2 = new ExtensionReviewStore();
    await tab1.set(A, 'k1', { verdict: 'confirmed', note: '' }, 'h');
    await tab2.set(A, 'k2', { verdict: 'excluded', note: '重复' }, 'h');
    expect(Object.keys((await tab1.get(A))!.findings).sort()).toEqual(['k1', 'k2']);
    await tab1.set(A, 'k1', null, 'h');
    await tab2.set(A, 'k2', null, 'h');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('skips what is no review: damaged values, another address under the same key; the settings stay', async () => {
    const key = reviewStorageKey(A);
    await fakeBrowser.storage.local.set({ [key]: { url: A, hash: null, findings: { k: { verdict: 'maybe' }, ok: { verdict: 'excluded', note: 'x', at: '2025-01-01T00:00:00.000Z', hash: null } } }, settings: { lang: 'en' } });
    expect(Object.keys(await reviewsFor(A, null))).toEqual(['ok']);
    await fakeBrowser.storage.local.set({ [key]: { url: 'https://elsewhere.gov.cn/', hash: null, findings: {} } });
    expect(await reviewsFor(A, null)).toEqual({});
    await fakeBrowser.storage.local.set({ [key]: 'junk' });
    expect(await reviewsFor(A, null)).toEqual({});
    // A review written over a damaged value starts afresh.
    await reviewStore().set(A, 'k', { verdict: 'confirmed', note: '' }, null);
    expect(Object.keys((await reviewStore().get(A))!.findings)).toEqual(['k']);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ lang: 'en' });
  });

  it('tells a watcher of the same report what another tab wrote, and no other report', async () => {
    const seen: (string[] | null)[] = [];
    const stop = new ExtensionReviewStore().watch(A, (r) => seen.push(r ? Object.keys(r.findings) : null));
    const other = new ExtensionReviewStore();
    await other.set(A, 'k1', { verdict: 'confirmed', note: '' }, 'h');
    await other.set(B, 'k1', { verdict: 'confirmed', note: '' }, 'h');
    await other.set(A, 'k1', null, 'h');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([['k1'], null]);
    stop();
    await other.set(A, 'k2', { verdict: 'confirmed', note: '' }, 'h');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(2);
  });

  it('keeps at most its maximum of reports: those reviewed longest ago go first, never the one just reviewed', async () => {
    const store = new ExtensionReviewStore(2);
    const day = (d: number) => `2025-03-0${d}T00:00:00.000Z`;
    // Written as if reviewed on days 3, 1, 2 (the store dates a report by its newest review).
    for (const [url, d] of [['https://a.gov.cn/1', 3], ['https://a.gov.cn/2', 1], ['https://a.gov.cn/3', 2]] as const)
      await fakeBrowser.storage.local.set({ [reviewStorageKey(url)]: { url, hash: null, findings: { k: { verdict: 'confirmed', note: '', at: day(d), hash: null } } } });
    await store.set('https://a.gov.cn/4', 'k', { verdict: 'excluded', note: '' }, null);
    const urls = async () => Object.values(await fakeBrowser.storage.local.get(null)).map((r) => (r as { url: string }).url).sort();
    const left = await urls();
    expect(left).toEqual(['https://a.gov.cn/1', 'https://a.gov.cn/4']);
    // A second review of a report already kept does not count it again.
    await store.set('https://a.gov.cn/4', 'k2', { verdict: 'excluded', note: '' }, null);
    expect(await urls()).toEqual(left);
  });
});
