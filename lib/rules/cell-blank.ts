// Blank cells where the format asks for a number (spec §6.1): one finding per row.
import { finding, toFindingCell, type Rule } from '../findings';
import { colName, rowName, tableEn, tableZh } from './names';
import { totalsOf } from './totals';

export const cellBlank: Rule = {
  id: 'cell-blank',
  run(report) {
    // Blank totals whose parts are not all zero are total-blank's (an error, not a warning).
    const reported = new Set(
      totalsOf(report)
        .filter((t) => t.total.state === 'blank' && t.parts.some((p) => p.state === 'number' && p.value !== 0))
        .map((t) => `${t.total.ref.table}.${t.total.ref.row}.${t.total.ref.col}`),
    );
    return Object.values(report.tables).flatMap((table) => {
      if (!table.found) return [];
      return Object.entries(table.rows)
        .filter(([key]) => !(table.id === 't4' && key === 'cells'))
        .flatMap(([, row]) => {
          const blanks = row.cells.filter((c) => c.state === 'blank' && !reported.has(`${c.ref.table}.${c.ref.row}.${c.ref.col}`));
          if (blanks.length === 0) return [];
          const ref = blanks[0].ref;
          // A blank we could not confirm (a picture read by OCR): ask for a look, do not assert it.
          const unsure = blanks.some((c) => !c.confident);
          const tail = unsure ? { zh: '（读取不确定，请人工核对）', en: ' (not read with certainty; please check by eye)' } : { zh: '', en: '' };
          const cols = blanks.map((c) => colName(c.ref, 'zh')).filter(Boolean);
          const colsEn = blanks.map((c) => colName(c.ref, 'en')).filter(Boolean);
          return [
            finding(
              'cell-blank',
              'warning',
              {
                zh: `${tableZh(ref.table)}${rowName(ref, 'zh')}有 ${blanks.length} 个单元格为空白（${cols.join('、') || '数值'}），格式要求填写数字（无则填 0）${tail.zh}`,
                en: `${tableEn(ref.table)}, ${rowName(ref, 'en')}: ${blanks.length} blank cell(s) (${colsEn.join(', ') || 'value'}); the format asks for a number (0 when none)${tail.en}`,
              },
              { cells: blanks.map(toFindingCell) },
            ),
          ];
        });
    });
  },
};
