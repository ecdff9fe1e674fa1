import { describe, expect, it } from 'vitest';
import { formats } from './index';
import { validateFormats } from './schema';

describe('the formats as data', () => {
  it('match the zod schema of the spec', () => {
    expect(() => validateFormats(formats)).not.toThrow();
  });
  it('have the rows the spec lists: 25 rows in 2021, 23 in 2019; 15 cells in table 四', () => {
    expect(formats['2021'].t3.rows).toHaveLength(25);
    expect(formats['2019'].t3.rows).toHaveLength(23);
    expect(formats['2021'].t3.rows.filter((r) => r.role === 'detail')).toHaveLength(21);
    expect(formats['2019'].t3.rows.filter((r) => r.role === 'detail')).toHaveLength(19);
    expect(formats['2021'].t4.blocks.length * formats['2021'].t4.columns.length).toBe(15);
    expect(formats['2019'].t2.subtables.map((s) => s.caption)).toContain('第二十条第（九）项');
  });
  it('keep every identity as data', () => {
    expect(formats['2021'].identities.map((i) => i.rule).sort()).toEqual(['t3-balance', 't3-outcome-total', 't3-row-total', 't4-block-total']);
  });
});
