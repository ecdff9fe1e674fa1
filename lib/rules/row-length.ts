// A row with more or fewer values than the table has columns: its values cannot be placed.
import { finding, toFindingCell, type Rule } from '../findings';
import { rowName, tableEn, tableZh } from './names';

export const rowLength: Rule = {
  id: 'row-length',
  run(report) {
    return Object.values(report.tables).flatMap((table) => {
      if (!table.found) return [];
      const rows = table.id === 't4' ? [table.rows.cells].filter(Boolean) : Object.values(table.rows);
      return rows.flatMap((row) => {
        if (row.status !== 'short' && row.status !== 'long') return [];
        // Only a page's own table is proof; a text extraction may have lost or added a cell.
        const severity = row.html ? 'error' : 'warning';
        const ref = row.cells[0].ref;
        const where = table.id === 't4' ? { zh: '表四的数据行', en: 'the data row of table 4' } : { zh: `${tableZh(table.id)}${rowName(ref, 'zh')}行`, en: `${tableEn(table.id)}, ${rowName(ref, 'en')}` };
        return [
          finding(
            'row-length',
            severity,
            {
              zh: `${where.zh}有 ${row.count} 个数值，但该表应有 ${row.expected} 列；无法确定各数值对应哪一列，未对此行做计算核对${severity === 'warning' ? '（也可能是文本提取造成，请人工核对）' : ''}`,
              en: `${where.en} holds ${row.count} values but the table has ${row.expected} columns; the values cannot be placed, so this row was not checked${severity === 'warning' ? ' (this may come from text extraction; please check by eye)' : ''}`,
            },
            { cells: row.cells.filter((c) => c.anchor).map(toFindingCell), expected: row.expected, actual: row.count, section: { t2: 2, t3: 3, t4: 4 }[table.id], anchor: row.anchor ?? table.anchor },
          ),
        ];
      });
    });
  },
};
