import { describe, expect, it } from 'vitest';
import { checkChanged, COL, t3row } from '../../test/fixtures/base';

describe('t3-outcome-total', () => {
  it('catches a （七）总计 that is not the sum of the outcome rows, per column', () => {
    const r = checkChanged((d) => {
      const v = t3row(d, 'v');
      v.values[COL.research] = '5';
    });
    const f = r.findings.filter((x) => x.rule === 't3-outcome-total');
    expect(f.map((x) => x.cells[0].col)).toEqual(['research']);
    expect(f[0].severity).toBe('error');
    expect([f[0].expected, f[0].actual]).toEqual([0, 5]);
    expect(f[0].cells).toHaveLength(22);
    expect(f[0].cells[21]).toMatchObject({ table: 't3', row: 'v', col: 'research', value: 5 });
  });
  it('does not guess when a detail row is missing', () => {
    const r = checkChanged((d) => {
      d.t3.rows = d.t3.rows.filter((x) => x.key !== 'g3');
    });
    expect(r.findings.filter((x) => x.rule === 't3-outcome-total')).toEqual([]);
    expect(r.findings.some((x) => x.rule === 'table-unreadable')).toBe(true);
  });
});
