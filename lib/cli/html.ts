// HTML in Node: happy-dom with scripts, styles, frames and navigation off, so nothing runs and nothing is fetched.
// Every page a browser can show is read: markup happy-dom's parser throws on is built by a plain
// tolerant tree builder instead, and the tree is never deeper than a browser's (Chromium's parser
// caps element depth at 512: deeper elements become siblings), so no recursive reader overflows.
import { Window } from 'happy-dom';
import type { Text } from '../findings';

export interface ParsedHtml {
  document: Document;
  /** What the reading changed of the page (a fallback parser, flattened nesting): said, never hidden. */
  notices: Text[];
  close(): Promise<void>;
}

export interface ParseOptions {
  /** The page's own address (file: or http(s):), so that relative `src` resolve as in a browser. */
  url?: string;
}

/** As Chromium's HTML parser (kMaximumHTMLParserDOMTreeDepth): no element deeper than this. */
export const MAX_DEPTH = 512;

export function parseHtml(html: string, options: ParseOptions = {}): ParsedHtml {
  const window = new Window({
    ...(options.url ? { url: options.url } : {}),
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
      // happy-dom fetches <link rel="preload" as="fetch"> on its own: every request is answered here, none goes out.
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ window: w }) => new w.Response(null, { status: 403, statusText: 'Forbidden' }),
          beforeSyncRequest: ({ request, window: w }) => ({ status: 403, statusText: 'Forbidden', ok: false, url: request.url, redirected: false, headers: new w.Headers(), body: null }),
        },
      },
    },
  });
  const parser = new window.DOMParser();
  const notices: Text[] = [];
  let document: Document;
  try {
    document = parser.parseFromString(html, 'text/html') as unknown as Document;
  } catch (e) {
    // happy-dom throws on some damaged markup (「The new node is a parent of the node to insert to」).
    document = parser.parseFromString('<!doctype html><html><head></head><body></body></html>', 'text/html') as unknown as Document;
    buildTolerant(document, html);
    notices.push({
      zh: `本页的 HTML 标记不规范，常用的解析器无法处理（${(e as Error).message}），已用简化方式读取，表格结构可能与浏览器所见不同`,
      en: `The page's markup is malformed and our usual HTML parser failed on it (${(e as Error).message}); it was read in a simpler way, tables may differ from what a browser shows`,
    });
  }
  if (capDepth(document, MAX_DEPTH))
    notices.push({
      zh: `本页元素嵌套超过 ${MAX_DEPTH} 层，更深的部分已如浏览器一样平铺读取`,
      en: `The page nests elements more than ${MAX_DEPTH} deep; deeper parts were read flattened, as a browser does`,
    });
  return { document, notices, close: () => window.happyDOM.close() };
}

/**
 * Flattens every subtree below `max` levels of elements: the descendants of an element at depth
 * `max - 1` become its children, in document order (as Chromium attaches them past its cap). Iterative,
 * and each node is moved without children, so that no recursion in the DOM is ever deep.
 * Returns whether anything was moved.
 */
export function capDepth(document: Document, max: number): boolean {
  const top = document.documentElement;
  if (!top) return false;
  let moved = false;
  const stack: [Element, number][] = [[top, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth < max - 1) {
      // By index: happy-dom's sibling getters look the node up in its parent, costly in a long table.
      const kids = el.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
      continue;
    }
    // el stands just above the cap: its children may stay, their descendants are lifted up to it.
    const all: Node[] = [];
    const walk: Node[] = [];
    const push = (n: Node) => {
      const kids = n.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) walk.push(kids[i]);
    };
    push(el);
    let deep = false;
    while (walk.length) {
      const n = walk.pop()!;
      all.push(n);
      if (n.firstChild) deep = true;
      push(n);
    }
    if (!deep) continue;
    moved = true;
    // Detach from the deepest up (in reverse document order each node is childless when it goes).
    for (let i = all.length - 1; i >= 0; i--) all[i].parentNode!.removeChild(all[i]);
    for (const n of all) el.appendChild(n);
  }
  return moved;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame']);
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Start tags that close an open one of these (within the nearest of the scope tags). */
const CLOSES: Record<string, { close: string[]; scope: string[] }> = {
  tr: { close: ['tr', 'td', 'th'], scope: ['table'] },
  td: { close: ['td', 'th'], scope: ['tr', 'table'] },
  th: { close: ['td', 'th'], scope: ['tr', 'table'] },
  li: { close: ['li'], scope: ['ul', 'ol'] },
  option: { close: ['option'], scope: ['select'] },
  p: { close: ['p'], scope: ['td', 'th', 'div', 'table'] },
  dt: { close: ['dt', 'dd'], scope: ['dl'] },
  dd: { close: ['dt', 'dd'], scope: ['dl'] },
};

// Bounded quantifiers: a stray `<` or quote costs a bounded look-ahead, never a scan to the end.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<\/?([A-Za-z][^\s/>]{0,64})((?:[^>"']|"[^"]{0,4096}"|'[^']{0,4096}'){0,4096})>|<|[^<]+/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * A plain tolerant tree builder: tags, attributes, text and entities, implied ends of cells, rows,
 * paragraphs and items, unmatched end tags ignored, never deeper than MAX_DEPTH. Used only when
 * happy-dom's parser throws.
 */
export function buildTolerant(document: Document, html: string): void {
  const body = document.body!;
  const scratch = document.createElement('div');
  const decode = (s: string) => {
    if (!s.includes('&')) return s;
    scratch.innerHTML = s.replace(/</g, '&lt;');
    return scratch.textContent ?? s;
  };
  const stack: Element[] = [body];
  const current = () => stack[stack.length - 1];
  const names = () => stack.map((e) => e.localName);
  const popThrough = (index: number) => {
    stack.length = Math.max(1, index);
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const tok = m[0];
    if (tok.length === 0) {
      TOKEN.lastIndex++;
      continue;
    }
    if (tok.startsWith('<!') || tok.startsWith('<?')) continue;
    const name = m[1]?.toLowerCase();
    if (!name) {
      current().appendChild(document.createTextNode(decode(tok)));
      continue;
    }
    if (tok.startsWith('</')) {
      const at = names().lastIndexOf(name);
      if (at > 0) popThrough(at);
      continue;
    }
    if (name === 'html' || name === 'head' || name === 'body') continue;
    const rule = CLOSES[name];
    if (rule) {
      const n = names();
      const scope = Math.max(0, ...rule.scope.map((s) => n.lastIndexOf(s)));
      const open = Math.max(...rule.close.map((c) => n.lastIndexOf(c)));
      if (open > scope) popThrough(open);
    }
    let el: Element;
    try {
      el = document.createElement(name);
    } catch {
      continue; // not a name an element can have: the browser would show it as text; we drop it
    }
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(m[2] ?? ''); a; a = ATTR.exec(m[2] ?? '')) {
      try {
        el.setAttribute(a[1].toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ''));
      } catch {
        // an attribute name the DOM refuses: dropped
      }
    }
    if (RAW.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'ig');
      end.lastIndex = TOKEN.lastIndex;
      const e = end.exec(html);
      const content = html.slice(TOKEN.lastIndex, e ? e.index : html.length);
      TOKEN.lastIndex = e ? end.lastIndex : html.length;
      if (name === 'title') {
        if (!document.title) document.title = decode(content).trim();
        continue;
      }
      el.textContent = name === 'textarea' ? decode(content) : content;
      current().appendChild(el);
      continue;
    }
    current().appendChild(el);
    // Past the cap an element is a sibling of what would be its parent: its content follows it.
    if (!VOID.has(name) && stack.length + 2 < MAX_DEPTH) stack.push(el);
  }
}
