// The document flattened into one token stream, with row ends and line numbers kept.
import type { SourceDoc, Token } from '../model';

export interface Tok {
  token: Token;
  /** Index of the token in the stream. */
  pos: number;
  line: number;
  /** A table row ends after this token. */
  rowEnd: boolean;
}

export function toStream(doc: SourceDoc): Tok[] {
  const out: Tok[] = [];
  doc.lines.forEach((line, li) => {
    line.tokens.forEach((token, ti) => {
      out.push({ token, pos: out.length, line: li, rowEnd: line.rowEnd && ti === line.tokens.length - 1 });
    });
  });
  return out;
}
