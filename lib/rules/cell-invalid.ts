// A value that is not a non-negative number where one is required (spec §6.1).
import { finding, toFindingCell, type Rule } from '../findings';
import { formats } from '../spec';
import type { CellRead, Report } from '../parse/types';
import { cellName } from './names';

function allowed(report: Report, cell: CellRead): { signed: boolean; decimal: boolean } {
  if (cell.ref.table !== 't2') return { signed: false, decimal: false };
  const layout = report.tables.t2.layout ?? '2021';
  const st = formats[layout].t2.subtables.find((s) => s.rows.some((r) => r.key === cell.ref.row));
  return { signed: !!st?.signed.includes(cell.ref.col!), decimal: !!st?.decimal.includes(cell.ref.col!) };
}

export const cellInvalid: Rule = {
  id: 'cell-invalid',
  run(report) {
    return Object.values(report.tables).flatMap((table) =>
      Object.entries(table.rows)
        .filter(([key]) => !(table.id === 't4' && key === 'cells'))
        .flatMap(([, row]) =>
          row.cells.flatMap((cell) => {
            const ok = allowed(report, cell);
            let why: { zh: string; en: string } | null = null;
            if (cell.state === 'invalid') why = { zh: `不是数字（「${cell.raw}」）`, en: `is not a number ("${cell.raw}")` };
            else if (cell.state === 'number' && cell.value! < 0 && !ok.signed) why = { zh: `为负数 ${cell.value}`, en: `is negative (${cell.value})` };
            else if (cell.state === 'number' && !Number.isInteger(cell.value) && !ok.decimal)
              why = { zh: `不是整数（${cell.value}），此处应为件数`, en: `is not a whole number (${cell.value}); a count is expected` };
            if (!why) return [];
            return [
              finding('cell-invalid', cell.confident ? 'error' : 'warning', { zh: `${cellName(cell.ref, 'zh')}${why.zh}`, en: `${cellName(cell.ref, 'en')} ${why.en}` }, {
                cells: [toFindingCell(cell)],
              }),
            ];
          }),
        ),
    );
  },
};
