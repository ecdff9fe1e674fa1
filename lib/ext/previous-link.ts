// Last year's report among a report page's links (「往年年报」 lists, a list of years beside the
// report): a link whose text or title names the year before and the report words, and the same body
// (or no body at all, on the same site). Pure: the page's links are given as plain data.
import { agencyFromTitle, sameAgency } from '../history/agency';

export interface PageLink {
  text: string;
  title: string;
  /** Absolute address. */
  href: string;
}

export interface PreviousLink {
  href: string;
  /** The link's words, as shown in the offer. */
  label: string;
  /** A PDF or Word file (opened in the viewer) rather than a page (fetched and checked here). */
  file: boolean;
  /** Not the report but the site's list of reports (「往年年报」): last year's is looked for there. */
  list?: boolean;
}

const DIGIT: Record<string, string> = { 〇: '0', 零: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** The year a link names for its report: the first 「YYYY年」 (Chinese numerals too: 二〇二二年度). */
export function linkYear(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[〇零O一二三四五六七八九]{4}(?=\s*年)/g, (m) => [...m].map((c) => DIGIT[c]).join(''));
  const m = t.match(/((?:19|20)\d{2})\s*年/);
  return m ? Number(m[1]) : null;
}

const REPORT_WORDS = /年度报告|年报|工作报告/;
const FILE = /\.(pdf|docx?|wps|ofd)(?:$|[?#])|downfile|filename=[^&]*\.(pdf|docx?|wps)/i;

const hostOf = (href: string) => {
  try {
    return new URL(href).hostname;
  } catch {
    return '';
  }
};

export function previousReportLink(links: readonly PageLink[], current: { year: number | null; title: string | null; href: string }): PreviousLink | null {
  if (current.year == null) return null;
  const want = current.year - 1;
  const here = current.href.replace(/#.*$/, '');
  const host = hostOf(here);
  const agency = agencyFromTitle(current.title);
  const found: { link: PageLink; words: string; score: number }[] = [];
  for (const link of links) {
    if (!/^https?:/i.test(link.href) || link.href.replace(/#.*$/, '') === here) continue;
    const words = [link.text, link.title].map((w) => w.replace(/\s+/g, ' ').trim()).find((w) => linkYear(w) === want && REPORT_WORDS.test(w));
    if (!words) continue;
    const named = agencyFromTitle(words);
    // A link naming a body must name this one; a link naming none («2022年度报告») only on this site.
    if (named ? !agency || !sameAgency(named, agency) : hostOf(link.href) !== host) continue;
    found.push({ link, words, score: (/政府信息公开/.test(words) ? 2 : 0) + (named ? 1 : 0) });
  }
  if (!found.length) return null;
  const best = found.reduce((a, b) => (b.score > a.score ? b : a));
  return { href: best.link.href, label: best.words, file: FILE.test(best.link.href) };
}

/** A link to the site's list of reports: the words of a list, no year, short (a menu entry or a breadcrumb). */
const LIST_WORDS = /往年年报|历年年报|往年报告|历年报告|年度报告|年报/;

/**
 * Where no link names last year's report: the site's list of reports the page links (「往年年报」,
 * 「政府信息公开年报」 in the breadcrumb), on the same site. Null when there is none.
 */
export function listPageLink(links: readonly PageLink[], current: { href: string }): PreviousLink | null {
  const here = current.href.replace(/#.*$/, '');
  const host = hostOf(here);
  let best: { link: PreviousLink; score: number } | null = null;
  for (const link of links) {
    if (!/^https?:/i.test(link.href) || link.href.replace(/#.*$/, '') === here || hostOf(link.href) !== host || FILE.test(link.href)) continue;
    const words = link.text.replace(/\s+/g, '').trim() || link.title.replace(/\s+/g, '');
    if (words.length > 16 || !LIST_WORDS.test(words) || linkYear(words) != null || /\d{4}/.test(words)) continue;
    const score = /往年|历年/.test(words) ? 2 : /政府信息公开/.test(words) ? 1 : 0;
    if (!best || score > best.score) best = { link: { href: link.href, label: words, file: false, list: true }, score };
  }
  return best?.link ?? null;
}

/** The links of a page, bounded (a page of thousands of links is a portal, not a report). */
export function pageLinks(doc: Document, max = 3000): PageLink[] {
  const out: PageLink[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, max)) {
    const el = a as HTMLAnchorElement;
    out.push({ text: el.textContent ?? '', title: el.getAttribute('title') ?? '', href: el.href });
  }
  return out;
}
