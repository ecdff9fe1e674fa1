// The batch chained year with year, as the audit page and the command line chain it: real reports of
// ../shared (平潭 2023 and 2024), given newest first, named by whatever the caller calls them.
import { describe, expect, it } from 'vitest';
import { chainYears } from './chain';
import { crossYear } from '../cli/history';

describe('chainYears', async () => {
  const { checkBytes, reportSource } = await import('../../test/helpers');
  const check = async (id: string) => {
    const { kind, bytes } = reportSource(id);
    return { input: id, result: await checkBytes(kind, bytes) };
  };
  const batch = [await check('008'), await check('013')]; // 2024, then 2023
  const url = (id: string) => `https://www.pingtan.gov.cn/reports/${id}.html`;
  const at = '2026-01-01T00:00:00.000Z';

  it('compares 2024 with the 2023 report given after it, named by the caller\'s sourceRef', () => {
    const [y2024, y2023] = chainYears(batch, [], false, url, at);
    expect(y2024.record!.year).toBe(2024);
    expect(y2024.previous!.year).toBe(2023);
    expect(y2024.previous!.source).toEqual({ kind: 'url', ref: url('013') });
    expect(y2024.note!.zh).toContain(url('013'));
    expect(y2023.previous).toBeNull();
    // Nothing to say of 2023 when no history is kept; said when one is.
    expect(y2023.note).toBeUndefined();
    expect(chainYears(batch, [], true, url, at)[1].note!.zh).toContain('2022年度的报告');
  });

  it('finds last year among the stored records when the batch lacks it', () => {
    const stored = chainYears([batch[1]], [], false, url, at)[0].record!;
    const [alone] = chainYears([batch[0]], [stored], true, url, at);
    expect(alone.previous).toEqual(stored);
    const cross = (c: typeof alone) => c.result.findings.filter((f) => f.rule.startsWith('cross-year')).map((f) => f.message.zh);
    expect(cross(alone)).toEqual(cross(chainYears(batch, [], false, url, at)[0]));
  });

  it('is what the command line runs, with files named by their full path', () => {
    const cli = crossYear(batch, [], false, at);
    const pure = chainYears(batch, [], false, (i) => cli[batch.findIndex((b) => b.input === i)].record!.source.ref, at);
    expect(pure.map((c) => c.result.findings)).toEqual(cli.map((c) => c.result.findings));
    expect(cli[0].previous!.source.ref).toMatch(/\/013$/);
  });
});

describe('chainYears with a name that leaves out its city', async () => {
  const { checkPlain } = await import('../../test/helpers');
  const row = (n: number) => [n, 0, 0, 0, 0, 0, n].join(' ');
  const report = (agency: string, year: number) =>
    checkPlain(
      [
        `${agency}${year}年政府信息公开工作年度报告`,
        '三、收到和处理政府信息公开申请情况',
        '申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
        `一、本年新收政府信息公开申请数量 ${row(5)}`,
        `二、上年结转政府信息公开申请数量 ${row(1)}`,
        `四、结转下年度继续办理 ${row(2)}`,
      ].join('\n'),
    );
  const file = (name: string) => `/reports/${name}.txt`;

  it('chains no report with a short name two bodies answer to, and says why', () => {
    const batch = [
      { input: 'short-2023', result: report('东湖区人民政府', 2023) },
      { input: 'linchuan-2024', result: report('临川市东湖区人民政府', 2024) },
      { input: 'jiangzhou-2024', result: report('江州市东湖区人民政府', 2024) },
    ];
    const out = chainYears(batch, [], false, file);
    expect(out[1].previous).toBeNull();
    expect(out[2].previous).toBeNull();
    expect(out[1].note?.zh).toContain('可能属于同名的不同机关');
    // With one body of that name only, the short name is that body.
    const alone = chainYears(batch.slice(0, 2), [], false, file);
    expect(alone[1].previous?.year).toBe(2023);
  });
});
