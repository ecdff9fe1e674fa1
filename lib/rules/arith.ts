// Shared arithmetic: a total against its parts, with the equation a person can check in seconds.
import { finding, toFindingCell, type Finding, type RuleId } from '../findings';
import type { CellRead } from '../parse/types';
import { colName, rowName, tableEn, tableZh } from './names';

export interface Named {
  cell: CellRead;
  zh: string;
  en: string;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** Can this cell take part in arithmetic? Blank counts as 0; unread or malformed cells stop the check. */
export const usable = (c: CellRead | undefined): c is CellRead => !!c && (c.state === 'number' || c.state === 'blank');

function equation(parts: Named[], lang: 'zh' | 'en'): string {
  const term = (p: Named) => `${lang === 'zh' ? p.zh : p.en} ${p.cell.value ?? (lang === 'zh' ? '空白' : 'blank')}`;
  // More than six parts (a column of 19 or 21 outcome rows): name the parts that hold something,
  // count the zeros. The panel, the card and the command line all show this message.
  if (parts.length > 6) {
    const shown = parts.filter((p) => p.cell.value !== 0);
    const zeros = parts.length - shown.length;
    if (zeros > 0) {
      const rest = lang === 'zh' ? `（其余 ${zeros} 项均为 0）` : `(the other ${zeros} parts are all 0)`;
      return shown.length ? `${shown.map(term).join(' + ')}${lang === 'zh' ? '' : ' '}${rest}` : rest;
    }
  }
  return parts.map(term).join(' + ');
}

// A blank read with certainty (an empty cell of its own) counts as 0, as the format's "无则填 0" means;
// cell-blank reports the blank itself. A blank we are not sure of (OCR) leaves the sum in doubt.
const unsure = (cells: CellRead[]) => cells.some((c) => !c.confident);
const UNSURE_ZH = '（所涉单元格读取不确定，请人工核对）';
const UNSURE_EN = ' (some cells were not read with certainty; please check by eye)';

/** Σ parts = total. The total must be a number; a blank total is total-blank's to report. */
export function checkSum(rule: RuleId, where: { zh: string; en: string }, parts: Named[], total: Named): Finding | null {
  if (!parts.every((p) => usable(p.cell)) || total.cell.state !== 'number') return null;
  // Every part blank: nothing was filled in to add up; cell-blank reports the blanks.
  if (parts.every((p) => p.cell.state === 'blank')) return null;
  const sum = round(parts.reduce((a, p) => a + (p.cell.value ?? 0), 0));
  const printed = total.cell.value!;
  if (sum === printed) return null;
  const gap = round(Math.abs(sum - printed));
  const cells = [...parts.map((p) => p.cell), total.cell];
  const doubt = unsure(cells);
  return finding(
    rule,
    doubt ? 'warning' : 'error',
    {
      zh: `${where.zh}：${equation(parts, 'zh')} = ${sum}，但${total.zh}填报为 ${printed}，相差 ${gap}${doubt ? UNSURE_ZH : ''}`,
      en: `${where.en}: ${equation(parts, 'en')} = ${sum}, but ${total.en} is given as ${printed}, a gap of ${gap}${doubt ? UNSURE_EN : ''}`,
    },
    { cells: cells.map(toFindingCell), expected: sum, actual: printed },
  );
}

/** Σ left = Σ right (the printed 勾稽关系 of table 三). */
export function checkBalance(rule: RuleId, where: { zh: string; en: string }, left: Named[], right: Named[]): Finding | null {
  const all = [...left, ...right];
  if (!all.every((p) => usable(p.cell))) return null;
  const l = round(left.reduce((a, p) => a + (p.cell.value ?? 0), 0));
  const r = round(right.reduce((a, p) => a + (p.cell.value ?? 0), 0));
  if (l === r) return null;
  const doubt = unsure(all.map((p) => p.cell));
  return finding(
    rule,
    doubt ? 'warning' : 'error',
    {
      zh: `${where.zh}：${equation(left, 'zh')} = ${l}，而 ${equation(right, 'zh')} = ${r}，两者应相等，相差 ${round(Math.abs(l - r))}${doubt ? UNSURE_ZH : ''}`,
      en: `${where.en}: ${equation(left, 'en')} = ${l}, while ${equation(right, 'en')} = ${r}; they must be equal, a gap of ${round(Math.abs(l - r))}${doubt ? UNSURE_EN : ''}`,
    },
    { cells: all.map((p) => toFindingCell(p.cell)), expected: l, actual: r },
  );
}

/** A cell named by its column (within one row) or by its row (within one column). */
export const byCol = (cell: CellRead): Named => ({ cell, zh: colName(cell.ref, 'zh'), en: colName(cell.ref, 'en') });
export const byRow = (cell: CellRead): Named => ({ cell, zh: rowName(cell.ref, 'zh'), en: rowName(cell.ref, 'en') });
export const whereRow = (cell: CellRead) => ({ zh: `${tableZh(cell.ref.table)}${rowName(cell.ref, 'zh')}行`, en: `${tableEn(cell.ref.table)}, ${rowName(cell.ref, 'en')}` });
export const whereCol = (cell: CellRead) => ({ zh: `${tableZh(cell.ref.table)}「${colName(cell.ref, 'zh')}」列`, en: `${tableEn(cell.ref.table)}, column ${colName(cell.ref, 'en')}` });
