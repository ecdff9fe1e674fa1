// The section is there but its table is not (t2, t3, t4).
import { finding, type Rule } from '../findings';
import { tableEn, tableZh } from './names';

const TABLE_OF: Record<number, 't2' | 't3' | 't4'> = { 2: 't2', 3: 't3', 4: 't4' };

export const tableMissing: Rule = {
  id: 'table-missing',
  scope: 'report',
  run(report) {
    if (report.format === 'pre-2019') return [];
    return report.sections.flatMap((s) => {
      const id = TABLE_OF[s.n];
      if (!id || !s.found) return [];
      const table = report.tables[id];
      // A table we saw but could not read is our problem, not the report's: table-unreadable says so.
      if (table.found || table.problems.length) return [];
      return [
        finding(
          'table-missing',
          'error',
          {
            zh: `第${'一二三四五六'[s.n - 1]}部分「${s.heading}」中没有找到${tableZh(id)}（格式要求以表格形式报告）；如表格以图片形式发布，请人工核对`,
            en: `No ${tableEn(id)} was found in section ${s.n} "${s.heading}" (the format requires a table); if the table is published as a picture, please check by eye`,
          },
          { section: s.n, anchor: s.anchor },
        ),
      ];
    });
  },
};
