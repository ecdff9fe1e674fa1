// The statistics period should run from 1 January to 31 December of the report year (spec §2.5, §5).
// It is a convention (the national notice's own words were not retrieved), so: a warning.
import { finding, type Finding, type Rule } from '../findings';
import type { DayRead } from '../parse/period';

const zhDay = (d: DayRead) => `${d.year != null ? `${d.year}年` : ''}${d.month}月${d.day}日`;
const enDay = (d: DayRead) => `${d.day}/${d.month}${d.year != null ? `/${d.year}` : ''}`;

export const statPeriod: Rule = {
  id: 'stat-period',
  scope: 'report',
  run(report) {
    const out: Finding[] = [];
    const year = report.year;
    // The same period stated twice (in the opening and in section 六) is one finding.
    const seen = new Set<string>();
    for (const p of report.periods) {
      const { from, to } = p;
      const fromYear = from.year ?? to.year;
      const toYear = to.year ?? from.year;
      const key = `${fromYear}-${from.month}-${from.day}/${toYear}-${to.month}-${to.day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const wholeYear = from.month === 1 && from.day === 1 && to.month === 12 && to.day === 31 && fromYear === toYear;
      const rightYear = year == null || fromYear == null || fromYear === year;
      if (wholeYear && rightYear) continue;
      const should = year != null ? `${year}年1月1日至${year}年12月31日` : '该年度1月1日至12月31日';
      out.push(
        finding(
          'stat-period',
          'warning',
          {
            zh: `统计期限为「${zhDay(from)}至${zhDay(to)}」，按惯例应为${should}${!wholeYear ? '（不满一个完整年度）' : '（与报告年度不符）'}；如机构年中设立等原因属实，请在报告中说明`,
            en: `The statistics period is ${enDay(from)} to ${enDay(to)}; by convention it is 1 January to 31 December${year != null ? ` ${year}` : ' of the report year'}${!wholeYear ? ' (not a whole year)' : ' (another year than the report)'}; if the body was set up mid-year, the report should say so`,
          },
          { section: 1, anchor: p.anchor },
        ),
      );
    }
    return out;
  },
};
