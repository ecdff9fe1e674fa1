import { describe, expect, it } from 'vitest';
import { detect, yearOf } from './detect';

describe('detect', () => {
  it('recognises a report from its title and headings', () => {
    const d = detect('某某局2023年政府信息公开工作年度报告_某某市人民政府', '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况');
    expect(d.isReport).toBe(true);
    expect(d.year).toBe(2023);
  });
  it('ignores a page that only links to reports', () => {
    const d = detect('政府信息公开年报', '2023年政府信息公开工作年度报告\n2022年政府信息公开工作年度报告\n2021年政府信息公开工作年度报告');
    expect(d.isReport).toBe(false);
  });
  it('ignores an ordinary news page', () => {
    expect(detect('新闻', '今天召开了工作会议。'.repeat(200)).isReport).toBe(false);
  });
  it('takes the data year from the title, else the statistics period', () => {
    expect(yearOf('', '本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。')).toBe(2022);
    expect(yearOf('2019年上海市人民政府办公厅政府信息公开工作年度报告', '')).toBe(2019);
  });
});
