// Anchors for a stretch of running text, so that a finding about a phrase ("2024年5月29日至12月31日",
// "17件") marks that phrase on the page rather than its whole paragraph.
import type { Anchor, Line, SourceDoc } from '../model';

const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** The lines' text without spaces, joined, and where each line starts in it (statements wrap anywhere). */
export function joinedText(doc: SourceDoc): { text: string; starts: number[]; lineAt(i: number): number } {
  const starts: number[] = [];
  let text = '';
  for (const l of doc.lines) {
    starts.push(text.length);
    text += squeeze(l.text);
  }
  const lineAt = (i: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { text, starts, lineAt };
}

/**
 * The anchor of the tokens of `line` that cover [from, to) of its text without spaces: whole
 * tokens (numbers are tokens of their own). The line's anchor when the tokens do not tell.
 */
export function spanAnchor(line: Line, from: number, to: number): Anchor {
  let pos = 0;
  let first: Anchor | undefined;
  let last: Anchor | undefined;
  for (const t of line.tokens) {
    const start = pos;
    pos += squeeze(t.raw).length;
    if (pos > from && start < to) {
      first ??= t.anchor;
      last = t.anchor;
    }
  }
  if (!first || !last) return line.anchor;
  if (first.kind === 'dom' && last.kind === 'dom') return { kind: 'dom', node: first.node, start: first.start, endNode: last.endNode ?? last.node, end: last.end };
  if (first.kind === 'text' && last.kind === 'text' && first.line === last.line) return { kind: 'text', line: first.line, col: first.col, length: last.col + last.length - first.col };
  if (first.kind === 'pdf' && last.kind === 'pdf' && first.page === last.page) return { kind: 'pdf', page: first.page, rect: unionRect(first.rect, last.rect) };
  return first;
}

const unionRect = (a: [number, number, number, number], b: [number, number, number, number]): [number, number, number, number] => [
  Math.min(a[0], b[0]),
  Math.min(a[1], b[1]),
  Math.max(a[2], b[2]),
  Math.max(a[3], b[3]),
];

/** The anchor of [from, to) of the joined text: its part on the line where it begins. */
export function anchorAt(doc: SourceDoc, joined: ReturnType<typeof joinedText>, from: number, to: number): Anchor {
  const line = joined.lineAt(from);
  const lineEnd = joined.starts[line + 1] ?? joined.text.length;
  return spanAnchor(doc.lines[line], from - joined.starts[line], Math.min(to, lineEnd) - joined.starts[line]);
}
