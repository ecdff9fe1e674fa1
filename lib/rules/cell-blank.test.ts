import { describe, expect, it } from 'vitest';
import { checkChanged, COL, t3row } from '../../test/fixtures/base';

describe('cell-blank', () => {
  it('warns once per row, naming the blank cells', () => {
    const r = checkChanged((d) => {
      const row = t3row(d, 'g4');
      row.values[COL.research] = '';
      row.values[COL.social] = '/';
      d.t2.subtables[1].rows[0][1] = '—';
    });
    const f = r.findings.filter((x) => x.rule === 'cell-blank');
    expect(f.map((x) => [x.severity, x.cells.map((c) => `${c.table}.${c.row}.${c.col}`)])).toEqual([
      ['warning', ['t2.licensing.decisions']],
      ['warning', ['t3.g4.research', 't3.g4.social']],
    ]);
  });

  it('rows blank in the same columns are one finding listing them', () => {
    const r = checkChanged((d) => {
      for (const k of ['e1', 'e2', 'e3']) t3row(d, k).values[COL.legal] = '';
      t3row(d, 'g1').values[COL.other] = '';
    });
    const f = r.findings.filter((x) => x.rule === 'cell-blank');
    expect(f.map((x) => [x.rows ?? null, x.cells.map((c) => `${c.row}.${c.col}`)])).toEqual([
      [['e1', 'e2', 'e3'], ['e1.legal', 'e2.legal', 'e3.legal']],
      [null, ['g1.other']],
    ]);
    expect(f[0].message.zh).toContain('的 3 行');
  });
});
