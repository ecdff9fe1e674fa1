import { describe, expect, it } from 'vitest';
import { checkChanged, COL, t3row } from '../../test/fixtures/base';

describe('t3-balance', () => {
  it('checks 一 + 二 = （七） + 四 in each column', () => {
    const r = checkChanged((d) => {
      const w = t3row(d, 'w');
      w.values[COL.natural] = String(Number(w.values[COL.natural]) + 2);
      w.values[COL.total] = String(Number(w.values[COL.total]) + 2);
    });
    const f = r.findings.filter((x) => x.rule === 't3-balance');
    expect(f.map((x) => x.cells[0].col)).toEqual(['natural', 'total']);
    expect(f[0].severity).toBe('error');
    expect(f[0].message.zh).toMatch(/两者应相等，相差 2/);
    expect(f[0].cells.map((c) => c.row)).toEqual(['a', 'b', 'v', 'w']);
  });
});
