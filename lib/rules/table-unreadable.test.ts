import { describe, expect, it } from 'vitest';
import { checkPlain } from '../../test/helpers';
import { baseReport } from '../../test/fixtures/base';
import { renderTsv } from '../../test/fixtures/render';

describe('table-unreadable', () => {
  it('says which rows could not be found, and turns arithmetic into a request for a human look', () => {
    const d = baseReport();
    d.t3.rows = d.t3.rows.filter((r) => !['e4', 'e5'].includes(r.key));
    d.t3.rows.find((r) => r.key === 'a')!.values[6] = '999';
    const r = checkPlain(renderTsv(d));
    const f = r.findings.filter((x) => x.rule === 'table-unreadable');
    expect(f[0].message.zh).toContain('e4、e5');
    expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r.findings.find((x) => x.rule === 't3-row-total')!.severity).toBe('warning');
  });
  it('asks for a human look at digits that ran together', () => {
    const r = checkPlain(
      '某局2022年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001三、本年度办理结果 （一）予以公开 720000072（七）总计 723000075四、结转下年度继续办理 0000000\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项',
    );
    expect(r.report!.tables.t3.rows.a.cells.map((c) => c.value)).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(r.findings.some((x) => x.rule === 'table-unreadable' && x.message.zh.includes('连成一串'))).toBe(true);
  });
});
