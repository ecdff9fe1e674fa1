// Where the report stands on a page: the smallest element holding its headings and tables.
const MARKS = ['总体情况', '主动公开政府信息', '收到和处理', '勾稽关系', '本年新收', '行政复议', '其他需要报告', '存在的主要问题'];

function lowestCommonAncestor(a: Node, b: Node): Node | null {
  const seen = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) seen.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (seen.has(n)) return n;
  return null;
}

/** The report's container, or null when the marks are too few to say. Reads text only. */
export function findReportRoot(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const hits: Node[] = [];
  const found = new Set<string>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const v = n.nodeValue ?? '';
    if (v.length < 2) continue;
    const parent = n.parentElement;
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test(parent.tagName)) continue;
    for (const mark of MARKS) {
      if (v.includes(mark)) {
        hits.push(n);
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
  if (!el || el === body || el === doc.documentElement) return body;
  // Include the title when it sits just above the body of the article.
  return el;
}
