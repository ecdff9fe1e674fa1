import { describe, expect, it } from 'vitest';
import { checkDoc, historyStep } from '../check';
import { recordOf, type HistoryRecord } from '../history/record';
import { readText } from '../read/text';
import { baseReport, COL, t3row } from '../../test/fixtures/base';
import { renderTsv, type SeedData } from '../../test/fixtures/render';

// The base report as this body's report of `year` (title and statistics period), after a change.
function yearReport(year: number, change: (d: SeedData) => void = () => {}): SeedData {
  const d = baseReport();
  d.title = `某某市某某局${year}年政府信息公开工作年度报告`;
  d.preamble = [`本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自${year}年1月1日至${year}年12月31日。`];
  change(d);
  return d;
}
const check = (d: SeedData, previous?: HistoryRecord) => checkDoc(readText(renderTsv(d)), { previous });
const PREV_URL = 'https://www.example.gov.cn/xxgk/2022-report.html';
/** Last year's record, its row 四 the base report's row 二 unless changed. */
function lastYear(change: (d: SeedData) => void = () => {}): HistoryRecord {
  const d = yearReport(2022, (x) => {
    t3row(x, 'w').values = [...t3row(baseReport(), 'b').values];
    change(x);
  });
  return recordOf(check(d).report!, { source: PREV_URL, checkedAt: '2023-02-01T00:00:00.000Z' });
}
const carry = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.rule === 'cross-year-carryover');

describe('cross-year-carryover', () => {
  it('finds nothing when this year carries over what last year carried into it', () => {
    expect(carry(check(yearReport(2023), lastYear()))).toEqual([]);
  });

  it('names this year\'s cells, last year\'s figure and the report it came from, per column', () => {
    const previous = lastYear((d) => {
      const w = t3row(d, 'w');
      w.values[COL.natural] = String(Number(w.values[COL.natural]) + 2);
      w.values[COL.total] = String(Number(w.values[COL.total]) + 2);
    });
    const f = carry(check(yearReport(2023), previous));
    const b = t3row(baseReport(), 'b').values;
    expect(f.map((x) => [x.severity, x.cells.map((c) => `${c.table}.${c.row}.${c.col}`), x.actual, x.expected])).toEqual([
      ['warning', ['t3.b.natural'], Number(b[COL.natural]), Number(b[COL.natural]) + 2],
      ['warning', ['t3.b.total'], Number(b[COL.total]), Number(b[COL.total]) + 2],
    ]);
    expect(f[0].message.zh).toBe(
      `表三「二、上年结转政府信息公开申请数量」自然人为 ${b[COL.natural]}，但上一年度（2022年）报告《某某市某某局2022年政府信息公开工作年度报告》（${PREV_URL}）「四、结转下年度继续办理」自然人为 ${Number(b[COL.natural]) + 2}：本年的上年结转应等于上年的结转下年度，相差 2；两份报告的统计范围可能不同，请核对`,
    );
    expect(f[0].message.en).toContain(PREV_URL);
  });

  it('asks for a look by eye when last year\'s figure was not read with certainty', () => {
    const previous = lastYear((d) => (t3row(d, 'w').values[COL.other] = '5'));
    previous.figures.t3.w!.other.confident = false;
    const f = carry(check(yearReport(2023), previous));
    expect(f.map((x) => x.cells[0].col)).toEqual(['other']);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message.zh).toMatch(/请人工核对）$/);
  });

  it('compares nothing that was not read (last year\'s row 四 missing, a cell unread)', () => {
    const previous = lastYear((d) => (t3row(d, 'w').values[COL.natural] = '9'));
    const unread: HistoryRecord = { ...previous, figures: { ...previous.figures, t3: { b: previous.figures.t3.b } } };
    expect(carry(check(yearReport(2023), unread))).toEqual([]);
    previous.figures.t3.w!.natural = { value: null, state: 'missing', confident: false };
    expect(carry(check(yearReport(2023), previous))).toEqual([]);
  });

  it('compares only with the year just before, and only when given one', () => {
    const previous = lastYear((d) => (t3row(d, 'w').values[COL.natural] = '9'));
    expect(carry(check(yearReport(2023)))).toEqual([]);
    expect(carry(check(yearReport(2024), previous))).toEqual([]);
    expect(carry(check(yearReport(2022), previous))).toEqual([]);
    expect(carry(check(yearReport(2023), previous))).toHaveLength(1);
  });

  it('is added by historyStep to a result checked without last year (the command line\'s second pass)', () => {
    const previous = lastYear((d) => (t3row(d, 'w').values[COL.natural] = '9'));
    const first = check(yearReport(2023));
    const second = historyStep(first, previous);
    expect(carry(second)).toHaveLength(1);
    expect(second.findings.filter((f) => f.rule !== 'cross-year-carryover')).toEqual(first.findings);
  });
});
