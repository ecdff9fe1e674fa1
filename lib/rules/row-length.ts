// A row with more or fewer values than the table has columns. Rows of one table with the same
// problem are one finding that lists them (25 rows of 2 values are one thing to fix, not 25).
import { finding, toFindingCell, type Finding, type FindingCell, type Rule, type Text } from '../findings';
import type { RowRead, TableRead } from '../parse/types';
import { rowList, rowName, tableEn, tableZh } from './names';

const SECTION = { t2: 2, t3: 3, t4: 4 } as const;

/** What was done with the row's values, in words. */
function howPlaced(row: RowRead, severity: 'error' | 'warning'): Text {
  const extraction = severity === 'warning' ? { zh: '（也可能是文本提取造成，请人工核对）', en: ' (this may come from text extraction; please check by eye)' } : { zh: '', en: '' };
  switch (row.placedBy) {
    case 'grid':
      return { zh: '；已按表头核对各列之下的数值，不在任何表头之下的单元格未计入', en: '; the values under each header were checked, a cell under no header was left out' };
    case 'every':
      return {
        zh: `；无法确定多出或缺少的是哪一个数值，只核对了各种对齐方式下都相同的单元格${extraction.zh}`,
        en: `; which value was added or lost cannot be told, so only the cells that are the same under every alignment were checked${extraction.en}`,
      };
    case 'likeliest':
      return {
        zh: '；无论多出或缺少的是哪一个数值，勾稽关系都不成立，已按最可能的对齐方式核对',
        en: '; whichever value was added or lost, the identities do not hold; the likeliest alignment was checked',
      };
    default:
      return { zh: `；无法确定各数值对应哪一列，未对此行做计算核对${extraction.zh}`, en: `; the values cannot be placed, so this row was not checked${extraction.en}` };
  }
}

/** A row as a place (its label), for a row whose values were placed. */
const rowRef = (table: TableRead, r: RowRead): FindingCell[] => (table.id === 't4' ? [] : [{ table: table.id, row: r.key, col: null, value: null, anchor: r.anchor }]);

function findingsOf(table: TableRead): Finding[] {
  const rows = (table.id === 't4' ? [table.rows.cells].filter(Boolean) : Object.values(table.rows)).filter((r) => r.status === 'short' || r.status === 'long');
  // Only a page's own table is proof; a text extraction may have lost or added a cell.
  const groups = new Map<string, RowRead[]>();
  for (const r of rows) {
    const key = `${r.html}|${r.count}|${r.expected}|${r.placedBy ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const row = group[0];
    const severity = row.html ? 'error' : 'warning';
    const ref = row.cells[0].ref;
    const names = (lang: 'zh' | 'en') => rowList(group.map((r) => r.cells[0].ref), lang);
    const where =
      table.id === 't4'
        ? { zh: '表四的数据行', en: 'the data row of table 4' }
        : group.length === 1
          ? { zh: `${tableZh(table.id)}${rowName(ref, 'zh')}行`, en: `${tableEn(table.id)}, ${rowName(ref, 'en')}` }
          : { zh: `${tableZh(table.id)}的 ${group.length} 行（${names('zh')}）各`, en: `${group.length} rows of ${tableEn(table.id)} (${names('en')}) each` };
    const how = howPlaced(row, severity);
    return finding(
      'row-length',
      severity,
      {
        zh: `${where.zh}有 ${row.count} 个数值，但该表应有 ${row.expected} 列${how.zh}`,
        en: `${where.en} ${group.length > 1 ? 'hold' : 'holds'} ${row.count} values but the table has ${row.expected} columns${how.en}`,
      },
      {
        // The cell too many where the grid shows it; an unplaced row's cells as printed; placed rows are marked by their label.
        cells: group.flatMap((r) => (r.placedBy ? r.extra?.map(toFindingCell) ?? rowRef(table, r) : r.cells.filter((c) => c.anchor).map(toFindingCell))),
        expected: row.expected,
        actual: row.count,
        section: SECTION[table.id],
        anchor: row.anchor ?? table.anchor,
        ...(group.length > 1 ? { rows: group.map((r) => r.key) } : {}),
      },
    );
  });
}

export const rowLength: Rule = {
  id: 'row-length',
  run: (report) => Object.values(report.tables).flatMap((table) => (table.found ? findingsOf(table) : [])),
};
