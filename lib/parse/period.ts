// The statistics period a report states ("本报告所列数据统计期限自2024年1月1日至2024年12月31日").
// By convention it runs from 1 January to 31 December of the report year (spec §2.5, §5).
import type { Anchor, SourceDoc } from '../model';
import { anchorAt, joinedText } from './span';

export interface DayRead {
  /** Null when the year is left out ("至12月31日"). */
  year: number | null;
  month: number;
  day: number;
}

export interface PeriodRead {
  /** The statement as printed, spaces and line breaks removed. */
  text: string;
  from: DayRead;
  to: DayRead;
  anchor: Anchor;
}

const DATE = String.raw`(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日`;
// 统计期限 / 统计时限 / 统计期间 / 统计数据 / 数据统计…, then "自|从|为" and a range.
const PERIOD = new RegExp(String.raw`统计(?:期限|时限|期间|时间|区间|数据|截止)[^。；;]{0,12}?(?:自|从|为|是|:|：)?${DATE}(?:起)?(?:至|到|—|-|－|~|～)${DATE}`, 'u');

const dayOf = (y: string | undefined, m: string, d: string): DayRead => ({ year: y ? Number(y) : null, month: Number(m), day: Number(d) });

/**
 * Every distinct statement of the period in the running text. Lines are joined first: PDF text and
 * HTML spans break the statement anywhere ("自 2023 年 1 月 1 日\n至 2023 年 12 月 31 日").
 */
export function findPeriods(doc: SourceDoc): PeriodRead[] {
  const out: PeriodRead[] = [];
  const seen = new Set<string>();
  const joined = joinedText(doc);
  const re = new RegExp(PERIOD.source, 'gu');
  for (let m = re.exec(joined.text); m; m = re.exec(joined.text)) {
    const text = m[0];
    const key = text.replace(/^.*?(?=\d)/u, '');
    if (seen.has(key)) continue;
    seen.add(key);
    // The dates themselves are marked, from the first digit to the end.
    const from = m.index + text.search(/\d/u);
    out.push({ text, from: dayOf(m[1], m[2], m[3]), to: dayOf(m[4], m[5], m[6]), anchor: anchorAt(doc, joined, from, m.index + text.length) });
  }
  return out;
}
