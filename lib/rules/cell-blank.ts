// Blank cells where the format asks for a number (spec §6.1). Rows of a table blank in the same
// columns are one finding listing them (a column left empty row after row is one thing to fix).
import { finding, toFindingCell, type Finding, type Rule } from '../findings';
import type { CellRead } from '../parse/types';
import { colName, rowList, rowName, tableEn, tableZh } from './names';
import { totalsOf } from './totals';

const key = (c: CellRead) => `${c.ref.table}.${c.ref.row}.${c.ref.col}`;

function blankFinding(rows: CellRead[][]): Finding {
  const blanks = rows.flat();
  const ref = blanks[0].ref;
  // A blank we could not confirm (a picture read by OCR): ask for a look, do not assert it.
  const unsure = blanks.some((c) => !c.confident);
  const tail = unsure ? { zh: '（读取不确定，请人工核对）', en: ' (not read with certainty; please check by eye)' } : { zh: '', en: '' };
  const cols = rows[0].map((c) => colName(c.ref, 'zh')).filter(Boolean);
  const colsEn = rows[0].map((c) => colName(c.ref, 'en')).filter(Boolean);
  const what = { zh: cols.join('、') || '数值', en: colsEn.join(', ') || 'value' };
  const rule = { zh: '格式要求填写数字（无则填 0）', en: 'the format asks for a number (0 when none)' };
  const message =
    rows.length === 1
      ? {
          zh: `${tableZh(ref.table)}${rowName(ref, 'zh')}有 ${blanks.length} 个单元格为空白（${what.zh}），${rule.zh}${tail.zh}`,
          en: `${tableEn(ref.table)}, ${rowName(ref, 'en')}: ${blanks.length} blank cell(s) (${what.en}); ${rule.en}${tail.en}`,
        }
      : {
          zh: `${tableZh(ref.table)}的 ${rows.length} 行（${rowList(rows.map((r) => r[0].ref), 'zh')}）各有 ${rows[0].length} 个单元格为空白（${what.zh}），共 ${blanks.length} 个，${rule.zh}${tail.zh}`,
          en: `${rows.length} rows of ${tableEn(ref.table)} (${rowList(rows.map((r) => r[0].ref), 'en')}) each have ${rows[0].length} blank cell(s) (${what.en}), ${blanks.length} in all; ${rule.en}${tail.en}`,
        };
  return finding('cell-blank', 'warning', message, { cells: blanks.map(toFindingCell), ...(rows.length > 1 ? { rows: rows.map((r) => r[0].ref.row!) } : {}) });
}

export const cellBlank: Rule = {
  id: 'cell-blank',
  run(report) {
    // Blank totals whose parts are not all zero are total-blank's (an error, not a warning).
    const reported = new Set(totalsOf(report).filter((t) => t.total.state === 'blank' && t.parts.some((p) => p.state === 'number' && p.value !== 0)).map((t) => key(t.total)));
    return Object.values(report.tables).flatMap((table) => {
      if (!table.found) return [];
      const groups = new Map<string, CellRead[][]>();
      for (const [rowKey, row] of Object.entries(table.rows)) {
        if (table.id === 't4' && rowKey === 'cells') continue;
        const blanks = row.cells.filter((c) => c.state === 'blank' && !reported.has(key(c)));
        if (blanks.length === 0) continue;
        const g = `${blanks.map((c) => c.ref.col).join(',')}|${blanks.some((c) => !c.confident)}`;
        groups.set(g, [...(groups.get(g) ?? []), blanks]);
      }
      return [...groups.values()].map(blankFinding);
    });
  },
};
