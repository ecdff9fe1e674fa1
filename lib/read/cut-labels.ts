// A row of table 三 cut by a page break in a scan: its values and the first part of its label at
// the foot of one page, the rest of its label at the head of the next, below the header rows
// printed again ("2.其他法" … header … "律行政法规禁止公开"). The rest is put back on its row's label
// when only the two together make a label of the format.
import type { Line } from '../model';
import { knownRow, snapRow } from '../ocr/lexicon';

/** Lines between a cut row and the rest of its label (the header rows printed again). */
const MAX_BETWEEN = 6;

export function joinCutLabels(lines: Line[]): Line[] {
  const out: Line[] = [];
  let lastRow: Line | null = null;
  let since = 0;
  for (const l of lines) {
    const valued = l.tokens.some((t) => t.kind !== 'text');
    if (valued) {
      lastRow = l;
      since = 0;
      out.push(l);
      continue;
    }
    since++;
    const label = lastRow && since <= MAX_BETWEEN ? lastLabel(lastRow) : null;
    // The rest may be read with bits of the cells beside it (「请 | 收费通知…申 | 1加。」): the
    // longest piece that completes the label is the rest.
    const pieces = l.tokens.map((t) => t.raw.trim()).filter(Boolean).sort((a, b) => b.length - a.length);
    const rest = label && !knownRow(label.raw) ? pieces.find((p) => knownRow(label.raw + p)) : undefined;
    if (label && rest) {
      label.raw = snapRow(label.raw + rest);
      lastRow!.text = lastRow!.tokens.map((t) => t.raw).join(' ');
      lastRow = null;
      continue;
    }
    out.push(l);
  }
  return out;
}

/** The text token right before a row's first value (its own label, after any group label). */
function lastLabel(row: Line) {
  const first = row.tokens.findIndex((t) => t.kind !== 'text');
  const t = first > 0 ? row.tokens[first - 1] : undefined;
  return t?.kind === 'text' ? t : null;
}
