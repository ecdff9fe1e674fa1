import { describe, expect, it } from 'vitest';
import { checkChanged } from '../../test/fixtures/base';

describe('section-heading-variant', () => {
  it('notes a known variant, warns on a misspelling or a wrong number', () => {
    const r = checkChanged((d) => {
      d.sections[1].heading = '二、行政机关主动公开政府信息情况';
      d.sections[3].heading = '四、政府信息公开行政法复议、行政诉讼情况';
      d.sections[5].heading = '五、其他需要报告的事项';
    });
    const f = r.findings.filter((x) => x.rule === 'section-heading-variant');
    expect(f.map((x) => [x.section, x.severity])).toEqual([
      [2, 'info'],
      [4, 'warning'],
      [6, 'warning'],
    ]);
  });
  it('is silent on extra spaces and a trailing full stop', () => {
    const r = checkChanged((d) => {
      d.sections[3].heading = '四、 政府信息公开行政复议、行政诉讼情况';
      d.sections[4].heading = '五、存在的主要问题及改进情况。';
    });
    expect(r.findings.filter((x) => x.rule === 'section-heading-variant')).toEqual([]);
  });
});
