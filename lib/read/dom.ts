// DOM reader: any web page (Word/WPS exports, CMS editors, pages with site chrome) into the document model.
// Works on the browser's DOM and on happy-dom's; never writes to the DOM.
import { HOST_TAG } from '../host-tag';
import { classify, type Anchor, type Line, type SourceDoc, type Token } from '../model';
import { flowTokens } from './flow';
import { looksLikeValue, readLines } from './text';
import { runSteps } from '../steps';

export { HOST_TAG };

/** The mark of a placeholder <td> lib/read/docx.ts leaves for a row's gridBefore/gridAfter. */
export const GRID_PLACEHOLDER_ATTR = 'data-grid-placeholder';

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

/** Nodes visited between two points where a caller may give way (lib/ext/core.ts: a task each). */
const NODES_PER_STEP = 200;

export function readDom(root: Element, options: DomReadOptions = {}): SourceDoc {
  return runSteps(readDomSteps(root, options));
}

/**
 * The read as a sequence of steps: `yield` after every NODES_PER_STEP nodes, where the browser may
 * end its task (a page of megabytes is read in many short tasks); the same reading in every step size.
 */
export function* readDomSteps(root: Element, options: DomReadOptions = {}): Generator<void, SourceDoc> {
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
    // A paragraph (or line) holding one item alone is a cell of a table pasted one cell per paragraph.
    if (tokens.length === 1 && !prose && tokens[0].raw === text.trim()) tokens[0].cell = true;
    lines.push({ tokens, text: text.replace(/\s+/g, ' ').trim(), prose, rowEnd: true, anchor: anchorOf(current, 0, text.length) });
  };

  /** One node: its text, or what it opens; true when its children are to be read. */
  const visit = (node: Node): boolean => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value) runs.push({ node, start: 0, text: value });
      return false;
    }
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || tag === HOST_TAG || isHidden(el)) return false;
    if (options.skipChrome && isChrome(el)) return false;
    if (tag === 'BR') {
      flush();
      return false;
    }
    if (tag === 'PRE' || tag === 'PLAINTEXT' || tag === 'XMP') {
      // Preformatted text (a .txt file shown by the browser, a pasted table): read line by line like a file.
      flush();
      lines.push(...readPre(el));
      return false;
    }
    if (tag === 'TABLE' && isDataTable(el)) {
      flush();
      readTable(el, lines);
      return false;
    }
    if (!BLOCK.has(tag)) return true;
    flush();
    if (isEmptyParagraph(el)) {
      // A pasted table's blank cell (<p>&nbsp;</p>, <p></p>): a blank in its place, not nothing.
      lines.push(blankLine(el));
      return false;
    }
    return true;
  };

  // In document order without recursion (a page may nest thousands deep); null: a block ends here.
  const stack: (Node | null)[] = [root];
  let visited = 0;
  while (stack.length) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (!node || !visit(node)) continue;
    if (node.nodeType === 1 && BLOCK.has((node as Element).tagName.toUpperCase())) stack.push(null);
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  flush();
  const doc = root.ownerDocument;
  dropSpacers(lines);
  // The head's <title>: where parsers put it, and a lookup that does not search a deep body.
  const title = (doc?.head?.querySelector('title')?.textContent ?? doc?.title)?.replace(/\s+/g, ' ').trim() || undefined;
  return { title, lines };
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Hidden by the page itself: the hidden attribute or an inline style (class rules are not looked up). */
function isHidden(el: Element): boolean {
  if (el.getAttribute('hidden') != null) return true;
  const style = el.getAttribute('style');
  return !!style && HIDDEN_STYLE.test(style);
}

const INLINE = new Set(['SPAN', 'FONT', 'B', 'STRONG', 'I', 'EM', 'U', 'BR', 'O:P', 'SMALL', 'SUB', 'SUP']);
const BLANK_TEXT = /^[\s\u00a0\u3000]*$/u;

/**
 * A paragraph (or list item) that holds nothing but white space or a line break: what CMS editors
 * leave for an empty cell when a table is pasted as one paragraph per cell. A <div> counts when it
 * holds a deliberate blank (&nbsp;, an ideographic space, <br>) or stands among <div>s of short
 * texts (a grid of <div>s); other empty <div>s are page layout.
 */
function isEmptyParagraph(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag !== 'P' && tag !== 'DIV' && tag !== 'LI') return false;
  let deliberate = tag !== 'DIV';
  const check = (n: Element): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        if (!BLANK_TEXT.test(v)) return false;
        if (/[\u00a0\u3000]/u.test(v)) deliberate = true;
      } else if (c.nodeType === 1) {
        const child = c as Element;
        const t = child.tagName.toUpperCase();
        if (!INLINE.has(t)) return false;
        if (t === 'BR') deliberate = true;
        else if (!check(child)) return false;
      }
    }
    return true;
  };
  return check(el) && (deliberate || amongCells(el));
}

/** An element among siblings of its kind that hold short texts: a cell of a grid of <div>s. */
function amongCells(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent || parent.children.length < 2) return false;
  const near = [el.previousElementSibling, el.nextElementSibling].filter((x): x is Element => !!x && x.tagName === el.tagName);
  return near.some((x) => (x.textContent ?? '').trim().length <= 40 && !x.querySelector('div,p,table'));
}

function blankLine(el: Element): Line {
  const anchor: Anchor = { kind: 'dom', node: el };
  return { tokens: [{ kind: 'blank', raw: '', cell: true, confident: true, anchor }], text: '', prose: false, rowEnd: true, anchor };
}

const isBlankLine = (l: Line) => l.tokens.length === 1 && l.tokens[0].kind === 'blank' && l.text === '';
const isTableRow = (l: Line | undefined) => !!l && l.tokens.some((t) => t.htmlCell);

/** Empty paragraphs right before or after a page's own table are spacing around it, not cells. */
function dropSpacers(lines: Line[]): void {
  let w = 0;
  for (let i = 0; i < lines.length; i++) {
    if (isBlankLine(lines[i])) {
      let a = i - 1;
      while (a >= 0 && isBlankLine(lines[a])) a--;
      let b = i + 1;
      while (b < lines.length && isBlankLine(lines[b])) b++;
      if (isTableRow(lines[a]) || isTableRow(lines[b])) continue;
    }
    lines[w++] = lines[i];
  }
  lines.length = w;
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

let tableSerial = 0;

function readTable(table: Element, lines: Line[]): void {
  const id = ++tableSerial;
  // Grid columns taken by cells of earlier rows (rowspan), as the HTML table model places them.
  const taken: number[][] = [];
  const trs = Array.from(table.querySelectorAll('tr'));
  trs.forEach((tr, r) => {
    if (isHidden(tr)) return;
    const tokens: Token[] = [];
    let seenValue = false;
    let col = 0;
    const busy = taken[r] ?? [];
    for (const cell of Array.from(tr.children)) {
      const tag = cell.tagName.toUpperCase();
      // A hidden cell (Excel's hidden column: style='display:none') is not shown, so not read.
      if ((tag !== 'TD' && tag !== 'TH') || isHidden(cell)) continue;
      while (busy.includes(col)) col++;
      const span = spanOf(cell, 'colspan', 100);
      // A rendered .docx row's gridBefore/gridAfter (lib/read/docx.ts): grid columns, no cell.
      if (cell.hasAttribute(GRID_PLACEHOLDER_ATTR)) {
        col += span;
        continue;
      }
      const rows = spanOf(cell, 'rowspan', trs.length - r);
      for (let k = 1; k < rows; k++) for (let c = col; c < col + span; c++) (taken[r + k] ??= []).push(c);
      const content = cellText(cell);
      const cls = excelNumber(cell, classify(content));
      const kind = cls.kind === 'text' && seenValue && looksLikeValue(content) ? 'invalid' : cls.kind;
      if (kind === 'number') seenValue = true;
      // Values are placed by label and order; the grid position lets a header place them when a row has a cell too many.
      tokens.push({ ...cls, kind, raw: content, cell: true, htmlCell: true, confident: true, grid: { table: id, col, span }, anchor: { kind: 'dom', node: cell } });
      col += span;
    }
    if (tokens.length === 0) return;
    lines.push({
      tokens,
      text: tokens.map((t) => t.raw).join(' '),
      prose: false,
      rowEnd: true,
      anchor: { kind: 'dom', node: tr },
    });
  });
}

/**
 * Excel's "save as web page" keeps a cell's value in x:num when its format shows something else:
 * the accounting format prints 0 as " - ". Such a cell is that number, not a blank.
 */
function excelNumber(cell: Element, cls: ReturnType<typeof classify>): ReturnType<typeof classify> {
  if (cls.kind !== 'blank') return cls;
  const raw = cell.getAttribute('x:num');
  if (!raw || !/^-?\d+(\.\d+)?$/.test(raw.trim())) return cls;
  return { kind: 'number', value: Number(raw) };
}

/** colspan/rowspan as browsers read them: a positive integer, 1 when absent or malformed, capped. */
function spanOf(cell: Element, attr: string, max: number): number {
  const n = parseInt(cell.getAttribute(attr) ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
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
    // A form field in a cell (a CMS form) shows its value.
    if (tag === 'INPUT' || tag === 'TEXTAREA') {
      out += ` ${fieldValue(el)} `;
      return;
    }
    if (SKIP.has(tag) || isHidden(el)) return;
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

/** What a text field shows: the live value in a browser, else the value the markup gives. */
function fieldValue(el: Element): string {
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (el.tagName.toUpperCase() === 'INPUT' && !['text', 'number', ''].includes(type)) return '';
  const live = (el as HTMLInputElement).value;
  return typeof live === 'string' ? live : el.getAttribute('value') ?? el.textContent ?? '';
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
