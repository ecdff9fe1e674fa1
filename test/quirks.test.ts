// Tables made by other tools than ours (found by an outside try): hidden columns, a 序号 column, an
// empty column at the right, the total column first, Excel's accounting zeros, cells as <li>/<div>.
import { describe, expect, it } from 'vitest';
import { baseReport, COL, t3row } from './fixtures/base';
import { renderQuirks, type SeedData, type TableQuirks } from './fixtures/render';
import { checkHtml } from './helpers';

const QUIRKS: [string, TableQuirks][] = [
  ['a hidden column (display:none)', { hiddenColumn: true }],
  ['a 序号 column', { serialColumn: true }],
  ['an empty column at the right of table 四', { emptyRightColumn: true }],
  ['the 总计 column first', { totalFirst: true }],
  ["Excel's accounting zeros ( - , x:num)", { accountingZeros: true }],
  ['one <li> per cell', { cellsAs: 'li' }],
  ['a grid of <div>s', { cellsAs: 'div' }],
];

/** The base report with a blank cell in rows of table 三 and table 四's first cell blank. */
function withBlanks(): SeedData {
  const d = baseReport();
  t3row(d, 'e3').values[COL.legal] = '';
  d.t4.values[0] = '';
  d.t4.values[3] = String(Number(d.t4.values[3]) + Number(d.t4.values[0] || 0));
  return d;
}

describe.each(QUIRKS)('%s', (_, q) => {
  it('every value read as printed, no finding but the blanks', async () => {
    const d = withBlanks();
    // Table 四's first cell blank: its block still adds up (blank = 0).
    d.t4.values[4] = String([1, 2, 3].reduce((a, i) => a + Number(d.t4.values[i]), 0));
    const r = await checkHtml(renderQuirks(d, q));
    const t3 = r.report!.tables.t3;
    for (const row of d.t3.rows) expect(t3.rows[row.key]?.cells.map((c) => c.value), row.key).toEqual(row.values.map((v) => (v === '' ? null : Number(v))));
    expect(r.report!.tables.t4.rows.cells.cells.map((c) => c.value)).toEqual(d.t4.values.map((v) => (v === '' ? null : Number(v))));
    expect(r.findings.filter((f) => f.rule !== 'cell-blank' && f.severity !== 'info').map((f) => f.message.en)).toEqual([]);
  });

  it('a changed number is an error naming its cell', async () => {
    const d = withBlanks();
    d.t4.values[4] = String([1, 2, 3].reduce((a, i) => a + Number(d.t4.values[i]), 0));
    t3row(d, 'f1').values[COL.social] = String(Number(t3row(d, 'f1').values[COL.social]) + 3);
    d.t4.values[7] = String(Number(d.t4.values[7]) + 2);
    const r = await checkHtml(renderQuirks(d, q));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.some((f) => f.cells.some((c) => c.row === 'f1' && c.col === 'social'))).toBe(true);
    expect(errors.some((f) => f.cells.some((c) => c.row === 'direct' && c.col === 'corrected'))).toBe(true);
  });
});

describe('a column the format does not have (「小计」 after the legal-person columns)', () => {
  it('is left out of the check and said once; the rest is checked as usual', async () => {
    const d = withBlanks();
    d.t4.values[4] = String([1, 2, 3].reduce((a, i) => a + Number(d.t4.values[i]), 0));
    const clean = await checkHtml(renderQuirks(d, { subtotalColumn: true }));
    expect(clean.findings.filter((f) => f.rule !== 'cell-blank' && f.severity !== 'info').map((f) => f.message.zh)).toEqual(['表三有格式之外的列（「小计」），该列未计入核对']);
    t3row(d, 'c').values[COL.natural] = String(Number(t3row(d, 'c').values[COL.natural]) + 1);
    const changed = await checkHtml(renderQuirks(d, { subtotalColumn: true }));
    expect(changed.findings.some((f) => f.severity === 'error' && f.cells.some((c) => c.row === 'c' && c.col === 'natural'))).toBe(true);
  });
});
