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
});
