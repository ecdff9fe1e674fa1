// DOM reader: any web page (Word/WPS exports, CMS editors, pages with site chrome) into the document model.
// Works on the browser's DOM and on happy-dom's; never writes to the DOM.
import { HOST_TAG } from '../host-tag';
import { classify, type Anchor, type Line, type SourceDoc, type Token } from '../model';
import { flowTokens } from './flow';
import { looksLikeValue, readLines } from './text';

export { HOST_TAG };

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'UL', 'CAPTION', 'TR', 'TD', 'TH', 'TBODY', 'THEAD', 'TFOOT',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'SELECT', 'BUTTON', 'TEXTAREA', 'INPUT']);
const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE']);
const CHROME_NAME_RE = /(^|[-_\s])(nav|navbar|menu|footer|header|sidebar|side|breadcrumb|crumb|top|bottom|links?|share|toolbar)([-_\s]|$)/i;

interface Run {
  node: Node;
  start: number;
  text: string;
}

export interface DomReadOptions {
  /** Skip navigation, headers, footers and sidebars (used when no report container is known). */
  skipChrome?: boolean;
}

export function readDom(root: Element, options: DomReadOptions = {}): SourceDoc {
  const lines: Line[] = [];
  let runs: Run[] = [];

  const flush = () => {
    if (runs.length === 0) return;
    const text = runs.map((r) => r.text).join('');
    const current = runs;
    runs = [];
    if (!text.trim()) return;
    const tokens = flowTokens(text, (offset, length) => anchorOf(current, offset, length));
    const prose = tokens.length > 0 && tokens.every((t) => t.prose);
    lines.push({ tokens, text: text.replace(/\s+/g, ' ').trim(), prose, rowEnd: true, anchor: anchorOf(current, 0, text.length) });
  };

  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value) runs.push({ node, start: 0, text: value });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || tag === HOST_TAG || el.getAttribute('hidden') != null) return;
    if (options.skipChrome && isChrome(el)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    if (tag === 'PRE' || tag === 'PLAINTEXT' || tag === 'XMP') {
      // Preformatted text (a .txt file shown by the browser, a pasted table): read line by line like a file.
      flush();
      lines.push(...readPre(el));
      return;
    }
    if (tag === 'TABLE' && isDataTable(el)) {
      flush();
      readTable(el, lines);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };

  walk(root);
  flush();
  const doc = root.ownerDocument;
  const title = doc?.title?.trim() || undefined;
  return { title, lines };
}

function readPre(pre: Element): Line[] {
  const runs: Run[] = [];
  const collect = (n: Node) => {
    if (n.nodeType === 3) runs.push({ node: n, start: 0, text: n.nodeValue ?? '' });
    else for (let c = n.firstChild; c; c = c.nextSibling) collect(c);
  };
  collect(pre);
  const text = runs.map((r) => r.text).join('');
  const starts: number[] = [];
  const rawLines = text.split('\n');
  let pos = 0;
  for (const l of rawLines) {
    starts.push(pos);
    pos += l.length + 1;
  }
  return readLines(rawLines, (line) => (col, length) => anchorOf(runs, starts[line] + col, Math.max(1, length)));
}

function isChrome(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (CHROME.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo') return true;
  const name = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  return CHROME_NAME_RE.test(name) && (el.textContent?.length ?? 0) < 3000;
}

/** A table of data, not a layout table wrapping the page: no nested tables, no long prose in a cell. */
function isDataTable(table: Element): boolean {
  if (table.querySelector('table')) return false;
  for (const cell of Array.from(table.querySelectorAll('td,th'))) {
    if ((cell.textContent?.length ?? 0) > 300) return false;
  }
  return true;
}

function readTable(table: Element, lines: Line[]): void {
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    const tokens: Token[] = [];
    let seenValue = false;
    for (const cell of Array.from(tr.children)) {
      const tag = cell.tagName.toUpperCase();
      if (tag !== 'TD' && tag !== 'TH') continue;
      const content = cellText(cell);
      const cls = classify(content);
      const kind = cls.kind === 'text' && seenValue && looksLikeValue(content) ? 'invalid' : cls.kind;
      if (kind === 'number') seenValue = true;
      // A spanned cell is still one value (or one blank): values are placed by label and order, not by grid.
      tokens.push({ ...cls, kind, raw: content, cell: true, htmlCell: true, confident: true, anchor: { kind: 'dom', node: cell } });
    }
    if (tokens.length === 0) continue;
    lines.push({
      tokens,
      text: tokens.map((t) => t.raw).join(' '),
      prose: false,
      rowEnd: true,
      anchor: { kind: 'dom', node: tr },
    });
  }
}

/** A cell's text: inline runs joined as they render, paragraphs and line breaks as one space. */
export function cellText(cell: Element): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      out += ' ';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out += ' ';
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out += ' ';
  };
  walk(cell);
  return out.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function anchorOf(runs: Run[], offset: number, length: number): Anchor {
  let pos = 0;
  let startNode: Node | undefined;
  let start = 0;
  for (const r of runs) {
    const end = pos + r.text.length;
    if (!startNode && offset < end) {
      startNode = r.node;
      start = r.start + (offset - pos);
    }
    if (startNode && offset + length <= end) {
      return { kind: 'dom', node: startNode, start, endNode: r.node, end: r.start + (offset + length - pos) };
    }
    pos = end;
  }
  const last = runs[runs.length - 1];
  return { kind: 'dom', node: startNode ?? last.node, start, endNode: last.node, end: last.text.length };
}
