import { describe, expect, it } from 'vitest';
import { checkChanged, COL, t3row } from '../../test/fixtures/base';

describe('total-blank', () => {
  it('is an error when a blank total has parts that are not zero', () => {
    const r = checkChanged((d) => {
      t3row(d, 'e1').values[COL.total] = '';
    });
    const f = r.findings.filter((x) => x.rule === 'total-blank');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].cells.at(-1)).toMatchObject({ row: 'e1', col: 'total', value: null });
  });
  it('totals of one column left blank row after row are one finding listing them', () => {
    const r = checkChanged((d) => {
      for (const k of ['e1', 'f1', 'g1']) t3row(d, k).values[COL.total] = '';
    });
    const f = r.findings.filter((x) => x.rule === 'total-blank');
    expect(f).toHaveLength(1);
    expect(f[0].rows).toEqual(['e1', 'f1', 'g1']);
    expect(f[0].severity).toBe('error');
    expect(f[0].message.zh).toMatch(/^表三有 3 处「总计」为空白，但其分项合计不为 0：/);
  });
  it('leaves a blank total whose parts are all zero to cell-blank', () => {
    const r = checkChanged((d) => {
      t3row(d, 'e3').values = ['0', '0', '0', '0', '0', '0', ''];
    });
    expect(r.findings.filter((x) => x.rule === 'total-blank')).toEqual([]);
    expect(r.findings.filter((x) => x.rule === 'cell-blank').map((x) => x.cells[0].row)).toEqual(['e3']);
  });
});
