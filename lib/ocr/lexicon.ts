// Header words of tables 三 and 四 as printed in the national format: a header cell OCR read with a
// character or two wrong ("咎政复议", "勾夭关系") is put back to the word it is closest to, so that the
// parser finds the table by its own words. Only header cells (above the values) are snapped.
import { formats } from '../spec';

const f = formats['2021'];
const WORDS = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '申请人情况',
  '法人或其他组织',
  '行政复议',
  '行政诉讼',
  ...f.t3.columns.map((c) => c.label),
  ...f.t4.columns.map((c) => c.label),
  ...f.t4.blocks.map((b) => b.label),
].filter((w, i, all) => w.length >= 4 && all.indexOf(w) === i);

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The header word a cell's text stands for, or the text itself when none is close enough. */
export function snapHeader(text: string): string {
  const t = norm(text);
  if (t.length < 4) return text;
  let best: string | null = null;
  let bestD = Infinity;
  for (const w of WORDS) {
    const d = distance(t, norm(w));
    if (d < bestD) [best, bestD] = [w, d];
  }
  return best && bestD > 0 && bestD <= Math.max(1, Math.floor(norm(best).length * 0.2)) ? best : text;
}

const CJK_RE = /[\u3400-\u9fff]/u;
const GROUPS = ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'];

/**
 * A label cell over several rows of table 三 is one of its group labels: put back the nearest when
 * OCR garbled it ("三、林和办更"): the group labels differ enough for a loose match.
 */
export function snapGroup(text: string, span: number): string {
  const t = norm(text);
  if (t.length < 3) return text;
  // Only 三、本年度办理结果 stands beside ten rows or more (the outcome rows).
  if (span >= 10 && CJK_RE.test(t)) return GROUPS[0];
  let best = text;
  let bestD = Infinity;
  for (const g of GROUPS) {
    const d = distance(t, norm(g));
    if (d < bestD) [best, bestD] = [g, d];
  }
  return bestD <= Math.floor(norm(best).length * 0.6) ? best : text;
}

const ROWS = [...new Set([...formats['2021'].t3.rows, ...formats['2019'].t3.rows].map((r) => r.label))];

/**
 * A long row label of table 三 OCR garbled in part (a wrapped label's second line) is put back to
 * the format's label when that is clearly the nearest (within 30 % of its length, and nearer by
 * three edits than any other). Short labels are left as read.
 */
export function snapRow(text: string): string {
  const t = norm(text);
  if (t.length < 8) return text;
  const ds = ROWS.map((r) => [r, distance(t, norm(r))] as const).sort((a, b) => a[1] - b[1]);
  const [best, d] = ds[0];
  return d > 0 && d <= Math.floor(norm(best).length * 0.3) && (ds[1]?.[1] ?? Infinity) >= d + 3 ? best : text;
}

/** Is this a row label of table 三 as the format prints it, or near enough to be put back? */
export const knownRow = (text: string) => ROWS.some((r) => norm(r) === norm(text)) || snapRow(text) !== text;
