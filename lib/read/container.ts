// Where the report stands on a page: the smallest element holding its headings and tables.
import { runSteps } from '../steps';

const MARKS = ['总体情况', '主动公开政府信息', '收到和处理', '勾稽关系', '本年新收', '行政复议', '其他需要报告', '存在的主要问题'];
/** Text nodes looked at between two points where a caller may give way (a big page: many short tasks). */
const NODES_PER_STEP = 2000;

function lowestCommonAncestor(a: Node, b: Node): Node | null {
  const seen = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) seen.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (seen.has(n)) return n;
  return null;
}

/**
 * The one smallest element holding every mark found, or null when there is none or more than one
 * (two reports on a page are both read, as before). Used where the marks' common ancestor is the
 * whole body: a menu or a news list naming 行政复议 beside the article must not make the whole
 * page the report's container.
 */
function covering(hits: Node[], marks: string[], wanted: number, body: Element): Element | null {
  const held = new Map<Element, Set<string>>();
  hits.forEach((h, i) => {
    for (let el = h.parentElement; el && el !== body; el = el.parentElement) {
      let set = held.get(el);
      if (!set) held.set(el, (set = new Set()));
      if (set.has(marks[i])) break; // its ancestors have it already
      set.add(marks[i]);
    }
  });
  const whole = [...held].filter(([, set]) => set.size === wanted).map(([el]) => el);
  // The smallest: those holding no other element that holds every mark.
  const smallest = whole.filter((el) => !whole.some((other) => other !== el && el.contains(other)));
  return smallest.length === 1 ? smallest[0] : null;
}

/** The report's container, or null when the marks are too few to say. Reads text only. */
export function findReportRoot(doc: Document): Element | null {
  return runSteps(findReportRootSteps(doc));
}

/** The same as a sequence of steps: `yield` after every NODES_PER_STEP text nodes. */
export function* findReportRootSteps(doc: Document): Generator<void, Element | null> {
  const body = doc.body;
  if (!body) return null;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const hits: Node[] = [];
  const marks: string[] = [];
  const found = new Set<string>();
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++seen % NODES_PER_STEP === 0) yield;
    const v = n.nodeValue ?? '';
    if (v.length < 2) continue;
    const parent = n.parentElement;
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test(parent.tagName)) continue;
    for (const mark of MARKS) {
      if (v.includes(mark)) {
        hits.push(n);
        marks.push(mark);
        found.add(mark);
        break;
      }
    }
  }
  if (found.size < 3) return null;
  // Drop hits far from the others (a sidebar link naming a report): keep the densest run.
  let root: Node | null = hits[0];
  for (const h of hits.slice(1)) root = root ? lowestCommonAncestor(root, h) : h;
  let el = (root && root.nodeType === 1 ? root : root?.parentElement) as Element | null;
  if (!el || el === body || el === doc.documentElement) return covering(hits, marks, found.size, body) ?? body;
  // Include the title when it sits just above the body of the article.
  return el;
}
