// Plain text and Markdown reader: tab-separated rows, one cell per line, pipe rows, PDF text.
import { classify, isProse, type Anchor, type Line, type SourceDoc, type Token, type TokenKind } from '../model';
import { flowTokens } from './flow';

const MD_RULE_RE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export type AnchorAt = (col: number, length: number) => Anchor;

/**
 * Reads lines of text into the model; `at` anchors a column range of a line (a file position, or a
 * text node of a <pre> on a page). A blank line ends a row in one-cell-per-line layouts.
 */
export function readLines(rawLines: string[], at: (line: number) => AnchorAt): Line[] {
  rawLines = withoutRowEndTabs(rawLines);
  const lines: Line[] = [];
  // Consecutive lines of fields (tabs, pipes) are one table: a field's index is its grid column.
  let table = 0;
  let inTable = false;
  rawLines.forEach((raw, lineNo) => {
    if (MD_RULE_RE.test(raw)) return;
    if (/^[ \r]*$/.test(raw)) {
      const last = lines[lines.length - 1];
      if (last) last.rowEnd = true;
      return;
    }
    const fields = /\t[^\t]*\t|\|/.test(raw) || /^[^\t]+\t/.test(raw) || isCsvRow(raw);
    if (fields && !inTable) table = ++tableSerial;
    inTable = fields;
    lines.push(readLine(raw, at(lineNo), table));
  });
  return lines;
}

let tableSerial = 0;

/**
 * Text copied from a browser (innerText) ends every row of a table with a tab: a row's end, not an
 * empty last cell. Dropped where every line of a run of tab-separated lines ends so.
 */
function withoutRowEndTabs(rawLines: string[]): string[] {
  const out = rawLines.slice();
  let start = -1;
  const close = (end: number) => {
    const run = out.slice(start, end).filter((l) => l.trim() !== '');
    if (run.length >= 3 && run.every((l) => /\t\r?$/.test(l) && l.replace(/\t\r?$/, '').includes('\t'))) {
      for (let i = start; i < end; i++) out[i] = out[i].replace(/\t(\r?)$/, '$1');
    }
    start = -1;
  };
  out.forEach((l, i) => {
    const tabbed = l.includes('\t');
    if (tabbed && start < 0) start = i;
    if (!tabbed && l.trim() !== '' && start >= 0) close(i);
  });
  if (start >= 0) close(out.length);
  return out;
}

export function readText(input: string): SourceDoc {
  const rawLines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines = readLines(rawLines, (line) => (col, length) => ({ kind: 'text', line, col, length }));
  // A text file has no title of its own: detection finds the title line.
  return { lines };
}

function readLine(raw: string, at: AnchorAt, table: number): Line {
  const anchor = at(0, raw.length);
  // Markdown decoration that is not content.
  const md = raw.replace(/^(\s*)#{1,6}\s+/, (m, sp: string) => sp + ' '.repeat(m.length - sp.length));
  const text = md.replace(/\*\*/g, '  ');

  if (text.includes('|')) return cellLine(splitCells(text, '|'), at, text, true, anchor, table);
  if (/^\t[^\t]*$/.test(text)) {
    // One cell per line, indented by a tab; rows are separated by blank lines.
    return cellLine([{ text: text.slice(1), col: 1 }], at, text, false, anchor);
  }
  if (text.includes('\t')) return cellLine(splitCells(text, '\t'), at, text, true, anchor, table);
  if (isCsvRow(text)) return cellLine(splitCsv(text), at, text, true, anchor, table);
  // A line holding only a no-break or ideographic space: a blank cell of a table pasted one cell per line.
  if (/^[\s]*[\u00a0\u3000][\s]*$/u.test(text)) return { tokens: [{ kind: 'blank', raw: '', cell: true, confident: true, anchor: at(0, text.length) }], text: '', prose: false, rowEnd: true, anchor };
  const tokens = flowTokens(text, at, true);
  const prose = tokens.length > 0 && tokens.every((t) => t.prose);
  return { tokens, text: text.trim(), prose, rowEnd: true, anchor };
}

/**
 * A row of comma-separated values (a table exported to CSV and pasted into a text): two commas or
 * more outside quotes, and no sentence end. Prose uses the Chinese comma.
 */
export function isCsvRow(line: string): boolean {
  if (line.length > 400 || /[。；！？]/u.test(line) || !line.includes(',')) return false;
  // Fields of a table, not a label with commas in it followed by space-aligned columns.
  const fields = splitCsv(line);
  return fields.length >= 3 && fields.every((f) => !/\S\s{2,}\S|\t/.test(f.text.trim()));
}

/** The fields of one CSV line (RFC 4180 quoting within the line: "a, b" and "" for a quote). */
function splitCsv(line: string): RawCell[] {
  const cells: RawCell[] = [];
  let text = '';
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        text += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else if (ch !== undefined) text += ch;
      continue;
    }
    if (ch === '"' && text.trim() === '') {
      quoted = true;
      text = '';
      continue;
    }
    if (ch === ',' || ch === undefined) {
      // The column of a quoted field's content is approximate (its quote); anchors mark the field.
      cells.push({ text, col: start });
      text = '';
      start = i + 1;
      continue;
    }
    text += ch;
  }
  return cells;
}

interface RawCell {
  text: string;
  col: number;
  /** The field's index in its line (before the empty fields outside a pipe row's edges were dropped). */
  index?: number;
}

function splitCells(text: string, sep: string): RawCell[] {
  const cells: RawCell[] = [];
  let col = 0;
  for (const part of text.split(sep)) {
    cells.push({ text: part, col });
    col += part.length + 1;
  }
  if (sep === '|') {
    // "| a | b |": the empty strings outside the outer pipes are not cells.
    if (cells.length && cells[0].text.trim() === '') cells.shift();
    if (cells.length && cells[cells.length - 1].text.trim() === '') cells.pop();
  }
  cells.forEach((c, i) => (c.index = i));
  return cells;
}

function cellLine(cells: RawCell[], at: AnchorAt, text: string, rowEnd: boolean, anchor: Anchor, table?: number): Line {
  const tokens: Token[] = [];
  let seenValue = false;
  for (const [i, c] of cells.entries()) {
    const content = c.text.trim();
    const lead = c.text.length - c.text.trimStart().length;
    const cls = classify(content);
    // Text in a cell after this row's values is a malformed value, not a new label.
    const kind: TokenKind = cls.kind === 'text' && seenValue && looksLikeValue(content) ? 'invalid' : cls.kind;
    if (kind === 'number') seenValue = true;
    const grid = table ? { grid: { table, col: c.index ?? i, span: 1 } } : {};
    tokens.push({ ...cls, kind, raw: content, cell: true, confident: true, prose: cls.kind === 'text' && isProse(content), ...grid, anchor: at(c.col + lead, content.length) });
  }
  return { tokens, text: text.trim(), prose: false, rowEnd, anchor };
}

/** A short cell with digits in it ("12件以上", "约5") where a number belongs. */
export function looksLikeValue(content: string): boolean {
  return content.length <= 12 && /\d/.test(content) && !/[、.．]/.test(content.slice(0, 3));
}
