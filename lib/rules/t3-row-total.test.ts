import { describe, expect, it } from 'vitest';
import { checkChanged, COL, t3row } from '../../test/fixtures/base';

describe('t3-row-total', () => {
  it('is silent on a consistent report', () => {
    expect(checkChanged().findings.filter((f) => f.rule === 't3-row-total')).toEqual([]);
  });
  it('shows the equation with the real numbers and the gap', () => {
    const r = checkChanged((d) => {
      const row = t3row(d, 'c');
      row.values = ['0', '9', '0', '0', '0', '0', '8'];
    });
    const f = r.findings.filter((x) => x.rule === 't3-row-total');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].message.zh).toContain('自然人 0 + 商业企业 9 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 9，但总计填报为 8，相差 1');
    expect([f[0].expected, f[0].actual]).toEqual([9, 8]);
    expect(f[0].cells.map((c) => c.col)).toEqual(['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total']);
    expect(f[0].cells.every((c) => c.table === 't3' && c.row === 'c')).toBe(true);
  });
  it('leaves a blank total to total-blank', () => {
    const r = checkChanged((d) => {
      t3row(d, 'a').values[COL.total] = '';
    });
    expect(r.findings.filter((f) => f.rule === 't3-row-total')).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'total-blank')).toBe(true);
  });
});
