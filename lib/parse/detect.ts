// Cheap detection: does this text look like a government information-disclosure annual report?

export interface Detection {
  isReport: boolean;
  score: number;
  title: string | null;
  year: number | null;
  /** What the decision rests on, for the panel and for debugging. */
  signals: string[];
}

const TITLE_RE = /(?:19|20)\d{2}\s*年度?[^。\n]{0,40}?政府信息公开[^。\n]{0,12}?(?:年度)?(?:工作)?报告|政府信息公开[^。\n]{0,12}?年度报告/u;
const SIGNALS: [string, RegExp, number][] = [
  ['总体情况', /[一1][、.．]\s*(?:总体情况|概述)/u, 1],
  ['主动公开', /主动公开政府信息情况/u, 1],
  ['收到和处理', /收到和处理政府信息公开申请/u, 1],
  ['复议诉讼', /行政复议[、和及]?\s*(?:提起)?行政诉讼/u, 1],
  ['问题改进', /存在的?主要问题及改进|存在问题及改进|主要问题及改进/u, 1],
  ['其他事项', /其他需要报告的事项/u, 1],
  ['勾稽关系', /勾稽关系/u, 2],
  ['新收申请', /本年新收政府信息公开申请数量|本年接收政府信息公开/u, 2],
  ['第二十条', /第二十条第\s*[（(]\s*[一五六八]\s*[)）]\s*项/u, 1],
];

export function detect(title: string, text: string): Detection {
  const head = text.slice(0, 400_000).normalize('NFKC');
  const signals: string[] = [];
  let score = 0;
  const found = titleOf(title, head);
  if (found) {
    score += 2;
    signals.push('标题');
  }
  for (const [name, re, w] of SIGNALS) {
    if (re.test(head)) {
      score += w;
      signals.push(name);
    }
  }
  return { isReport: score >= 5, score, title: found, year: yearOf(found ?? '', head), signals };
}

/** The data year: from the title, else the statistics period, else the first "YYYY年度…报告". */
export function yearOf(title: string, text: string): number | null {
  const fromTitle = /((?:19|20)\d{2})\s*年/u.exec(title.normalize('NFKC'));
  if (fromTitle) return Number(fromTitle[1]);
  const t = text.slice(0, 20_000).normalize('NFKC');
  const period = /统计(?:期限|周期|时限|数据|期间)[^。]{0,20}?((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/u.exec(t);
  if (period) return Number(period[1]);
  const any = /((?:19|20)\d{2})\s*年度?\s*(?:政府信息公开|政务公开)[^。]{0,8}?报告/u.exec(t);
  return any ? Number(any[1]) : null;
}

/** The report's title: the page title if it names a report, else a short line near the top that does. */
export function titleOf(pageTitle: string, text: string): string | null {
  const t = pageTitle.normalize('NFKC').trim();
  const m = TITLE_RE.exec(t);
  if (m) return t.length <= 80 ? t.replace(/\s+/g, ' ') : m[0];
  const lines = text.slice(0, 4000).split('\n').slice(0, 15);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^\s*(?:标题|题目|title)\s*[:：]\s*/iu, '').replace(/\s+/g, ' ').trim();
    if (line.length > 60 || /[。，,]/u.test(line)) continue;
    if (TITLE_RE.test(line)) return line;
    // A title broken over two lines: agency name, then "2023年政府信息公开工作年度报告".
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`.trim();
    if (joined.length <= 70 && !/[。，,]/u.test(joined) && TITLE_RE.test(joined)) return joined;
  }
  return null;
}
