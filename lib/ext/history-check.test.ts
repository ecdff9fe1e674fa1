// The history step of a page or viewer check: what it adds (cross-year findings, the history line,
// notices for a damaged history or what could not be compared) and that a failure never loses the check.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compareWithHistory } from '../history/compare';
import { baseReport, checkChanged, COL, t3row } from '../../test/fixtures/base';

(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const { withHistory, sourceOfPage } = await import('./history-check');
const { ExtensionHistoryStore, HISTORY_PREFIX } = await import('./history-store');

const report = (year: number, carriedOn = 0) =>
  checkChanged((d) => {
    d.title = `某某市某某局${year}年政府信息公开工作年度报告`;
    d.preamble = [`本报告统计期限自${year}年1月1日至${year}年12月31日。`];
    const w = t3row(d, 'w');
    w.values = [...t3row(baseReport(), 'b').values];
    w.values[COL.total] = String(Number(w.values[COL.total]) + carriedOn);
  });

beforeEach(() => fakeBrowser.reset());

describe('withHistory', () => {
  it('keeps the report, then compares next year’s with it and says which report it was', async () => {
    const first = await withHistory(compareWithHistory, report(2022, 1), 'https://a.gov.cn/2022.html');
    expect(first.info).toEqual({ kept: true, year: 2022, previous: null });
    const second = await withHistory(compareWithHistory, report(2023), 'https://a.gov.cn/2023.html');
    expect(second.info?.previous).toEqual({ title: '某某市某某局2022年政府信息公开工作年度报告', ref: 'https://a.gov.cn/2022.html', year: 2022 });
    expect(second.result.findings.filter((f) => f.rule === 'cross-year-carryover').map((f) => f.cells[0].col)).toEqual(['total']);
  });

  it('says a damaged entry and still compares; keep: false stores nothing', async () => {
    await fakeBrowser.storage.local.set({ [`${HISTORY_PREFIX}x`]: { version: 2 } });
    const r = await withHistory(compareWithHistory, report(2023), 'https://a.gov.cn/2023.html', { keep: false });
    expect(r.notices[0].zh).toMatch(/1 条损坏的记录，已跳过/);
    expect(r.info).toEqual({ kept: true, year: 2023, previous: null });
    expect(await new ExtensionHistoryStore().list()).toEqual([]);
  });

  it('a failing store is a notice, the check is kept as it was', async () => {
    const checked = report(2023);
    const broken = new ExtensionHistoryStore();
    broken.findPrevious = async () => {
      throw new Error('quota');
    };
    const r = await withHistory(compareWithHistory, checked, 'https://a.gov.cn/2023.html', {}, broken);
    expect(r.result).toBe(checked);
    expect(r.notices[0].zh).toContain('quota');
  });

  it('a report without a body or year is neither kept nor compared; a page’s fragment is not part of its source', async () => {
    const anonymous = checkChanged((d) => (d.title = '政府信息公开工作年度报告'));
    expect((await withHistory(compareWithHistory, anonymous, 'https://a.gov.cn/x.html')).info).toBeNull();
    expect(await new ExtensionHistoryStore().list()).toEqual([]);
    expect(sourceOfPage('https://a.gov.cn/r.html?id=3#t3')).toBe('https://a.gov.cn/r.html?id=3');
  });
});
