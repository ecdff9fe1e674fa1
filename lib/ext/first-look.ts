// The detector's first look, on every page it runs on (lib/ext/detect-page.ts is the closer look,
// in a script of its own loaded only when this one says so). It must cost what a look at the title
// costs: it is the only code that runs on pages that are not reports.

/** File links whose report name is only in an attribute (「点击下载」 titled …年度报告.pdf); a portal's menus are titled 「政府信息公开年报」 too. */
const FILE_NAMED_IN_ATTRIBUTE =
  'a:is([title*="报告"], [title*="年报"], [download*="报告"], [download*="年报"]):is([href*=".pdf" i], [href*=".doc" i], [href*=".wps" i], [href*=".ofd" i], [href*="downfile" i], [appendix], [data-appendix])';

// The tests of the title and the address are plain substring searches, not regexes: a regex is
// compiled on its first use, and most pages end after these tests.
/**
 * The report's own fixed strings: detect() calls no text a report without one of them. A report
 * scores 5, its title 2 at most, 总体情况 and 复议诉讼 1 each: some other signal is in the text,
 * and each of those holds one of these (detect-page.test.ts tries every combination of signals).
 * Every real report has the first: table 三's first row. The gov.cn navigation words (信息公开,
 * 主动公开, 依申请公开, 年报) are not among them: they would open the gate on every portal page.
 */
export const REPORT_STRINGS = ['本年新收', '本年接收', '勾稽关系', '主动公开政府信息情况', '收到和处理政府信息公开申请', '需要报告的事项', '问题及改进', '第二十条'] as const;
/** Title words of a report or a list of reports: the page is looked at closely at once. */
const REPORT_TITLE = ['报告', '年报'];
/** Addresses of report columns (公开年报, 年度报告: gknb, ndbg, zfxxgknb). */
const REPORT_PATH = ['gknb', 'ndbg', 'nianbao'];
/** Title words and addresses of the disclosure pages. */
const DISCLOSURE_TITLE = ['信息公开', '政务公开'];
const DISCLOSURE_PATH = ['xxgk', 'zwgk', 'gkml'];
const hasWord = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

/**
 * A text that names a report: a short one (a heading, a link) holding 年度报告/年报 and a year, or
 * long enough to be a whole title; a long one (a paragraph, an inline script) a year and the name
 * close after it. A menu's 「政府信息公开年报」 names none.
 */
const REPORT_NAME = ['年度报告', '年报'];
const YEAR = /(?:19|20)\d{2}|[二〇零][〇零一二][一二三四五六七八九〇零][〇零一二三四五六七八九]/;
const YEAR_THEN_NAME = /(?:(?:19|20)\d{2}|[二〇零][〇零一二][一二三四五六七八九〇零][〇零一二三四五六七八九])\s*年.{0,40}?(?:年度报告|年报)/;
const WHOLE_TITLE = 14;
const SHORT_TEXT = 80;
/** How much of the first text is read. */
const WALK = { nodes: 500, chars: 16_000 };
/** Fewer text nodes than this in the whole body: the page's content is still to come (a CMS shell). */
const SHELL_NODES = 200;
/** What stands between a title's parts: 「正文_某某县人民政府」, 「详情 - 某某区政府网」. */
const SEPARATORS = new Set([...' \t\n\u3000_|｜-–—·•>»:：,，']);
/** Endings of a site's name. */
const SITE_ENDINGS = ['人民政府', '政府', '门户网站', '政府网', '网站', '平台', '办公室', '办公厅', '管委会', '委员会', '局', '厅', '委', '办', '首页', '主页', '网'];
/** A template's words in place of a title. */
const TEMPLATE_WORDS = new Set(['首页', '网站首页', '正文', '详情', '详细', '内容', '内容页', '文章', '文章页', '浏览', '查看', '信息', '页面', '无标题', 'untitled', 'index', 'document', 'detail', 'content']);

export function titleParts(title: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (const c of title) {
    if (!SEPARATORS.has(c)) part += c;
    else if (part) {
      parts.push(part);
      part = '';
    }
  }
  if (part) parts.push(part);
  return parts;
}

const isSiteName = (part: string) => part.length <= 30 && SITE_ENDINGS.some((e) => part.endsWith(e));

/** Whether a title names nothing of its page (「某某县人民政府」, 「正文_某某县人民政府」, 「详情」). */
export function titleNamesOnlySite(title: string): boolean {
  const parts = titleParts(title);
  return parts.length > 0 && parts.every((p) => isSiteName(p) || TEMPLATE_WORDS.has(p.toLowerCase()));
}

/** What the detector does after its first look: classify the page, watch it for a late body, or leave it. */
export type FirstLook = 'look' | 'watch' | 'leave';

/**
 * The first look, on every page: it must cost what a look at the title costs. No query runs over
 * the whole page (a native query over 20,000 elements costs more than the isolated world itself),
 * nothing is copied, and on most pages not one node is touched (the first node wrapper of a world
 * costs a few tenths of a millisecond).
 * - A page whose title or address names a report or a report column, a page without a title and
 *   a file that is not HTML get the closer look (classifyPage).
 * - A page whose title is only its site's name or a template's word (「正文_某某县人民政府」), where
 *   the template's title says nothing of the page, and the disclosure pages (信息公开 in the title),
 *   which post reports and their files: a small page's whole text (one XPath copy, no node
 *   touched) or a big page's first text nodes (walked, bounded) are searched for a report's name (a heading, a title block, a file link 「2023年…年度报告.pdf」),
 *   and on disclosure pages (also xxgk in the address) a file link whose title attribute names one counts too. A body of a
 *   few text nodes is watched: a script brings the content.
 * - Any other page has a title of its own that names no report (「关于开展工作的通知_某某县人民政府」),
 *   wherever it lies (xxgk included): it is left.
 */
export function firstLook(doc: Document, url = doc.URL): FirstLook {
  if (doc.contentType !== 'text/html') return 'look';
  const title = doc.title.trim();
  const path = url.toLowerCase();
  if (!title || hasWord(title, REPORT_TITLE) || hasWord(path, REPORT_PATH)) return 'look';
  // Only a title says whether the page is the column's or an article's own: under xxgk an article
  // titled 「关于开展工作的通知_某某区人民政府」 is that notice, and is left like any other.
  const titledDisclosure = hasWord(title, DISCLOSURE_TITLE);
  if (!titledDisclosure && !titleNamesOnlySite(title)) return 'leave';
  const disclosure = titledDisclosure || hasWord(path, DISCLOSURE_PATH);
  const walked = smallPageNamesReport(doc) ?? walkNamesReport(doc, WALK);
  if (walked === 'named' || (disclosure && doc.querySelector(FILE_NAMED_IN_ATTRIBUTE) !== null)) return 'look';
  return walked === 'short' ? 'watch' : 'leave';
}

/**
 * Pages of at most this many elements are searched whole, in one copy of their body's text made by
 * XPath: no node of the page gets a wrapper in our world (the first wrapper of each kind of node,
 * the body's, a text node's, the walker's, costs more in a fresh world than the copy of a small
 * page's text). Bigger pages are walked, bounded.
 */
export const SEARCHED_WHOLE = 3000;
/** A year, then 年度报告 at once (「2023年度报告」) or a report's name within 40 characters without a digit (no date's). */
const YEAR_NEAR_NAME = /(?:(?:19|20)\d{2}|[二〇零][〇零一二][一二三四五六七八九〇零][〇零一二三四五六七八九])(?:\s*年度报告|[^\d]{0,40}?(?:年度报告|年报))/;
const XPATH_NUMBER = 1;
const XPATH_STRING = 2;

/**
 * The whole text of a small page (see SEARCHED_WHOLE): whether it holds one of the report's fixed
 * strings or a year close before a report's name, or is a shell of few text nodes; null for a big
 * page or a document without XPath (the walk decides). Its text nodes run together in the copy, so
 * the name's test is on the text, not per node: a name far from a year in one node, or a year in
 * the node before, reads differently than in the walk; both only open or close the closer look.
 */
export function smallPageNamesReport(doc: Document): 'named' | 'short' | 'long' | null {
  if (typeof doc.evaluate !== 'function') return null;
  const number = (expr: string) => doc.evaluate(expr, doc, null, XPATH_NUMBER, null).numberValue;
  if (number('count(//*)') > SEARCHED_WHOLE) return null;
  const text = doc.evaluate('string(//body)', doc, null, XPATH_STRING, null).stringValue;
  if (hasWord(text, REPORT_STRINGS) || (hasWord(text, REPORT_NAME) && YEAR_NEAR_NAME.test(text))) return 'named';
  return number('count(//body//text())') < SHELL_NODES ? 'short' : 'long';
}

/** What stands between two text nodes in the walk's copy: no text node holds it (the HTML parser drops NUL). */
const NODE_END = '\0';

/**
 * Walks the body's first text nodes (never the whole text; one wrapper per node visited): whether
 * one names a report or holds one of its fixed strings (its section headings come first), or the
 * body ended first and was short (a shell), or neither. The walk only copies the nodes' text; the
 * tests run once on the copy (run per node, cold, they cost more than the walk), and the per-node
 * test of a report's name only on the nodes that hold one of its words.
 */
export function walkNamesReport(doc: Document, limit: { nodes: number; chars: number }): 'named' | 'short' | 'long' {
  const body = doc.body;
  if (!body) return 'short';
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  let nodes = 0;
  let ended = true;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++nodes > limit.nodes || text.length - (nodes - 1) >= limit.chars) {
      ended = false;
      break;
    }
    text += n.nodeValue + NODE_END;
  }
  if (hasWord(text, REPORT_STRINGS)) return 'named';
  if (hasWord(text, REPORT_NAME) && text.split(NODE_END).some(namesReport)) return 'named';
  return ended && nodes < SHELL_NODES ? 'short' : 'long';
}

/** One text node naming a report: see REPORT_NAME. */
function namesReport(t: string): boolean {
  return t.length >= 4 && hasWord(t, REPORT_NAME) && (t.length <= SHORT_TEXT ? t.length >= WHOLE_TITLE || YEAR.test(t) : YEAR_THEN_NAME.test(t));
}
