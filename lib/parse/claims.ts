// Numbers the running text states about table 三 ("共受理政府信息公开申请749件", "结转下一年31件"),
// to compare with the table (spec §5 "Text numbers agree with the tables", §7 E5).
import type { Anchor, SourceDoc } from '../model';
import { anchorAt, joinedText } from './span';

export interface ClaimRead {
  /** received: requests received this year (row 一, or 一 + 二); carried: carried into next year (row 四). */
  kind: 'received' | 'carried';
  value: number;
  /** The statement as printed, spaces removed. */
  text: string;
  anchor: Anchor;
}

// No digits or clause breaks between the verb and the number: a table row never matches ("件" is not in cells).
const PATTERNS: [ClaimRead['kind'], RegExp][] = [
  ['received', /(?:收到|受理|接收|新收)[^。；;，,、\d]{0,16}?申请(?:数量)?(?:共计|共|为)?(\d+)件/gu],
  ['carried', /结转(?:至)?下(?:一)?年度?[^。；;，,\d]{0,10}?(\d+)件/gu],
];

/** Claims in the order the text makes them; lines are joined, since statements wrap anywhere. */
export function findClaims(doc: SourceDoc): ClaimRead[] {
  const joined = joinedText(doc);
  const out: (ClaimRead & { at: number })[] = [];
  for (const [kind, re] of PATTERNS)
    for (const m of joined.text.matchAll(re)) {
      // The number is marked: it is what disagrees with the table.
      const at = m.index! + m[0].lastIndexOf(m[1]);
      // A table's own row ("四、结转下年度继续办理 | 44件") states nothing: it is the table.
      const line = doc.lines[joined.lineAt(at)];
      if (!line.prose && line.tokens.some((t) => t.cell && t.kind === 'number')) continue;
      out.push({ kind, value: Number(m[1]), text: m[0], at, anchor: anchorAt(doc, joined, at, at + m[1].length) });
    }
  return out.sort((a, b) => a.at - b.at).map(({ at: _at, ...c }) => c);
}
