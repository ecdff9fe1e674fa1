import { describe, expect, it } from 'vitest';
import { checkChanged, t3row } from '../../test/fixtures/base';

describe('row-length', () => {
  it('reports a row with a value too many, and does no arithmetic on it', () => {
    const r = checkChanged((d) => {
      t3row(d, 'f2').values.push('3');
    });
    const f = r.findings.filter((x) => x.rule === 'row-length');
    expect(f).toHaveLength(1);
    expect([f[0].expected, f[0].actual]).toEqual([7, 8]);
    // A text extraction may add a cell: a warning, not the report's error.
    expect(f[0].severity).toBe('warning');
    expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });
  it('does not shift the rows after a short row', () => {
    const r = checkChanged((d) => {
      t3row(d, 'f2').values.pop();
    });
    expect(r.report!.tables.t3.rows.f3.cells.map((c) => c.value)).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(r.findings.filter((x) => x.rule === 'row-length').map((x) => x.cells[0]?.row)).toEqual(['f2']);
  });
});
