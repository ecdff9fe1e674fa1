// The template does not fit the report year, or the tables mix templates (spec §1, §7 E3).
import { finding, type Finding, type Rule } from '../findings';
import { formats } from '../spec';
import { tableEn, tableZh, templateName } from './names';

const SECTION_OF = { t2: 2, t3: 3, t4: 4 } as const;
const SIGN = {
  t2: { '2019': '（如「本年新制作数量」「上一年项目数量」「政府集中采购」）', '2021': '（如「本年制发件数」「本年处理决定数量」）' },
  t3: { '2019': '（「（六）其他处理」只有一行）', '2021': '（「（六）其他处理」分为三个子项）' },
} as const;

export const formatMismatch: Rule = {
  id: 'format-mismatch',
  scope: 'report',
  run(report) {
    const out: Finding[] = [];
    const expected = report.expectedFormat;
    const { t2, t3 } = report.tables;
    for (const table of [t2, t3]) {
      if (!table.layout || (expected !== '2019' && expected !== '2021') || table.layout === expected) continue;
      const id = table.id as 't2' | 't3';
      const older = table.layout === '2019';
      out.push(
        finding(
          'format-mismatch',
          older ? 'error' : 'warning',
          {
            zh: `${tableZh(id)}使用的是${formats[table.layout].citation}的格式${SIGN[id][table.layout]}，但${report.year}年度报告应使用${formats[expected].citation}的格式`,
            en: `${tableEn(id)} follows ${templateName(table.layout, 'en')}, but a report for ${report.year} must use ${templateName(expected, 'en')}`,
          },
          { section: SECTION_OF[id], anchor: table.anchor },
        ),
      );
    }
    if (out.length === 0 && t2.layout && t3.layout && t2.layout !== t3.layout) {
      out.push(
        finding(
          'format-mismatch',
          'warning',
          {
            zh: `表二使用${formats[t2.layout].citation}格式，表三使用${formats[t3.layout].citation}格式：新旧格式混用`,
            en: `Table 2 follows ${templateName(t2.layout, 'en')} and table 3 follows ${templateName(t3.layout, 'en')}: templates are mixed`,
          },
          { anchor: t3.anchor },
        ),
      );
    }
    return out;
  },
};
