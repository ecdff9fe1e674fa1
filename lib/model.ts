// The document model every reader produces: lines of tokens, each token anchored to its source.

/** Where a token came from: a character range of a text file, or a node of a DOM. */
export type Anchor =
  | { kind: 'text'; line: number; col: number; length: number }
  | { kind: 'dom'; node: unknown; start?: number; endNode?: unknown; end?: number }
  /** A region of a picture, in the picture's own pixels (marks scale it to the displayed size). */
  | { kind: 'image'; image: unknown; x: number; y: number; w: number; h: number }
  /**
   * A box on a page of a PDF (1-based page), in PDF user space as pdf.js gives it (y up):
   * [x1, y1, x2, y2]. Free of zoom and rotation; marks convert it with the page view's viewport.
   */
  | { kind: 'pdf'; page: number; rect: [number, number, number, number] };

/**
 * The \`image\` of an image anchor on a rendered page of a scanned PDF: the anchor's pixels are those of
 * the page rendered at \`scale\` (viewport scale), \`width\` × \`height\` pixels. \`element\` (viewer
 * only) is the rendered picture, for the crops in a card.
 */
export interface PageScanRef {
  page: number;
  scale: number;
  width: number;
  height: number;
  element?: HTMLCanvasElement | HTMLImageElement;
  /**
   * A picture placed on a text page (a table published as a picture inside the PDF): the pixels
   * are the picture's own, and cover this box of the page (PDF user space, y up). Absent: the
   * pixels cover the whole page.
   */
  rect?: [number, number, number, number];
}

export type TokenKind = 'text' | 'number' | 'blank' | 'invalid';

export interface Token {
  kind: TokenKind;
  /** The text as printed. */
  raw: string;
  /** For numbers: the value (unit suffix stripped). */
  value?: number;
  unit?: string;
  /** True when the source draws cell boundaries (HTML cell, tab or pipe field). */
  cell: boolean;
  /** A cell of an HTML table on the page itself (not text that was extracted or converted). */
  htmlCell?: boolean;
  /** Where an HTML table's grid places the cell: which table, first column, columns spanned. */
  grid?: { table: number; col: number; span: number };
  /** Horizontal centre in a laid-out text line, in characters and in display columns (wide = 2). */
  x?: number;
  xw?: number;
  /** Read by OCR from a picture: a label's odd characters are more likely misreads than typos. */
  ocr?: boolean;
  /** Reading confidence: false for values reconstructed by us (split digit runs, OCR below threshold). */
  confident: boolean;
  /** Several possible readings; set by decoders of run-together digits. */
  digits?: boolean;
  /** Part of a running sentence: its numbers are never table values. */
  prose?: boolean;
  anchor: Anchor;
}

export interface Line {
  tokens: Token[];
  /** The line's text with inline runs joined, for headings and prose. */
  text: string;
  /** Prose: a sentence, not a table row; its numbers are never table values. */
  prose: boolean;
  /** A table row ends after this line (false inside one-cell-per-line layouts). */
  rowEnd: boolean;
  anchor: Anchor;
}

export interface SourceDoc {
  /** The document's own title (HTML <title>, first heading line), if any. */
  title?: string;
  lines: Line[];
}

/** Characters that print nothing: zero-width spaces and joiners, the word joiner, a soft hyphen, a BOM. */
export const INVISIBLE_RE = /[\u200b-\u200f\u2060\u00ad\ufeff]/gu;

const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|亿元|元|件|条|个|项|次)?$/u;
const BLANK_RE = /^(?:|\/|／|—+|–|-|－|―|无|空|\\)$/u;

/** Classifies the text of one cell (or one space-separated item of flow text). */
export function classify(raw: string): Pick<Token, 'kind' | 'value' | 'unit'> {
  if (/^\d{1,15}$/.test(raw)) return { kind: 'number', value: Number(raw) };
  const s = raw
    .normalize('NFKC')
    .replace(INVISIBLE_RE, '')
    .replace(/[\s\u00a0]+/g, '')
    // A minus sign or an en dash before digits (2019's 本年增/减): a minus.
    .replace(/^[\u2212\u2013](?=\d)/u, '-')
    // A footnote mark after a number ("0*", "0※", "0注", "0（注1）"): the number.
    .replace(/(?<=\d)(?:[*※]+|注\d?|\(注\d?\))$/u, '');
  if (BLANK_RE.test(s)) return { kind: 'blank' };
  const m = NUMBER_RE.exec(s);
  if (m) {
    const value = Number(`${m[1]}${m[2].replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
    return m[4] ? { kind: 'number', value, unit: m[4] } : { kind: 'number', value };
  }
  return { kind: 'text' };
}

/**
 * A sentence of running text rather than a table row: long with a sentence mark, or a clause list
 * ending as a sentence does (「本年度制发规章2件，废止规章1件，现行有效规章31件；」: a table row
 * flattened into text has no comma and no sentence end).
 */
export function isProse(text: string): boolean {
  const t = text.trim();
  return (t.length > 30 && /[。；;！？]/u.test(t)) || (t.length >= 12 && /[，,]/u.test(t) && /[。；;！？]$/u.test(t));
}
