// Page detection for the content script. It runs on every *.gov.cn page, so a page that is not a
// report must cost what a look at its title costs: one native copy of the body's text and a few
// native substring searches answer "no" on nearly every page, before anything is sliced, matched
// by a regex or normalised. It must stay tiny: it ships on every page.
import { detect } from '../parse/detect';
import { REPORT_WORDS } from './attachments';
import { REPORT_STRINGS } from './first-look';

export { REPORT_STRINGS };

// Generous: inline scripts in <body> count in textContent and may stand before the article.
const SAMPLE = 400_000;
/** Words without which no page is a report. */
const GATE = /政府信息公开|政务公开|信息公开/;
/** A page title naming a report or a list of reports: every file it links may be one. */
const TITLE_WORDS = /年度报告|年报/;

/** REPORT_WORDS (a report file's name or its context) matches nothing without one of these. */
export const FILE_STRINGS = ['报告', '年报'] as const;
/** Links whose report name is only in an attribute (「点击下载」 titled …年度报告.pdf). */
const NAMED_IN_ATTRIBUTE = '[title*="报告"], [title*="年报"], [download*="报告"], [download*="年报"]';
/** Elements that may be report files (one native query; findAttachments looks closer). */
export const ATTACHMENT_SELECTOR =
  'a[href*=".pdf" i], a[href*=".doc" i], a[href*=".wps" i], a[href*=".ofd" i], a[appendix], a[data-appendix], a[href*="downfile" i], a[href*="viewer.htm" i], iframe[src*=".pdf" i], iframe[src*="viewer.htm" i], embed, object';
/** Candidates looked at before giving up (a list page may hold hundreds), and those whose block is read too. */
const MAX_CANDIDATES = 300;
const MAX_CONTEXTS = 20;
const CONTEXT_BLOCK = 'p, li, dd, dt, td';

export type PageClass = 'report' | 'attachments' | null;

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
