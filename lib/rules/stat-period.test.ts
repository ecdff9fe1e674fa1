import { describe, expect, it } from 'vitest';
import { checkChanged } from '../../test/fixtures/base';
import { readText } from '../read/text';
import { findPeriods } from '../parse/period';

const periods = (text: string) => findPeriods(readText(text)).map((p) => [p.from, p.to]);

describe('stat-period', () => {
  it('reads the period however it is written and wrapped', () => {
    const whole = [{ year: 2023, month: 1, day: 1 }, { year: 2023, month: 12, day: 31 }];
    expect(periods('本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。')).toEqual([whole]);
    expect(periods('本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。')).toEqual([[whole[0], { year: null, month: 12, day: 31 }]]);
    expect(periods('报告中所列数据统计期限自 2023 年 1 月 1 日\n至 2023 年 12 月 31 日。')).toEqual([whole]);
    expect(periods('本报告所列数据的统计时限为2023年1月1日至2023年12月31日。')).toEqual([whole]);
    expect(periods('今年1月1日至12月31日共收到申请。')).toEqual([]);
  });

  it('accepts the whole report year', () => {
    expect(checkChanged().findings.filter((f) => f.rule === 'stat-period')).toEqual([]);
  });

  it('warns once on a period that starts mid-year, however often it is stated', () => {
    const r = checkChanged((d) => {
      d.preamble = ['本报告统计数据从 2023 年 5 月 29 日至 12 月 31 日。'];
      d.sections[5].paragraphs.push('所列政府信息公开数据统计期限为 2023 年 5 月 29 日至 2023 年 12 月 31 日。', '本报告统计数据从 2023 年 5 月 29 日至 12 月 31 日。');
    });
    const f = r.findings.filter((x) => x.rule === 'stat-period');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].message.zh).toBe('统计期限为「2023年5月29日至12月31日」，按惯例应为2023年1月1日至2023年12月31日（不满一个完整年度）；如机构年中设立等原因属实，请在报告中说明');
  });

  it('warns on a period of another year than the report', () => {
    const r = checkChanged((d) => {
      d.preamble = ['本报告所列数据统计期限自2022年1月1日至2022年12月31日。'];
    });
    expect(r.findings.filter((x) => x.rule === 'stat-period').map((x) => x.message.zh)).toEqual(['统计期限为「2022年1月1日至2022年12月31日」，按惯例应为2023年1月1日至2023年12月31日（与报告年度不符）；如机构年中设立等原因属实，请在报告中说明']);
  });
});

describe('the period is marked where it is written', () => {
  it('in text: the dates, not the whole line', () => {
    const [p] = findPeriods(readText('前言\n本报告统计数据从 2024 年 5 月 29 日至 12 月 31 日。\n'));
    expect(p.anchor).toEqual({ kind: 'text', line: 1, col: 9, length: 27 });
  });

  it('in a page: from the first digit to the last 日, across the element boundaries', async () => {
    const { parseHtml } = await import('../cli/html');
    const { readDocument } = await import('../source');
    const page = parseHtml('<html><body><p>根据条例，<span>本报告所列数据统计期限自</span>2024 年 5 月 29 日至 12 月 31 日。现将</p></body></html>');
    const [p] = findPeriods(readDocument(page.document));
    const a = p.anchor as { kind: string; node: Node; start: number; endNode: Node; end: number };
    expect(a.kind).toBe('dom');
    expect(a.node.nodeValue!.slice(a.start, a.end)).toBe('2024 年 5 月 29 日至 12 月 31 日。');
    await page.close();
  });
});
