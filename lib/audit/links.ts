// The report links of a list page: a 「政府信息公开年报」 column (20–60 links to reports, HTML pages and
// attachments) among its site's chrome (menus naming 信息公开 and 年报, breadcrumbs, a sidebar of the
// other columns, 工作动态 news, pagination, the footer). DOM only, no extension API: the audit page
// lists what is found for the inspector to tick.
//
// Precision first: a link the inspector did not want costs a failed or 「不是年报」 row and the time
// to untick it; a report missed can still be pasted. So a link counts only when its words (text,
// title, or the list item around a 「下载」 link) name a report of information disclosure with its
// year, and name nothing else:
// - 「…2023年政府信息公开工作年度报告」, 「…2023年度信息公开年报」, 「…政务公开工作年度报告（2023年）」,
//   二〇二三年 too;
// - on a page that is itself the column of reports (its title, column meta, breadcrumb or path says
//   年报/年度报告), also 「XX局2023年度报告」 and 「2023年年报」: the report words right after the year;
// - never the column itself or other columns (no year: 「政府信息公开年报」, 指南, 目录, 制度), reports of
//   other kinds (法治政府建设年度报告, 统计公报, 政府工作报告, 企业年报, 政府网站年度报表), notices and news
//   about the reports (「关于做好2023年度…年度报告编制工作的通知」, 「…培训会召开」, 解读), pagination,
//   links run by script (javascript:, #) and the page itself.
// - A title the list cut short (「…2023年政府信息公开工...」) with no title attribute to complete it:
//   on the column page it is taken when what is left names the year or words of the report and no
//   veto word (recall first there: the column says what its items are, and a link too many is seen
//   and unticked while a report missed is never seen); elsewhere not. Its year may be lost with the cut.
// What is lost (recall): a report titled without its year, or without report words (「2023年」 alone,
// even on the column page: as often a year's sub-list as a report), cut titles outside the column
// page, and reports whose list a site's script builds from data other than Hanweb's XML records.
// What may slip in (precision): on the column page, a cut title whose cut hid the veto word
// (「…2023年政府信息公开工作年度报告解...」).
import { detect } from '../parse/detect';
import { textSample } from '../ext/detect-page';

export interface ReportLink {
  /** Absolute, without its fragment. */
  url: string;
  /** What names the report: the link's words, its title attribute, or its list item's. */
  text: string;
  kind: 'page' | 'pdf' | 'word' | 'other';
  year: number | null;
}

/**
 * The years a report's title may name. From 2008, when the 条例 took effect: a column lists every
 * year's report, and the older ones are reports too (the checker reads their format as pre-2019).
 */
export const YEAR_MIN = 2008;
export const YEAR_MAX = 2029;

const DIGIT: Record<string, string> = { 〇: '0', 零: '0', Ｏ: '0', O: '0', o: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Dates of publication (「2024-01-15」, 「2024年1月15日」): never the report's year. */
const DATE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/g;

/** Words as compared: NFKC (full-width digits and brackets), Chinese-numeral years in digits, no spaces. */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[〇零OoＯ一二三四五六七八九]{4}(?=\s*年)/g, (m) => [...m].map((c) => DIGIT[c] ?? c).join(''))
    .replace(/\s+/g, '');
}

/** The year a title names for its report (「2023年」, 「2023年度」, 「（2023）」, 二〇二三年), within YEAR_MIN..YEAR_MAX. */
export function reportYear(text: string): number | null {
  const t = normalizeWords(text).replace(DATE, ' ');
  for (const m of t.matchAll(/(20\d{2})年|[(\[【](20\d{2})[)\]】]/g)) {
    const y = Number(m[1] ?? m[2]);
    if (y >= YEAR_MIN && y <= YEAR_MAX) return y;
  }
  return null;
}

/** A report of information disclosure, in so many words. */
const STRICT = /(?:政府|政务)?信息公开.{0,10}?(?:年度报告|年报|工作报告|情况的?报告)|政务公开.{0,10}?(?:年度报告|年报)/;
/** On the column page: the report words right after the year (「XX局2023年度报告」, 「2023年年报」). */
const LOOSE = /20\d{2}年(?:度工作|度|工作)?(?:年度报告|报告|年报)|[(\[【]20\d{2}年?度?[)\]】](?:工作)?(?:年度报告|报告|年报)/;
/**
 * Words that make a link something else: other columns and rules, reports of other kinds, notices,
 * news and explanations about the reports, the forms reports are made with. Written not to hit the
 * bodies that publish reports: 审计局, 统计局, 机构编制委员会办公室, 社会组织管理局 (so 「审计报告」, not 审计).
 */
const VETO = new RegExp(
  [
    '指南', '目录', '制度', '规定', '办法', '细则', '条例', '申请表', '申请书', '流程',
    '通知', '意见', '方案', '要点', '计划', '[复回]函', '批复', '公告', '通报',
    '法治政府', '法治建设', '法治工作', '依法行政', '公报', '统计年报', '统计年鉴', '国民经济', '预算', '决算', '审计(?:工作)?报告', '绩效', '政府工作报告',
    '企业年报', '年报公示', '年报填报', '市场主体', '社会组织年', '政府网站', '网站(?:工作)?年度', '政务新媒体', '报表',
    '解读', '图解', '一图', '说明', '更正', '征求', '培训', '会议', '召开', '部署', '推进会', '督查', '督导', '考核', '评估', '测评', '检查', '排名',
    '编制(?:和|及|与)?(?:发布|报送|工作|培训|要求)', '报送', '模板', '格式', '范本', '撰写', '发布会',
  ].join('|'),
);

/**
 * Whether words name an information-disclosure annual report. `column`: the page is the column of
 * reports, where the report words after the year suffice.
 */
export function isReportTitle(text: string, column = false): boolean {
  const t = normalizeWords(text).replace(DATE, ' ');
  if (reportYear(t) == null || VETO.test(t)) return false;
  return STRICT.test(t) || (column && LOOSE.test(t));
}

/** A title cut short by the list (「平潭综合实验区2023年政府信息公开工作年度…」). */
const TRUNCATED = /(?:\.{2,}|…+|。{3})$/;
/** Words of the report in a truncated title (the cut may fall anywhere in 「政府信息公开工作年度报告」); a notice's opening (关于做好…). */
const TRUNCATED_REPORT = /政府信|信息公|政务公|年度报|年报|(?:政府|政务|信息)$/;
const NOTICE_OPENING = /^关于/;

/**
 * A title the list cut short, on the column page: the column says what its items are, so the cut
 * title is taken when what is left names a year or words of the report, and nothing else.
 */
function truncatedReport(words: string): boolean {
  const t = normalizeWords(words).replace(TRUNCATED, '').replace(DATE, ' ');
  if (NOTICE_OPENING.test(t) || VETO.test(t)) return false;
  return reportYear(t) != null || TRUNCATED_REPORT.test(t);
}

/**
 * A title cut inside 「信息公开（工作）年度报告」 past 年 (「…2023年政府信息公开工作年度…」): nothing else
 * goes on so, anywhere. Cut before (「…信息公开工…」) it may be a 工作要点 as well as a report.
 */
function cutInReportWords(stem: string): boolean {
  const t = normalizeWords(stem).replace(DATE, ' ');
  return reportYear(t) != null && /信息公开(?:工作)?年度?报?$/.test(t) && !VETO.test(t);
}

/** Links that stand for a file or a detail page beside the title (their words say nothing of the report). */
const GENERIC =
  /^(?:(?:pdf|docx?|wps|ofd|word)(?:版|文件|格式)?(?:下载)?|(?:点击|附件|文件|全文|pdf|word)?下载|下载(?:附件|文件|全文|pdf|word)?|(?:点击)?查看(?:详情|全文|原文|附件)?|详情|详细|原文|全文|阅读全文|阅读|打开|浏览|附件\d*|[>»›]+|更多)$/i;
/** Brackets around a link's words (「[下载]」, 「【PDF】」). */
const BRACKETS = /^[[(【〔<（]+|[\])】〕>）]+$/g;
/** A file's name as link text (P020240115123456.pdf). */
const FILE_NAME = /^[\w\-.%()~]+\.(?:pdf|docx?|wps|ofd|rtf)$/i;

const HAN = /[\u4e00-\u9fff]/;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const FILE_KIND: Record<string, ReportLink['kind']> = {
  pdf: 'pdf',
  doc: 'word',
  docx: 'word',
  wps: 'word',
  rtf: 'word',
  wpt: 'word',
  dot: 'word',
  ofd: 'other',
  zip: 'other',
  rar: 'other',
  '7z': 'other',
  xls: 'other',
  xlsx: 'other',
  et: 'other',
  png: 'other',
  jpg: 'other',
  jpeg: 'other',
  gif: 'other',
};
const EXT = /\.([a-z0-9]{1,4})(?=$|[?#&;"'\s)）\]】>])/i;

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

const kindOfName = (name: string): ReportLink['kind'] | null => {
  const m = EXT.exec(name);
  return m ? (FILE_KIND[m[1].toLowerCase()] ?? null) : null;
};

/** A file by its path, a query value (downfile.jsp?filename=x.pdf), or the name the link shows; a page otherwise. */
export function linkKind(url: URL, words = ''): ReportLink['kind'] {
  const path = decode(url.pathname);
  const last = path.split('/').pop() ?? '';
  const byPath = kindOfName(last);
  if (byPath) return byPath;
  for (const v of url.searchParams.values()) {
    const k = kindOfName(decode(v));
    if (k) return k;
  }
  // A download address named only by the file it gives (「…年度报告.pdf」): that file's kind.
  if (/down|file|attach|fujian/i.test(url.href) && !/\.(?:s?html?|xhtml)$/i.test(last)) {
    const w = words.trim();
    return kindOfName(w) ?? (/^\W*pdf/i.test(w) ? 'pdf' : /^\W*(?:word|docx?|wps)/i.test(w) ? 'word' : 'page');
  }
  return 'page';
}

/** The address a link leads to, or null: script, mail, fragments of this page, anything but http(s). */
function target(a: Element, base: string): URL | null {
  const href = (a.getAttribute('href') ?? '').trim();
  if (!href || href.startsWith('#') || /^(?:javascript|vbscript|mailto|tel|data|about):/i.test(href)) return null;
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  return u;
}

/** A directory address: a column or a year's sub-list, not a report. */
const isDirectory = (u: URL) => u.pathname.endsWith('/') && !u.search;
/** A column's index page (index.html, index_2.html, list.jsp?page=2): navigation on the column page. */
const isIndexPage = (u: URL) => /\/(?:index|list|default)(?:_\d+)?\.[a-z]+$/i.test(u.pathname);

/** A publication date at either end of a link's text (some lists put the date inside the link). */
const EDGE_DATE = /^[[(【]?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[\])】]?\s*|\s*[[(【]?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[\])】]?$/g;

/**
 * What a link says: its text (a date at its ends dropped, or an image's alt), whether the list cut
 * it short, and its title attribute (often the whole title of a cut one).
 */
function ownWords(a: Element): { text: string; title: string; truncated: boolean } {
  const text = clean(clean(a.textContent).replace(EDGE_DATE, '')) || clean(a.querySelector('img')?.getAttribute('alt'));
  return { text, title: clean(a.getAttribute('title')), truncated: TRUNCATED.test(text) };
}

/** Words that say nothing of the report (「下载」, 「[PDF]」, a file's name, no Chinese at all): its row or title says. */
const isVague = (text: string) => {
  const plain = text.replace(/\s+/g, '');
  return !plain || GENERIC.test(plain.replace(BRACKETS, '')) || FILE_NAME.test(plain) || !HAN.test(plain);
};

/**
 * The words that name a link's report, or null: a title attribute that completes a cut text decides
 * alone (the cut may have hidden 「…的通知」); else the text; else a title naming the report behind a
 * short text (「2023年度」); else, on the column page, a cut text of the report's words.
 */
function linkWords(text: string, title: string, truncated: boolean, column: boolean): string | null {
  const stem = text.replace(TRUNCATED, '');
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  if (title && (truncated || squeeze(title).length > squeeze(stem).length) && squeeze(title).startsWith(squeeze(stem))) return isReportTitle(title, column) ? title : null;
  if (!truncated && isReportTitle(text, column)) return text;
  if (title && isReportTitle(title, column)) return title;
  if (truncated && !NOTICE_OPENING.test(normalizeWords(stem)) && (isReportTitle(stem, column) || cutInReportWords(stem) || (column && truncatedReport(text)))) return text;
  return null;
}

/** A list item: the smallest block around the link that holds few links (a row, not the list). */
const ROW = 'li, tr, dd, dt, p, h1, h2, h3, h4, h5, h6';
const MAX_ROW_TEXT = 300;
const MAX_ROW_LINKS = 4;

function rowOf(a: Element): Element | null {
  const row = a.parentElement?.closest(ROW);
  if (!row) return null;
  // A card (<div class="item"><h3><a>title</a></h3>…<a>下载</a></div>): the heading's parent is the item.
  if (/^H\d$/i.test(row.tagName) && row.parentElement && row.parentElement.querySelectorAll('a[href]').length <= MAX_ROW_LINKS) return row.parentElement;
  return row;
}

/** A row's words, as its title: its text without dates, the 「下载」 links' words and the 「发布日期：」 labels. */
function rowWords(row: Element): string | null {
  const text = clean(row.textContent);
  if (!text || text.length > MAX_ROW_TEXT || row.querySelectorAll('a[href]').length > MAX_ROW_LINKS) return null;
  return clean(
    text
      .replace(DATE, ' ')
      .replace(/(?:发布|发文|成文|更新)?(?:日期|时间)[:：]?/g, ' ')
      .replace(/[[(【]?(?:下载|查看|详情|pdf|word|docx?|wps)[\])】]?/gi, ' '),
  );
}

/** Where a page names its column: the breadcrumb, the heading, the menu entry marked current. */
const COLUMN_NAMERS =
  '[class*="crumb" i], [class*="position" i], [class*="location" i], [id*="crumb" i], [id*="position" i], h1, h2, .column-title, .lm_name, ' +
  'li.on, li.active, li.cur, li.current, li.selected, a.on, a.active, a.cur, a.current, a.selected, [aria-current]';

/**
 * The page is the column of reports: its title, column meta, breadcrumb, heading, current menu entry
 * or path says 年报/年度报告. Not an article (a report page, whose breadcrumb names the column too: its
 * sidebar's cut titles are no list's items): a CMS's ArticleTitle meta, or a title naming a year.
 */
export function isReportColumn(doc: Document, baseUrl: string): boolean {
  const title = normalizeWords(doc.title ?? '');
  if (doc.querySelector('meta[name="ArticleTitle" i]') || reportYear(title) != null) return false;
  const said = [title];
  for (const name of ['ColumnName', 'ColumnDescription', 'columnname']) said.push(doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '');
  for (const el of Array.from(doc.querySelectorAll(COLUMN_NAMERS)).slice(0, 30)) said.push(clean(el.textContent).slice(-60));
  const words = normalizeWords(said.join(' '));
  if (/年度报告|年报/.test(words) && !/法治|统计|企业年报/.test(words)) return true;
  try {
    // The column's own address (a directory or its index pages), not an article filed under it.
    const u = new URL(baseUrl);
    return /(?:zfxxgk|xxgk|zwgk)_?nb|gknb|ndbg|xxgkndbg/i.test(u.pathname) && (u.pathname.endsWith('/') || isIndexPage(u));
  } catch {
    return false;
  }
}

/** At most this many links are looked at: a portal's thousands of links are no list of reports. */
const MAX_LINKS = 5000;

/**
 * The page's links in page order, with those of Hanweb's lists: their records stand in a
 * <script type="text/xml"> the site's script renders, and a fetched page runs no script. The
 * records are parsed in an inert <template> (nothing in it runs or loads).
 */
function linksOf(doc: Document): Element[] {
  if (!doc.querySelector('script[type="text/xml"]')) return Array.from(doc.querySelectorAll('a[href]')).slice(0, MAX_LINKS);
  const out: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll('a[href], script[type="text/xml"]'))) {
    if (el.localName === 'a') out.push(el);
    else {
      const t = doc.createElement('template');
      t.innerHTML = (el.textContent ?? '').replace(/<!\[CDATA\[|\]\]>/g, '');
      out.push(...Array.from(t.content.querySelectorAll('a[href]')));
    }
    if (out.length >= MAX_LINKS) break;
  }
  return out.slice(0, MAX_LINKS);
}

interface Found extends ReportLink {
  row: Element | null;
  /** The link's place among the page's links: the order of the list. */
  at: number;
}

/**
 * What the page's relative links resolve against: its <base href> (itself relative to the page's
 * address), else the address. Not doc.baseURI: a page parsed with DOMParser has the parsing page's.
 */
function baseOf(doc: Document, baseUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (!href) return baseUrl;
  try {
    return new URL(href, baseUrl).href;
  } catch {
    return baseUrl;
  }
}

/**
 * The report links of a page, in page order, once each (the same address again merged into the
 * first, keeping the fuller words and a year).
 */
export function findReportLinks(doc: Document, baseUrl: string): ReportLink[] {
  const column = isReportColumn(doc, baseUrl);
  let self = '';
  try {
    const u = new URL(baseUrl);
    u.hash = '';
    self = u.href;
  } catch {
    // No address of its own: no link is the page itself.
  }
  const base = baseOf(doc, baseUrl);
  const out: Found[] = [];
  const byUrl = new Map<string, Found>();
  const anchors = linksOf(doc);
  const pending: { a: Element; url: URL; at: number }[] = [];
  const n = anchors.length;

  const take = (url: URL, text: string, row: Element | null, own: string, at: number) => {
    const had = byUrl.get(url.href);
    if (had) {
      if (text.length > had.text.length) had.text = text;
      had.year ??= reportYear(text);
      return;
    }
    const found: Found = { url: url.href, text, kind: linkKind(url, own), year: reportYear(text), row, at };
    byUrl.set(url.href, found);
    out.push(found);
  };

  for (let i = 0; i < n; i++) {
    const a = anchors[i];
    const url = target(a, base);
    if (!url || url.href === self || isDirectory(url)) continue;
    const { text, title, truncated } = ownWords(a);
    if (isVague(text)) {
      pending.push({ a, url, at: i });
      continue;
    }
    const t = normalizeWords(text);
    // A link to something else (「解读」, 「图解」) whose title names the report it is about: not the report.
    if (VETO.test(t) || (column && isIndexPage(url))) continue;
    const words = linkWords(text, title, truncated, column);
    if (words) take(url, words, rowOf(a), words, i);
  }
  // Links named only 「下载」 or by their file: their row's words name the report, unless a report
  // link of the row was taken (this one is then the same report again, in another form).
  const rowsTaken = new Set(out.map((f) => f.row).filter((r): r is Element => r != null));
  for (const { a, url, at } of pending) {
    const row = rowOf(a);
    if ((row && rowsTaken.has(row)) || byUrl.has(url.href)) continue;
    const title = clean(a.getAttribute('title'));
    const fromRow = row ? rowWords(row) : null;
    const words = title && isReportTitle(title, column) ? title : fromRow && isReportTitle(fromRow, column) ? fromRow : null;
    if (!words) continue;
    take(url, words, row, clean(a.textContent) || title, at);
    if (row) rowsTaken.add(row);
  }
  return out.sort((x, y) => x.at - y.at).map(({ url, text, kind, year }) => ({ url, text, kind, year }));
}

/** Fewer report links than this and a page is no list of reports. */
export const MIN_LIST_LINKS = 2;

/**
 * A list of reports: not itself a report (the report detector finds no report body in its text)
 * and at least two report links. A report page's 「往年年报」 sidebar does not make it a list.
 * `baseUrl`: the page's address after redirects; give it for a page parsed with DOMParser (whose
 * own address is the parsing page's, so that its relative links would lead nowhere).
 */
export function isListPage(doc: Document, baseUrl: string = doc.baseURI || doc.URL): boolean {
  if (detect(doc.title ?? '', textSample(doc)).isReport) return false;
  return findReportLinks(doc, baseUrl).length >= MIN_LIST_LINKS;
}
