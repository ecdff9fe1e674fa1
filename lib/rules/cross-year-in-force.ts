// Last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数 should give this year's 现行有效件数,
// for 规章 and 行政规范性文件. Only between two tables 二 of the 2021 template (the 2019 trial template
// counts 新制作/新公开/对外公开总数, another thing). A warning: documents also lapse without being
// repealed (有效期届满), and the two reports may differ in scope.
import { finding, toFindingCell, type Finding, type Rule } from '../findings';
import { cellValue, figureValue, isYearBefore, surelyRead, UNSURE, usableCell, usableFigure } from '../history/figures';
import { recordSource, T2_ROWS } from '../history/model';
import { colName, rowName, tableEn, tableZh } from './names';

export const crossYearInForce: Rule = {
  id: 'cross-year-in-force',
  scope: 'report',
  needs: 'previous',
  run(report, context) {
    const previous = context?.previous;
    const t2 = report.tables.t2;
    if (!isYearBefore(previous, report.year) || !t2.found || t2.layout !== '2021' || previous.t2Format !== '2021') return [];
    const from = recordSource(previous);
    const out: Finding[] = [];
    for (const key of T2_ROWS) {
      const row = t2.rows[key];
      const last = previous.figures.t2[key]?.['in-force'];
      if (!row || !usableFigure(last)) continue;
      const cell = (col: string) => row.cells.find((c) => c.ref.col === col);
      const issued = cell('issued');
      const repealed = cell('repealed');
      const inForce = cell('in-force');
      if (!usableCell(issued) || !usableCell(repealed) || !usableCell(inForce)) continue;
      const expected = figureValue(last) + cellValue(issued) - cellValue(repealed);
      const actual = cellValue(inForce);
      if (expected === actual) continue;
      const doubt = ![issued, repealed, inForce].every(surelyRead) || !last.confident;
      const zhName = (c: typeof issued) => colName(c.ref, 'zh');
      const enName = (c: typeof issued) => colName(c.ref, 'en');
      const rowZh = rowName(inForce.ref, 'zh');
      const rowEn = rowName(inForce.ref, 'en');
      out.push(
        finding(
          'cross-year-in-force',
          'warning',
          {
            zh: `${tableZh('t2')}${rowZh}：上一年度（${previous.year}年）现行有效件数 ${figureValue(last)}（${last.stated ? `${from.zh}的表二未能读取，取自其正文「${last.stated}」` : `见${from.zh}`}）+ ${zhName(issued)} ${cellValue(issued)} − ${zhName(repealed)} ${cellValue(repealed)} = ${expected}，但${zhName(inForce)}填报为 ${actual}，相差 ${Math.abs(expected - actual)}；文件也可能因有效期届满而失效，或两年统计范围不同，请核对${doubt ? UNSURE.zh : ''}`,
            en: `${tableEn('t2')}, ${rowEn}: last year's (${previous.year}) documents in force ${figureValue(last)} (${last.stated ? `table 2 of ${from.en} could not be read; its text says "${last.stated}"` : `from ${from.en}`}) + this year's ${enName(issued)} ${cellValue(issued)} − ${enName(repealed)} ${cellValue(repealed)} = ${expected}, but this year's ${enName(inForce)} is ${actual}, a gap of ${Math.abs(expected - actual)}; documents may also have lapsed, or the two years differ in scope, please check${doubt ? UNSURE.en : ''}`,
          },
          { cells: [issued, repealed, inForce].map(toFindingCell), expected, actual },
        ),
      );
    }
    return out;
  },
};
