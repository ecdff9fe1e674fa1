import { describe, expect, it } from 'vitest';
import { checkChanged } from '../../test/fixtures/base';

describe('format-mismatch', () => {
  it('flags the 2019 single (六) row in a 2023 report', () => {
    const r = checkChanged((d) => {
      const t1 = d.t3.rows.findIndex((x) => x.key === 't1');
      const merged = [0, 1, 2, 3, 4, 5, 6].map((i) => String(d.t3.rows.slice(t1, t1 + 3).reduce((a, x) => a + Number(x.values[i]), 0)));
      d.t3.rows.splice(t1, 3, { key: 't', label: '（六）其他处理', values: merged });
    });
    const f = r.findings.filter((x) => x.rule === 'format-mismatch');
    expect(f.map((x) => [x.section, x.severity])).toEqual([[3, 'error']]);
    expect(r.report!.tables.t3.layout).toBe('2019');
    expect(r.findings.filter((x) => x.severity === 'error')).toHaveLength(1);
  });
  it('accepts the 2021 format for a 2023 report', () => {
    expect(checkChanged().findings.filter((x) => x.rule === 'format-mismatch')).toEqual([]);
  });
});
