// The real published reports of ../shared/reports, read from there at test time (never copied here):
// no false error on a clean report, every real violation found.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../lib/check';
import { REPORTS_DIR as DIR, briefs, checkBytes, reportSource } from './helpers';

async function check(id: string): Promise<CheckResult> {
  const { kind, bytes } = reportSource(id);
  return checkBytes(kind, bytes);
}

const errors = (r: CheckResult) => briefs(r).filter((b) => b.includes(':error:'));
const values = (r: CheckResult, t: 't2' | 't3', row: string) => r.report!.tables[t].rows[row]?.cells.map((c) => c.value);
const t4 = (r: CheckResult) => r.report!.tables.t4.rows.cells.cells.map((c) => c.value);

describe('every real report', () => {
  const ids = readdirSync(DIR).filter((d) => /^\d+$/.test(d)).sort();
  it('is there to be read', () => expect(ids.length).toBeGreaterThanOrEqual(15));
  it.each(ids)('%s is detected and parsed without a failure of ours', async (id) => {
    const r = await check(id);
    expect(r.detection.isReport).toBe(true);
    expect(r.notices).toEqual([]);
    expect(r.report!.tables.t3.found).toBe(true);
    expect(r.report!.tables.t4.found).toBe(true);
  });
});

describe('clean reports: no error, no warning', () => {
  // 013's tables add up, but its text gives another 现行有效 count than table 二: see test/text-table.real.test.ts.
  it.each(['001', '008', '010', '012', '014'])('%s', async (id) => {
    const r = await check(id);
    expect(briefs(r).filter((b) => !b.includes(':info:'))).toEqual([]);
  });

  it('001 (淮安市 2024, PDF text with vertical labels): every value in place', async () => {
    const r = await check('001');
    expect(values(r, 't3', 'a')).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    expect(values(r, 't3', 't1')).toEqual([67, 3, 0, 0, 1, 0, 71]);
    expect(values(r, 't3', 'v')).toEqual([2932, 53, 0, 0, 61, 4, 3050]);
    expect(values(r, 't3', 'w')).toEqual([103, 0, 0, 0, 0, 0, 103]);
    expect(values(r, 't2', 'fees')).toEqual([96171.6]);
    expect(t4(r)).toEqual([72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
  });
});

describe('real violations are found', () => {
  it('002 (洪泽区 2023): 表四 totals of 0, the 2019 table 三 in a 2023 report, a label typo', async () => {
    const r = await check('002');
    expect(errors(r)).toEqual(['format-mismatch:error:s3', 't4-block-total:error:t4.after-review.upheld', 't4-block-total:error:t4.review.upheld']);
    const review = r.findings.find((f) => f.rule === 't4-block-total' && f.cells[0].row === 'review')!;
    expect([review.expected, review.actual]).toEqual([11, 0]);
    expect(review.message.zh).toContain('结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，但总计填报为 0，相差 11');
    expect(briefs(r)).toContain('label-variant:warning:t3.e2.-');
  });

  it('003 (洪泽区 2024): the outdated table 三 again, and the same typo', async () => {
    const r = await check('003');
    expect(errors(r)).toEqual(['format-mismatch:error:s3']);
    expect(briefs(r)).toContain('label-variant:warning:t3.e2.-');
    // Spec §7 E5 (b): the text's 「受理政府信息公开申请 17 件」 against row 一's 95 (a scope question, perhaps).
    const text = r.findings.filter((f) => f.rule === 'text-table');
    expect(text.map((f) => [f.severity, f.actual, f.expected])).toEqual([['warning', 17, 95]]);
  });

  it('007 (上海市政府办公厅 2019): 总计 left blank in the result rows', async () => {
    const r = await check('007');
    // One finding for the column left blank row after row, listing each row with its parts' sum.
    const blankTotals = r.findings.filter((f) => f.rule === 'total-blank');
    expect(blankTotals.map((f) => f.rows)).toEqual([['c', 'd', 'e1', 'e5', 'e6', 'e8', 'f1', 'f2', 'f3', 'g1', 'g2']]);
    expect(blankTotals[0].message.zh).toContain('「（一）予以公开」 272；');
    expect(errors(r).every((e) => e.startsWith('total-blank:'))).toBe(true);
    expect(t4(r)).toEqual([5, null, null, 2, 7, 8, null, null, 1, 9, null, null, null, null, null]);
  });

  it('015 (平潭 2020): the outcome rows add up to 6 more than （七）总计', async () => {
    const r = await check('015');
    const found = r.findings.filter((f) => f.rule === 't3-outcome-total').map((f) => [f.cells[0].col, f.expected, f.actual]);
    expect(found).toEqual([
      ['natural', 26, 20],
      ['total', 27, 21],
    ]);
    expect(errors(r)).toHaveLength(2);
  });
});

describe('odd layouts: no false error, and a plain word about what could not be read', () => {
  it('004 (沭阳县 2025, OCR markdown with placeholder headers): values in place, no error', async () => {
    const r = await check('004');
    expect(errors(r)).toEqual([]);
    expect(values(r, 't3', 'a')).toEqual([705, 3, 0, 0, 5, 0, 713]);
    expect(values(r, 't3', 't3')).toEqual([142, 1, 0, 0, 0, 0, 143]);
    expect(t4(r)).toEqual([27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);
  });

  it.each(['005', '006'])('%s (shattered markdown): only warnings, and it says which rows it could not place', async (id) => {
    const r = await check(id);
    expect(errors(r)).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'table-unreadable')).toBe(true);
  });

  it('009 (平潭 2022, cells run together): digits split by row totals, asked to be checked by eye', async () => {
    const r = await check('009');
    expect(errors(r)).toEqual([]);
    expect(values(r, 't3', 'a')).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(values(r, 't3', 'f1')).toEqual([37, 0, 0, 0, 0, 0, 37]);
    expect(values(r, 't3', 'v')).toEqual([72, 3, 0, 0, 0, 0, 75]);
    expect(r.report!.tables.t3.rows.a.confident).toBe(false);
    expect(t4(r)).toEqual([0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(r.findings.filter((f) => f.rule === 'table-unreadable').length).toBeGreaterThan(0);
  });

  it('011 (沭阳县发改局 2023): blank legal-person columns are warnings, not errors', async () => {
    const r = await check('011');
    expect(errors(r)).toEqual([]);
    expect(briefs(r)).toContain('cell-blank:warning:t3.a.commercial');
    expect(briefs(r)).toContain('label-variant:warning:t2.normative.-');
    expect(values(r, 't3', 'a')).toEqual([26, null, null, null, null, null, 26]);
  });
});
