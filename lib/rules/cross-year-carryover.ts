// This year's 二、上年结转 must be last year's 四、结转下年度继续办理, column by column: the requests
// still open at the end of last year are the ones carried into this one. A warning: the two reports
// may differ in scope (a body merged, the district's total against the office's own).
import { finding, toFindingCell, type Finding, type Rule } from '../findings';
import { cellValue, figureValue, isYearBefore, surelyRead, UNSURE, usableCell, usableFigure } from '../history/figures';
import { recordSource, T3_COLS } from '../history/model';
import { cellName, colName, rowName } from './names';

export const crossYearCarryover: Rule = {
  id: 'cross-year-carryover',
  scope: 'report',
  needs: 'previous',
  run(report, context) {
    const previous = context?.previous;
    if (!isYearBefore(previous, report.year) || !report.tables.t3.found) return [];
    const lastW = previous.figures.t3.w;
    const thisB = report.tables.t3.rows.b;
    if (!lastW || !thisB) return [];
    const from = recordSource(previous);
    const out: Finding[] = [];
    for (const col of T3_COLS) {
      const cell = thisB.cells.find((c) => c.ref.col === col);
      const last = lastW[col];
      if (!usableCell(cell) || !usableFigure(last)) continue;
      const now = cellValue(cell);
      const before = figureValue(last);
      if (now === before) continue;
      const doubt = !surelyRead(cell) || !last.confident;
      const wRef = { table: 't3' as const, row: 'w', col };
      out.push(
        finding(
          'cross-year-carryover',
          'warning',
          {
            zh: `${cellName(cell.ref, 'zh')}为 ${now}，但上一年度（${previous.year}年）报告${from.zh}${rowName(wRef, 'zh')}${colName(wRef, 'zh')}为 ${before}${last.stated ? `（其表三未能读取，取自正文「${last.stated}」）` : ''}：本年的上年结转应等于上年的结转下年度，相差 ${Math.abs(now - before)}；两份报告的统计范围可能不同，请核对${doubt ? UNSURE.zh : ''}`,
            en: `${cellName(cell.ref, 'en')} is ${now}, but last year's (${previous.year}) report ${from.en} gives ${before} in ${rowName(wRef, 'en')}, ${colName(wRef, 'en')}${last.stated ? ` (its table 3 could not be read; its text says "${last.stated}")` : ''}: this year's carried-over requests must be those last year carried into the next, a gap of ${Math.abs(now - before)}; the two reports may differ in scope, please check${doubt ? UNSURE.en : ''}`,
          },
          { cells: [toFindingCell(cell)], expected: before, actual: now },
        ),
      );
    }
    return out;
  },
};
