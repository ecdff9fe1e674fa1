// The running text as claims are read from it: the lines joined without spaces (statements wrap
// anywhere), with table rows and headings blanked out so that no sentence runs into a table and
// no number of a table is taken for a statement. Positions are those of joinedText, so anchors hold.
import type { Line, SourceDoc } from '../../model';
import { joinedText } from '../span';

/** Stands where a table row or a heading was: ends every sentence and clause. */
export const WALL = '\u0001';
// A semicolon parts the clauses of one sentence (「…尚未审结 37 件；政府信息公开行政诉讼 46 件」).
const SENTENCE_END = /[。！？!?\u0001]/u;
const CLAUSE_END = /[，,；;。：:（）()！？!?\u0001]/u;

const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d))/u;

/** A row of a table: cells with numbers, or laid-out text of three numbers or more and no punctuation. */
export function isTableLine(line: Line): boolean {
  if (line.prose) return false;
  if (line.tokens.some((t) => t.cell && t.kind === 'number')) return true;
  const numbers = line.tokens.filter((t) => t.kind === 'number').length;
  return numbers >= 3 && !/[，。；,;：:]/u.test(line.text);
}

/** A heading line ("四、政府信息公开行政复议、行政诉讼情况", "（二）依申请公开方面"): short, no sentence in it. */
const isHeadingLine = (line: Line) => {
  const t = line.text.replace(/\s+/g, '');
  return NUMBERED_HEADING.test(t) && t.length <= 40 && !/[，。；,;]/u.test(t);
};

const TOP_HEADING = /^[一二三四五六七八九十]+[、.．]/u;

/** For each line, the top-level heading it stands under (「三、收到和处理政府信息公开申请情况」), or ''. */
export function headingsByLine(doc: SourceDoc): string[] {
  let current = '';
  return doc.lines.map((line) => {
    const t = line.text.replace(/\s+/g, '');
    if (!isTableLine(line) && isHeadingLine(line) && TOP_HEADING.test(t)) current = t;
    return current;
  });
}

export interface ClaimText {
  joined: ReturnType<typeof joinedText>;
  /** The joined text with table rows and headings replaced by WALL, character for character. */
  text: string;
}

export function claimText(doc: SourceDoc): ClaimText {
  const joined = joinedText(doc);
  // By UTF-16 index, as joinedText counts: the blanked text keeps every position.
  const out = joined.text.split('');
  doc.lines.forEach((line, i) => {
    if (!isTableLine(line) && !isHeadingLine(line)) return;
    const end = joined.starts[i + 1] ?? out.length;
    for (let k = joined.starts[i]; k < end; k++) out[k] = WALL;
  });
  const text = out.join('');
  return { joined, text };
}

/** Where the sentence holding position `at` starts. */
export function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (SENTENCE_END.test(text[i])) return i + 1;
  return 0;
}

/** Where the clause holding position `at` starts (after a comma, colon, bracket or sentence end). */
export function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_END.test(text[i])) return i + 1;
  return 0;
}

/** Where the clause that goes on from `at` ends. */
export function clauseEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) if (CLAUSE_END.test(text[i])) return i;
  return text.length;
}

/** Where the sentence that goes on from `at` ends. */
export function sentenceEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) if (SENTENCE_END.test(text[i])) return i;
  return text.length;
}
