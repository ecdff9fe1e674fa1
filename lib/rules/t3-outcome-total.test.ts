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
    // 21 parts, all zero: the equation names none and counts them.
    expect(f[0].message.zh).toContain('（其余 21 项均为 0） = 0，但');
  });
  it('names the non-zero parts of a long equation and counts the zeros', () => {
    const r = checkChanged((d) => {
      t3row(d, 'v').values[COL.natural] = '99';
    });
    const f = r.findings.find((x) => x.rule === 't3-outcome-total')!;
    const nonZero = f.cells.slice(0, -1).filter((c) => c.value !== 0);
    expect(nonZero.length).toBeGreaterThan(1);
    expect(f.message.zh).toContain(`（其余 ${21 - nonZero.length} 项均为 0）`);
    expect(f.message.en).toContain(` (the other ${21 - nonZero.length} parts are all 0) = `);
    expect(f.message.zh.split(' + ')).toHaveLength(nonZero.length);
  });
  it('does not guess when a detail row is missing', () => {
    const r = checkChanged((d) => {
      d.t3.rows = d.t3.rows.filter((x) => x.key !== 'g3');
    });
    expect(r.findings.filter((x) => x.rule === 't3-outcome-total')).toEqual([]);
    expect(r.findings.some((x) => x.rule === 'table-unreadable')).toBe(true);
  });
});
