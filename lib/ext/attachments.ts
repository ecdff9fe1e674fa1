// Report files linked from a page: PDF and Word attachments of a report page, the files of a
// report list, CMS download links and PDFs shown in frames. Pure DOM code (no extension API): the
// overlay draws a 「在年报核查中打开」 control beside each one.

export type AttachmentType = 'pdf' | 'doc' | 'docx' | 'wps' | 'ofd';

export interface Attachment {
  /** Absolute address of the file itself (a site-hosted pdf.js viewer's `file` already taken out). */
  url: string;
  type: AttachmentType;
  /** What the page calls it: the link's text, title or download name, else the file name. */
  label: string;
  /** The link or frame element, for the control's place. */
  element: Element;
}

export interface FindOptions {
  /** The page itself is a report (or a list of reports): every attachment counts. Found by the page's title otherwise. */
  pageIsReport?: boolean;
  /** At most this many elements are looked at (a list page may hold thousands of links). */
  limit?: number;
}

/**
 * Words that name an annual report, in a link's text, a file name or the words around it. 政府信息公开
 * only with 报告 after it: alone it names the whole disclosure portal (指南, 申请表, 目录).
 */
export const REPORT_WORDS = /年度报告|年报|(?:政府信息|政务)公开.{0,12}报告/;
/** Words that make the page itself a report or a list of reports (stricter: 政府信息公开 alone is a whole portal). */
const PAGE_WORDS = /年度报告|年报|工作报告/;
/** TRS and other CMS paths of the annual-report column (zfxxgknb = 政府信息公开年报). */
const PAGE_PATH = /(?:zfxxgk|xxgk|zwgk)_?nb|gknb|ndbg/i;

/** A file extension, at the end of a path or a name (before a query, a quote, a bracket or a space). */
const EXT = /\.(pdf|docx|doc|wps|ofd)(?=$|[?#&;"'\s)）\]】>])/i;
/** A hint worth reading a link closely for: cheap, on the raw attribute. */
const HREF_HINT = /\.(?:pdf|docx?|wps|ofd)|downfile|download|viewer\.html|attach|fujian|appendix/i;
/** Pages, not files: a link to one of these is only a file when its query names one. */
const PAGE_EXT = /\.(?:s?html?|xhtml|php|aspx?|jspx?|do|action)$/i;
/** Icons CMSs put inside download links (Hanweb: /module/jslib/icons/acrobat.png, word.png). */
const ICON_PDF = /pdf|acrobat/i;
const ICON_WORD = /word|doc/i;
/** Blocks whose text is the link's context (「附件：2023年政府信息公开工作年度报告」). */
const CONTEXT_BLOCK = 'p, li, td, dd, dt, h1, h2, h3, h4, h5, h6, tr, .fj, .attachment, .article_attachment';
const MAX_CONTEXT = 400;

const SELECTOR = 'a[href], iframe[src], embed, object[data]';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function typeOfName(name: string): AttachmentType | null {
  const m = EXT.exec(name);
  return m ? (m[1].toLowerCase() as AttachmentType) : null;
}

function parse(raw: string, base: string): URL | null {
  try {
    const u = new URL(raw, base);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:' ? u : null;
  } catch {
    return null;
  }
}

/** A site-hosted pdf.js viewer (…/web/viewer.html?file=<pdf>): the file it shows, resolved as pdf.js does. */
function viewedFile(u: URL): URL | null {
  if (!/viewer\.html?$/i.test(u.pathname) && !/pdfjs|pdf\.js/i.test(u.pathname)) return null;
  const file = u.searchParams.get('file') ?? new URLSearchParams(u.hash.slice(1)).get('file');
  return file ? parse(file, u.href) : null;
}

/** The file a link's address names: its path, else a query value (downfile.jsp?…filename=x.pdf). */
function typeOfUrl(u: URL): AttachmentType | null {
  const path = decode(u.pathname);
  const byPath = typeOfName(path);
  if (byPath) return byPath;
  for (const v of u.searchParams.values()) {
    const t = typeOfName(decode(v));
    if (t) return t;
  }
  return null;
}

function fileName(u: URL): string {
  for (const k of ['filename', 'fileName', 'name', 'file']) {
    const v = u.searchParams.get(k);
    if (v && EXT.test(v)) return decode(v).split('/').pop()!;
  }
  return decode(u.pathname.split('/').pop() ?? '');
}

const shortText = (el: Element | null | undefined) => {
  const text = el?.textContent ?? '';
  return text.length <= MAX_CONTEXT ? text : '';
};

/**
 * The words around an element: its block, when short enough to be about this one link, and the
 * block before it (「附件：2023年政府信息公开工作年度报告」 above a link named P020240115….pdf).
 */
function contextOf(el: Element): string {
  const block = el.parentElement?.closest(CONTEXT_BLOCK);
  if (!block) return '';
  // The block before counts as a label only: another attachment's name says nothing of this one.
  const prev = block.previousElementSibling;
  return `${shortText(block)} ${prev && !prev.querySelector('a') ? shortText(prev) : ''}`;
}

/** The page is a report or a list of reports: its title, its CMS title/column meta, or its path says so. */
export function pageNamesReports(doc: Document): boolean {
  if (PAGE_WORDS.test(doc.title ?? '')) return true;
  for (const name of ['ArticleTitle', 'ColumnName', 'ColumnDescription']) {
    const meta = doc.querySelector(`meta[name="${name}"]`);
    if (meta && PAGE_WORDS.test(meta.getAttribute('content') ?? '')) return true;
  }
  try {
    return PAGE_PATH.test(new URL(doc.URL).pathname);
  } catch {
    return false;
  }
}

interface Candidate {
  url: URL;
  type: AttachmentType;
  /** The words that may name a report: text, title, download name, file name. */
  words: string;
  label: string;
}

function linkCandidate(a: Element, base: string): Candidate | null {
  const href = a.getAttribute('href') ?? '';
  if (!href || href.startsWith('#') || /^(?:javascript|mailto|tel|data):/i.test(href)) return null;
  const title = a.getAttribute('title');
  const download = a.getAttribute('download');
  const marked = a.hasAttribute('appendix') || a.hasAttribute('data-appendix');
  const hinted = marked || HREF_HINT.test(href) || !!download;
  const text = clean(a.textContent).slice(0, 200);
  // Most links on a list page are articles: read them no further unless something names a file.
  if (!hinted && !EXT.test(text) && !(title && EXT.test(title))) return null;
  let url = parse(href, base);
  if (!url) return null;
  url = viewedFile(url) ?? url;
  let type = typeOfUrl(url) ?? typeOfName(download ?? '') ?? typeOfName(title ?? '') ?? typeOfName(text);
  // Named a file only by its words: a link to a web page is no file (its query did not name one).
  if (type && !typeOfUrl(url) && PAGE_EXT.test(url.pathname) && !marked) return null;
  if (!type && (marked || /downfile|download/i.test(href))) {
    // A CMS download link named only by its icon.
    const icon = a.querySelector('img')?.getAttribute('src') ?? '';
    type = ICON_PDF.test(icon) ? 'pdf' : ICON_WORD.test(icon) ? 'doc' : null;
  }
  if (!type) return null;
  const name = fileName(url);
  return { url, type, words: `${text} ${title ?? ''} ${download ?? ''} ${name}`, label: text || clean(title) || clean(download) || name };
}

function frameCandidate(el: Element, base: string): Candidate | null {
  const src = el.getAttribute(el.localName === 'object' ? 'data' : 'src') ?? '';
  let url = src ? parse(src, base) : null;
  if (!url) return null;
  url = viewedFile(url) ?? url;
  const declared = /pdf/i.test(el.getAttribute('type') ?? '');
  const type = typeOfUrl(url) ?? (declared ? 'pdf' : null);
  // A frame shows a PDF only; Word files are never shown in one.
  if (type !== 'pdf') return null;
  const title = el.getAttribute('title') ?? el.getAttribute('name') ?? '';
  const name = fileName(url);
  return { url, type, words: `${title} ${name}`, label: clean(title) || name };
}

/**
 * The report files linked or shown on a page, once each (by address without its fragment), in
 * document order. A file counts when its words (text, title, download name, file name, or the short
 * block around it) name an annual report, or when the page itself is a report or a list of reports.
 * One querySelectorAll and cheap tests per element: bounded on a list of thousands of links.
 */
export function findAttachments(doc: Document, opts: FindOptions = {}): Attachment[] {
  const base = doc.baseURI || doc.URL;
  const pageCounts = opts.pageIsReport ?? pageNamesReports(doc);
  const limit = opts.limit ?? 5000;
  const seen = new Set<string>();
  const out: Attachment[] = [];
  const elements = doc.querySelectorAll(SELECTOR);
  const n = Math.min(elements.length, limit);
  for (let i = 0; i < n; i++) {
    const el = elements[i];
    const c = el.localName === 'a' ? linkCandidate(el, base) : frameCandidate(el, base);
    if (!c) continue;
    c.url.hash = '';
    const key = c.url.href;
    if (seen.has(key)) continue;
    if (!pageCounts && !REPORT_WORDS.test(c.words) && !REPORT_WORDS.test(contextOf(el))) continue;
    seen.add(key);
    out.push({ url: key, type: c.type, label: c.label.slice(0, 120), element: el });
  }
  return out;
}
