// Page detection for the content script. It runs on every *.gov.cn page, so a page that is not a
// report must cost what a look at its title costs: one native copy of the body's text and a few
// native substring searches answer "no" on nearly every page, before anything is sliced, matched
// by a regex or normalised. It must stay tiny: it ships on every page.
import { detect } from '../parse/detect';
import { REPORT_WORDS } from './attachments';

// Generous: inline scripts in <body> count in textContent and may stand before the article.
const SAMPLE = 400_000;
/** Words without which no page is a report. */
const GATE = /政府信息公开|政务公开|信息公开/;
/** A page title naming a report or a list of reports: every file it links may be one. */
const TITLE_WORDS = /年度报告|年报/;

/**
 * The report's own fixed strings: detect() calls no text a report without one of them. A report
 * scores 5, its title 2 at most, 总体情况 and 复议诉讼 1 each: some other signal is in the text,
 * and each of those holds one of these (detect-page.test.ts tries every combination of signals).
 * Every real report has the first: table 三's first row. The gov.cn navigation words (信息公开,
 * 主动公开, 依申请公开, 年报) are not among them: they would open the gate on every portal page.
 */
export const REPORT_STRINGS = ['本年新收', '本年接收', '勾稽关系', '主动公开政府信息情况', '收到和处理政府信息公开申请', '需要报告的事项', '问题及改进', '第二十条'] as const;
/** REPORT_WORDS (a report file's name or its context) matches nothing without one of these. */
export const FILE_STRINGS = ['报告', '年报'] as const;
/** Links whose report name is only in an attribute (「点击下载」 titled …年度报告.pdf). */
const NAMED_IN_ATTRIBUTE = '[title*="报告"], [title*="年报"], [download*="报告"], [download*="年报"]';
/** Elements that may be report files (one native query; findAttachments looks closer). */
export const ATTACHMENT_SELECTOR =
  'a[href*=".pdf" i], a[href*=".doc" i], a[href*=".wps" i], a[href*=".ofd" i], a[appendix], a[data-appendix], a[href*="downfile" i], a[href*="viewer.htm" i], iframe[src*=".pdf" i], iframe[src*="viewer.htm" i], embed, object';
/** ATTACHMENT_SELECTOR grouped by tag: each element is tested against four selectors, not twelve (20,000 cells). */
const FILE_ELEMENTS =
  'a:is([href*=".pdf" i], [href*=".doc" i], [href*=".wps" i], [href*=".ofd" i], [appendix], [data-appendix], [href*="downfile" i], [href*="viewer.htm" i]), iframe:is([src*=".pdf" i], [src*="viewer.htm" i]), embed, object';
/** Candidates looked at before giving up (a list page may hold hundreds), and those whose block is read too. */
const MAX_CANDIDATES = 300;
const MAX_CONTEXTS = 20;
const CONTEXT_BLOCK = 'p, li, dd, dt, td';

export type PageClass = 'report' | 'attachments' | null;

/** Title words of a report, a list of reports, a disclosure page or a file page: those pages get a closer look. */
const LOOK_WORDS = /信息公开|政务公开|年报|报告/;

/**
 * Whether the page deserves classifyPage at all, decided from the document alone: touching the
 * body (its first element wrapper in our isolated world) or copying its text costs more than the
 * isolated world itself on a large page. A page gets a closer look when it is not HTML (a text
 * file), has no title, its title names a report or the disclosure pages, or it holds an element
 * that may be a report file (one native query that creates nothing when it finds nothing).
 */
export function worthALook(doc: Document): boolean {
  if (doc.contentType !== 'text/html') return true;
  const title = doc.title;
  return !title || LOOK_WORDS.test(title) || doc.querySelector(FILE_ELEMENTS) !== null || headsNameReport(doc);
}

/** Headings and title blocks of CMS templates: where a page whose <title> is only its site's name names its report. */
const HEADS = 'h1, h2, h3, [class*="title" i], [class*="tit" i], [id*="title" i], [class*="bt" i]';
const HEAD_WORDS = /年度报告|年报/;
const MAX_HEADS = 12;
/** The first text of the body, walked node by node, never copied whole: the report's name stands near the top. */
const MAX_NODES = 400;
const MAX_CHARS = 12_000;

/**
 * A page titled with its site's name only (「XX县人民政府」) may still be a report: its heading, a
 * template's title block, or the first text of its body names it. A few native queries and a
 * bounded walk, done only on pages the title did not open.
 */
export function headsNameReport(doc: Document): boolean {
  const heads = doc.querySelectorAll(HEADS);
  for (let i = 0; i < Math.min(heads.length, MAX_HEADS); i++) if (HEAD_WORDS.test(heads[i].textContent ?? '')) return true;
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let chars = 0;
  for (let n = walker.nextNode(), k = 0; n && k < MAX_NODES && chars < MAX_CHARS; n = walker.nextNode(), k++) {
    const t = n.nodeValue ?? '';
    chars += t.length;
    if (t.length >= 4 && HEAD_WORDS.test(t)) return true;
  }
  return false;
}

/** Whether `text` holds one of `strings`: native substring searches, nothing copied. */
export function hasAny(text: string, strings: readonly string[]): boolean {
  for (const s of strings) if (text.includes(s)) return true;
  return false;
}

/**
 * A bounded sample of the page's text. One native textContent call: walking text nodes from an
 * isolated world costs a wrapper per node (40 ms on a page of 20,000 cells).
 */
export function textSample(doc: Document, limit = SAMPLE, text = doc.body?.textContent ?? ''): string {
  const body = doc.body;
  if (!body) return '';
  // Script and style text is not the page's content (a report inside a JS string is not shown yet).
  for (const el of Array.from(body.querySelectorAll('script, style, noscript, template'))) {
    const own = el.textContent ?? '';
    if (own.length > 40) text = text.replace(own, ' ');
  }
  return text.slice(0, limit);
}

export function looksLikeReport(doc: Document): boolean {
  return classifyPage(doc) === 'report';
}

/** Some element on the page may be a report file: its own words, or the page's title, say so. */
export function mayLinkReportFiles(doc: Document, title: string): boolean {
  const found = doc.querySelectorAll(ATTACHMENT_SELECTOR);
  if (found.length === 0) return false;
  if (TITLE_WORDS.test(title)) return true;
  for (let i = 0; i < Math.min(found.length, MAX_CANDIDATES); i++) {
    const el = found[i];
    const words = `${el.textContent ?? ''} ${el.getAttribute('title') ?? ''} ${el.getAttribute('download') ?? ''}`;
    if (REPORT_WORDS.test(words)) return true;
    // 「附件：…年度报告」 around a link named only by its file (a layout table's cell may be the whole page: a few only).
    if (i >= MAX_CONTEXTS) continue;
    const block = el.parentElement?.closest(CONTEXT_BLOCK);
    const around = `${block?.textContent ?? ''} ${block?.previousElementSibling?.textContent ?? ''}`;
    if (around.length < 1200 && REPORT_WORDS.test(around)) return true;
  }
  return false;
}

/**
 * What the detector found: a report; report files linked or shown (the light script mounts their
 * controls); or nothing. Each closer look runs only after a native search says it may answer yes:
 * the report's fixed strings before detect(), a report file's words before the attachment query.
 */
export function classifyPage(doc: Document): PageClass {
  const body = doc.body;
  if (!body) return null;
  const title = doc.title ?? '';
  const text = body.textContent ?? '';
  if (hasAny(text, REPORT_STRINGS)) {
    const sample = textSample(doc, SAMPLE, text);
    if ((GATE.test(title) || GATE.test(sample)) && detect(title, sample).isReport) return 'report';
  }
  const mayName = TITLE_WORDS.test(title) || hasAny(text, FILE_STRINGS) || doc.querySelector(NAMED_IN_ATTRIBUTE) !== null;
  return mayName && mayLinkReportFiles(doc, title) ? 'attachments' : null;
}
