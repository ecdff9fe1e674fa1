import { describe, expect, it } from 'vitest';
import { checkChanged, t3row } from '../../test/fixtures/base';

describe('label-variant', () => {
  it('reports old-format wording, typos and known variants, and still reads the row', () => {
    const r = checkChanged((d) => {
      d.t2.subtables[0].rows[1][0] = '规范性文件';
      t3row(d, 'e2').label = '2.其他法律行政止公开';
      d.t3.columns[1] = '商业机构';
    });
    const f = r.findings.filter((x) => x.rule === 'label-variant');
    expect(f.map((x) => `${x.cells[0].table}.${x.cells[0].row}.${x.cells[0].col}`).sort()).toEqual(['t2.normative.null', 't3.e2.null', 't3.null.commercial']);
    expect(f.find((x) => x.cells[0].row === 'e2')!.message.zh).toContain('疑似错别字或漏字');
    expect(r.report!.tables.t3.rows.e2.cells.map((c) => c.value)).toEqual([3, 1, 0, 0, 1, 0, 5]);
  });
  it('ignores spacing, full/half-width and quote styles', () => {
    const r = checkChanged((d) => {
      t3row(d, 'e3').label = '3. 危及"三安全一稳定"';
      t3row(d, 'd').label = '(二)部分公开(区分处理的,只计这一情形,不计其他情形)';
    });
    expect(r.findings.filter((x) => x.rule === 'label-variant')).toEqual([]);
  });
});

describe('「合计」 for 「（七）总计」 (spec §8.2, unconfirmed)', () => {
  it('is read as the total row, and said', async () => {
    const { checkChanged, t3row, COL } = await import('../../test/fixtures/base');
    const r = checkChanged((d) => {
      t3row(d, 'v').label = '合计';
      t3row(d, 'c').values[COL.natural] = String(Number(t3row(d, 'c').values[COL.natural]) + 2);
    });
    expect(r.report!.tables.t3.rows.v.label?.printed).toBe('合计');
    expect(r.findings.some((f) => f.rule === 'label-variant' && f.cells[0]?.row === 'v')).toBe(true);
    expect(r.findings.some((f) => f.rule === 't3-outcome-total' && f.severity === 'error')).toBe(true);
  });
});
