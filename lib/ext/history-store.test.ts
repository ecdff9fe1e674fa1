// The extension's history store on storage.local (WXT's fake browser): records kept one per key,
// validated on every read, damaged entries skipped and said, cleared without touching the settings.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compareWithHistory } from '../history/compare';
import { parseExport } from '../history/store';
import { recordOf } from '../history/record';
import { baseReport, checkChanged, COL, t3row } from '../../test/fixtures/base';

// WXT's storage takes `chrome` when `browser` has no runtime id: the fake browser stands in for it.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const { ExtensionHistoryStore, HISTORY_PREFIX, skippedNotice } = await import('./history-store');

/** This body's report of `year`; `carriedOn`: row 四 differs from next year's row 二 by that much (natural, total). */
const report = (year: number, carriedOn = 0) =>
  checkChanged((d) => {
    d.title = `某某市某某局${year}年政府信息公开工作年度报告`;
    d.preamble = [`本报告统计期限自${year}年1月1日至${year}年12月31日。`];
    const w = t3row(d, 'w');
    w.values = [...t3row(baseReport(), 'b').values];
    for (const col of [COL.natural, COL.total]) w.values[col] = String(Number(w.values[col]) + carriedOn);
  });
const rec = (year: number, source: string, checkedAt = `${year + 1}-03-01T00:00:00.000Z`) => recordOf(report(year).report!, { source, checkedAt });

beforeEach(() => fakeBrowser.reset());

describe('ExtensionHistoryStore', () => {
  it('keeps one record per report and source, replaces the same one, finds last year’s', async () => {
    const store = new ExtensionHistoryStore();
    await store.add(rec(2022, 'https://a.gov.cn/2022.html'));
    await store.add(rec(2023, 'https://a.gov.cn/2023.html'));
    await store.add(rec(2023, 'https://a.gov.cn/2023.html', '2025-01-01T00:00:00.000Z'));
    const list = await store.list();
    expect(list.map((r) => r.year)).toEqual([2023, 2022]);
    expect(list[0].checkedAt).toBe('2025-01-01T00:00:00.000Z');
    const prev = await store.findPrevious(rec(2023, 'https://a.gov.cn/2023.html'));
    expect(prev?.source.ref).toBe('https://a.gov.cn/2022.html');
    expect(await store.findPrevious(rec(2022, 'https://a.gov.cn/2022.html'))).toBeNull();
    // Each record under its own key.
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith(HISTORY_PREFIX));
    expect(keys).toHaveLength(2);
  });

  it('skips damaged entries and says so, never throws; clear removes them and leaves the settings', async () => {
    const store = new ExtensionHistoryStore();
    await store.add(rec(2022, 'https://a.gov.cn/2022.html'));
    await fakeBrowser.storage.local.set({ [`${HISTORY_PREFIX}bad`]: { version: 1, id: 'x', year: 'two thousand' }, [`${HISTORY_PREFIX}junk`]: 'not a record', settings: { lang: 'en' } });
    const list = await store.list();
    expect(list).toHaveLength(1);
    expect(store.skipped.map((s) => s.key).sort()).toEqual([`${HISTORY_PREFIX}bad`, `${HISTORY_PREFIX}junk`]);
    expect(skippedNotice(store.skipped)?.zh).toMatch(/2 条损坏的记录/);
    await store.clear();
    expect(await store.list()).toEqual([]);
    expect(store.skipped).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { lang: 'en' } });
  });

  it('keeps at most its maximum: the records checked longest ago go first; a record is a few KB', async () => {
    const store = new ExtensionHistoryStore(2);
    await store.add(rec(2021, 'https://a.gov.cn/2021.html', '2024-01-01T00:00:00.000Z'));
    await store.add(rec(2022, 'https://a.gov.cn/2022.html', '2024-01-03T00:00:00.000Z'));
    await store.add(rec(2023, 'https://a.gov.cn/2023.html', '2024-01-02T00:00:00.000Z'));
    expect((await store.list()).map((r) => r.year)).toEqual([2022, 2023]);
    expect(JSON.stringify((await store.list())[0]).length).toBeLessThan(4000);
  });

  it('exports a document parseExport reads back, and imports it into an empty store', async () => {
    const store = new ExtensionHistoryStore();
    await store.add(rec(2022, 'https://a.gov.cn/2022.html'));
    await store.add(rec(2023, 'https://a.gov.cn/2023.html'));
    const doc = await store.exportJson();
    const back = parseExport(doc);
    expect(back.rejected).toEqual([]);
    expect(back.records.map((r) => r.year)).toEqual([2022, 2023]);
    await store.clear();
    expect(await store.importRecords(back.records)).toBe(2);
    expect((await store.list()).map((r) => r.source.ref).sort()).toEqual(['https://a.gov.cn/2022.html', 'https://a.gov.cn/2023.html']);
  });

  it('works under compareWithHistory: a second year is compared with the first and both are kept', async () => {
    const store = new ExtensionHistoryStore();
    const first = await compareWithHistory(report(2022, 2), 'https://a.gov.cn/2022.html', store);
    expect(first.previous).toBeNull();
    expect(first.result.findings.filter((f) => f.rule.startsWith('cross-year'))).toEqual([]);
    const second = await compareWithHistory(report(2023), 'https://a.gov.cn/2023.html', store);
    expect(second.previous?.source.ref).toBe('https://a.gov.cn/2022.html');
    const cross = second.result.findings.filter((f) => f.rule === 'cross-year-carryover');
    expect(cross.map((f) => f.cells[0].col)).toEqual(['natural', 'total']);
    expect(cross[0].message.zh).toContain('https://a.gov.cn/2022.html');
    expect(cross[0].message.zh).toContain('某某市某某局2022年政府信息公开工作年度报告');
    expect(await store.list()).toHaveLength(2);
    // keep: false (the history switched off) stores nothing.
    await store.clear();
    await compareWithHistory(report(2023), 'https://a.gov.cn/2023.html', store, { keep: false });
    expect(await store.list()).toEqual([]);
  });
});
