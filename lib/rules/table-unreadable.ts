// Tables, or parts of them, that we could not read with certainty: said plainly, never as the report's error.
import { finding, type Finding, type Rule } from '../findings';
import { tableEn, tableZh } from './names';

const SECTION_OF = { t2: 2, t3: 3, t4: 4 } as const;

export const tableUnreadable: Rule = {
  id: 'table-unreadable',
  run(report) {
    return Object.values(report.tables).flatMap((table) => {
      const out: Finding[] = table.problems.map((p) => finding('table-unreadable', 'warning', { zh: p.zh, en: p.en }, { section: SECTION_OF[table.id], anchor: table.anchor }));
      const rows = Object.entries(table.rows).filter(([k]) => k !== 'cells' || table.id !== 't4');
      const decoded = rows.filter(([, r]) => r.status === 'decoded').map(([k]) => k);
      const ambiguous = rows.filter(([, r]) => r.status === 'ambiguous').map(([k]) => k);
      const guessed = table.id === 't4' ? [] : rows.filter(([, r]) => r.status !== 'decoded' && r.cells.every((c) => c.state !== 'missing') && !r.confident && !r.label).map(([k]) => k);
      if (decoded.length)
        out.push(
          finding('table-unreadable', 'warning', {
            zh: `${tableZh(table.id)}的数字在页面上连成一串（单元格之间没有分隔），已按各行合计关系拆分（${decoded.join('、')}行），请人工核对`,
            en: `The numbers of ${tableEn(table.id)} run together on the page (no cell boundaries); rows ${decoded.join(', ')} were split using their row totals; please check by eye`,
          }, { section: SECTION_OF[table.id], anchor: table.anchor }),
        );
      if (ambiguous.length)
        out.push(
          finding('table-unreadable', 'warning', {
            zh: `${tableZh(table.id)}的数字连成一串，无法唯一拆分（${ambiguous.join('、')}行），未做核对，请人工核对`,
            en: `The numbers of ${tableEn(table.id)} run together and cannot be split in one way only (rows ${ambiguous.join(', ')}); not checked, please check by eye`,
          }, { section: SECTION_OF[table.id], anchor: table.anchor }),
        );
      if (guessed.length)
        out.push(
          finding('table-unreadable', 'warning', {
            zh: `${tableZh(table.id)}部分行的标签与数字在页面上是分开的，已按顺序对应（${guessed.join('、')}行），请人工核对`,
            en: `In ${tableEn(table.id)} some rows have their labels apart from their numbers; they were matched by order (rows ${guessed.join(', ')}); please check by eye`,
          }, { section: SECTION_OF[table.id], anchor: table.anchor }),
        );
      return out;
    });
  },
};
