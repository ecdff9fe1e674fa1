// Last year's figures beside this year's cells: which can be compared, and how a gap is said. Pure.
import type { Text } from '../findings';
import type { CellRead, Report } from '../parse/types';
import { T2_ROWS, T3_COLS, type Figure, type HistoryRecord } from './model';

/** A cell or figure that can take part in a comparison: a number, or a blank (0, as the format's 「无则填 0」). */
export const usableCell = (c: CellRead | undefined): c is CellRead => !!c && (c.state === 'number' || c.state === 'blank');
export const usableFigure = (f: Figure | undefined): f is Figure => !!f && (f.state === 'number' || f.state === 'blank');
export const cellValue = (c: CellRead) => c.value ?? 0;
/**
 * A cell read surely enough to say a chain across years is broken without 「请人工核对」: confident,
 * and not read by OCR (a picture or a scan: no identity of table 二 confirms what OCR read there).
 */
export const surelyRead = (c: CellRead) => c.confident && c.anchor?.kind !== 'image';
export const figureValue = (f: Figure) => f.value ?? 0;

/** Last year's record is the year just before this report's. */
export const isYearBefore = (previous: HistoryRecord | undefined, year: number | null): previous is HistoryRecord =>
  !!previous && year != null && previous.year === year - 1;

export const UNSURE = {
  zh: '（所涉单元格读取不确定，请人工核对）',
  en: ' (some cells were not read with certainty; please check by eye)',
};

/**
 * What the cross-year rules could not compare between this report and last year's, and why: for a
 * person who expects the chain to have been checked (a table of either year not read).
 */
export function notCompared(report: Report, previous: HistoryRecord): Text[] {
  const out: Text[] = [];
  const b = report.tables.t3.found ? report.tables.t3.rows.b : undefined;
  const w = previous.figures.t3.w;
  const bOk = !!b && T3_COLS.every((col) => usableCell(b.cells.find((c) => c.ref.col === col)));
  const wOk = !!w && T3_COLS.every((col) => usableFigure(w[col]));
  if (!bOk || !wOk)
    out.push({
      zh: `${!wOk ? '上一年度报告表三「四、结转下年度继续办理」' : '本报告表三「二、上年结转」'}未能完整读取，上年结转未能逐列核对`,
      en: `${!wOk ? "last year's table 三 row 四 (carried into next year)" : "this report's table 三 row 二 (carried over)"} was not fully read: the carry-over was not compared in every column`,
    });
  const t2 = report.tables.t2;
  if (!(t2.found && t2.layout === '2021' && previous.t2Format === '2021')) return out;
  for (const key of T2_ROWS) {
    const row = t2.rows[key];
    const thisOk = !!row && ['issued', 'repealed', 'in-force'].every((col) => usableCell(row.cells.find((c) => c.ref.col === col)));
    const last = previous.figures.t2[key]?.['in-force'];
    const lastOk = usableFigure(last);
    const name = key === 'regulations' ? { zh: '规章', en: 'regulations' } : { zh: '行政规范性文件', en: 'normative documents' };
    if (thisOk && lastOk && last.stated)
      out.push({
        zh: `上一年度报告表二「${name.zh}」未能读取，上年现行有效件数取自其正文「${last.stated}」`,
        en: `last year's table 二 row ${name.en} was not read: its documents in force are taken from its text ("${last.stated}")`,
      });
    if (thisOk && lastOk) continue;
    out.push({
      zh: `${lastOk ? '本报告' : '上一年度报告'}表二「${name.zh}」未能读取，现行有效件数未做跨年度核对`,
      en: `${lastOk ? "this report's" : "last year's"} table 二 row ${name.en} was not read: documents in force not compared across the years`,
    });
  }
  return out;
}
