import { describe, expect, it } from 'vitest';
import { memoMarkdown, memoOf } from './memo';
import { failedRow, pendingRow, type AuditFinding, type AuditRow } from './model';
import type { RowReviews } from './review-types';

const f = (over: Partial<AuditFinding>): AuditFinding => ({
  key: 'k',
  rule: 't3-row-total',
  severity: 'error',
  message: { zh: '自然人 1 + 商业企业 0 = 1，但总计填报为 0，相差 1', en: 'natural persons 1 + businesses 0 = 1, but the total is 0: 1 apart' },
  table: 't3',
  row: 'v',
  col: 'total',
  section: null,
  expected: 1,
  actual: 0,
  cells: [],
  ...over,
});

const report: AuditRow = {
  ...pendingRow('https://www.example.gov.cn/2024.html'),
  url: 'https://www.example.gov.cn/art/2024.html',
  state: 'done',
  title: '某某区人民政府2024年政府信息公开工作年度报告',
  agency: '某某区人民政府',
  year: 2024,
  format: '2021',
  errors: 2,
  warnings: 1,
  findings: [
    f({ key: 'a' }),
    f({ key: 'b', rule: 'section-missing', table: null, row: null, col: null, section: 5, expected: null, actual: null, message: { zh: '缺少第五部分「存在的主要问题及改进情况」', en: 'Section 5 is missing' } }),
    f({ key: 'c', rule: 'cross-year-carryover', severity: 'warning', row: 'b', col: 'natural', message: { zh: '上年结转 3 ≠ 上一年度结转下年度 4，相差 1', en: 'carried 3 ≠ 4 last year' } }),
  ],
  notices: [{ zh: '第 2 张图片无法识别', en: 'Picture 2 could not be read' }],
  compared: { zh: '跨年度核对：对照上一年度报告《某某区人民政府2023年政府信息公开工作年度报告》', en: "Cross-year check: against last year's report" },
};
const reviews = (): RowReviews => ({
  a: { verdict: 'confirmed', note: '已与填报人核实\n将发布更正', at: '2026-03-01T08:00:00.000Z', hash: 'h1', stale: true },
  c: { verdict: 'excluded', note: '上年报告口径不同', at: '2026-03-01T08:00:00.000Z', hash: 'h1', stale: false },
});
const rows = [
  report,
  failedRow('https://www.example.gov.cn/404.html', { zh: '无法下载：服务器返回 404', en: 'Could not download: 404' }),
  { ...pendingRow('clean.html'), state: 'done' as const, title: '某某局2024年政府信息公开工作年度报告', agency: '某某局', year: 2024, format: '2021' },
];
const date = new Date(2026, 2, 5);

describe('memoOf', () => {
  it('lists each report with its link, counts and problems; excluded findings apart; reviews with their stale flag', () => {
    const memo = memoOf(rows, (r) => (r === report ? reviews() : {}), 'zh', date);
    expect(memo.title).toBe('年报核查意见');
    expect(memo.date).toBe('2026-03-05');
    expect(memo.totals).toEqual({ reports: 3, checked: 2, notReports: 0, failed: 1, unchecked: 0, errors: 2, warnings: 0, excluded: 1 });
    const [r, failed, clean] = memo.reports;
    expect(r.link).toBe('https://www.example.gov.cn/art/2024.html');
    expect(r.counts).toEqual({ errors: 2, warnings: 1, infos: 0 });
    expect(r.problems.map((p) => [p.key, p.place, p.severityLabel])).toEqual([
      ['a', '表三「（七）总计」「总计」', '错误'],
      ['b', '第五部分', '错误'],
    ]);
    expect(r.problems[0].review).toEqual({ verdict: 'confirmed', label: '确认', note: '已与填报人核实\n将发布更正', at: '2026-03-01T08:00:00.000Z', stale: true });
    expect(r.problems[1].review).toBeNull();
    expect(r.excluded.map((p) => [p.key, p.review!.label, p.review!.note])).toEqual([['c', '排除', '上年报告口径不同']]);
    expect(r.notices).toEqual(['第 2 张图片无法识别']);
    expect(r.compared).toBe('跨年度核对：对照上一年度报告《某某区人民政府2023年政府信息公开工作年度报告》');
    expect(clean.compared).toBeNull();
    expect([failed.stateLabel, failed.why, failed.link]).toEqual(['失败', '无法下载：服务器返回 404', 'https://www.example.gov.cn/404.html']);
    expect(clean.problems).toEqual([]);
    expect(memoOf(rows, () => ({}), 'en', date).reports[0].problems[0].place).toBe('table 3, row v ("（七）总计"), total');
  });
});

describe('memoMarkdown', () => {
  const text = memoMarkdown(memoOf(rows, (r) => (r === report ? reviews() : {}), 'zh', date));

  it('writes the title, the date, each report with its link and each problem with its equation and review', () => {
    expect(text.startsWith('# 年报核查意见\n\n日期：2026-03-05\n\n共 3 份：已核查 2 份，非年报 0 份，失败 1 份；发现错误 2 个，警告 0 个，经审核排除 1 项。\n')).toBe(true);
    expect(text).toContain('## 1. 某某区人民政府 — 某某区人民政府2024年政府信息公开工作年度报告（2024 年度）');
    expect(text).toContain('- 来源：<https://www.example.gov.cn/art/2024.html>');
    expect(text).toContain('- 格式：2021 · 核查结果：2 个错误，1 个警告，0 个提示\n- 跨年度核对：对照上一年度报告《某某区人民政府2023年政府信息公开工作年度报告》\n- 未能核对：第 2 张图片无法识别');
    expect(text).toContain('1. **错误** · 表三「（七）总计」「总计」 · `t3-row-total`\n   自然人 1 + 商业企业 0 = 1，但总计填报为 0，相差 1\n   审核：确认：已与填报人核实  \n   将发布更正（报告内容在审核后已变化，审核意见可能已过时）');
    expect(text).toContain('2. **错误** · 第五部分 · `section-missing`');
    expect(text).toContain('### 经审核排除\n\n1. **警告** · 表三「二、上年结转政府信息公开申请数量」「自然人」 · `cross-year-carryover`');
    expect(text).toContain('- 未能核对：第 2 张图片无法识别');
    expect(text).toContain('## 2. https://www.example.gov.cn/404.html\n\n- 来源：<https://www.example.gov.cn/404.html>\n- 状态：失败：无法下载：服务器返回 404');
    expect(text).toContain('## 3. 某某局 — 某某局2024年政府信息公开工作年度报告（2024 年度）\n\n- 来源：clean.html\n- 格式：2021 · 核查结果：0 个错误，0 个警告，0 个提示\n\n未发现问题。');
  });

  it('escapes Markdown marks taken from a report', () => {
    const odd = { ...report, title: '#1 报告 *草稿*', findings: [f({ message: { zh: '值为 0* 与 <b>', en: '' } })] };
    const out = memoMarkdown(memoOf([odd], () => ({}), 'zh', date));
    expect(out).toContain('\\#1 报告 \\*草稿\\*');
    expect(out).toContain('值为 0\\* 与 \\<b\\>');
  });

  it('speaks English when asked', () => {
    const en = memoMarkdown(memoOf(rows, (r) => (r === report ? reviews() : {}), 'en', date));
    expect(en).toContain('# Annual report audit memo');
    expect(en).toContain('Review: confirmed: ');
    expect(en).toContain(' (the report changed after the review; the review may be stale)');
  });
});
