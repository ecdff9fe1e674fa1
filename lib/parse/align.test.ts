import { describe, expect, it } from 'vitest';
import { baseReport, COL, t3row } from '../../test/fixtures/base';
import { renderPdfText } from '../../test/fixtures/render';
import { checkPlain } from '../../test/helpers';

describe('a row label printed word by word', () => {
  it('is matched with confidence, so that a wrong total elsewhere stays an error', () => {
    const d = baseReport();
    t3row(d, 'd').label = '(二) 部分公开 (区分处理的, 只计这一情形 , 不计其他情形)';
    t3row(d, 'g2').values[COL.legal] = String(Number(t3row(d, 'g2').values[COL.legal]) + 2);
    const r = checkPlain(renderPdfText(d));
    expect(r.report!.tables.t3.rows.d.label).toBeDefined();
    expect(r.findings.filter((f) => f.rule === 'table-unreadable')).toEqual([]);
    expect(r.findings.some((f) => f.rule === 't3-row-total' && f.severity === 'error' && f.cells.some((c) => c.row === 'g2'))).toBe(true);
  });
});
