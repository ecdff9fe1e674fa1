import { describe, expect, it } from 'vitest';
import { checkChanged, COL, t3row } from '../../test/fixtures/base';

describe('cell-invalid', () => {
  it('flags negative and fractional counts', () => {
    const r = checkChanged((d) => {
      t3row(d, 'g5').values[COL.social] = '-1';
      t3row(d, 'g5').values[COL.total] = String(Number(t3row(d, 'g5').values[COL.total]) - 1);
      d.t4.values[2] = '1.5';
    });
    const f = r.findings.filter((x) => x.rule === 'cell-invalid');
    expect(f.map((x) => `${x.cells[0].table}.${x.cells[0].row}.${x.cells[0].col}`)).toEqual(['t3.g5.social', 't4.review.other']);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });
  it('flags text where a number belongs, and keeps the decimals of 万元 amounts', () => {
    const r = checkChanged((d) => {
      t3row(d, 'g5').values[COL.social] = '约5';
      d.t2.subtables[3].rows[0][1] = '7730.28';
    });
    const f = r.findings.filter((x) => x.rule === 'cell-invalid');
    expect(f.map((x) => x.message.zh)).toEqual([expect.stringContaining('不是数字（「约5」）')]);
  });
});
