import { describe, expect, it } from 'vitest';
import { checkChanged } from '../../test/fixtures/base';

describe('section-missing', () => {
  it('reports each absent section once', () => {
    const r = checkChanged((d) => {
      d.sections = d.sections.filter((s) => s.n !== 5 && s.n !== 6);
    });
    const f = r.findings.filter((x) => x.rule === 'section-missing');
    expect(f.map((x) => [x.section, x.severity])).toEqual([
      [5, 'error'],
      [6, 'error'],
    ]);
    expect(f[0].message.zh).toContain('五、存在的主要问题及改进情况');
  });
  it('says so when the heading is missing but the content is there', () => {
    const r = checkChanged((d) => {
      const s5 = d.sections.find((s) => s.n === 5)!;
      s5.heading = '';
      s5.paragraphs = ['（一）存在的主要问题', '一是更新不够及时。', '（二）改进措施', '加强培训。'];
    });
    const f = r.findings.filter((x) => x.rule === 'section-missing');
    expect(f.map((x) => [x.section, x.severity])).toEqual([[5, 'warning']]);
  });
});
