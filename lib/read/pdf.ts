// A PDF's text, laid out again from the positions of its text items: items on one visual line (by
// their vertical centres) make a line, a gap wider than about a character between items starts a
// new cell. The lines, cells tab-separated, go to the text reader, which reads tables in such lines.
// Pure: the items come from pdf.js (lib/read/pdf-node.ts in Node; the viewer in the browser).

/** One text item of a page, in PDF user space (y up): its text, left, baseline, width, font size. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Placed extends PdfItem {
  /** Vertical centre, y down from the top of the page's items. */
  cy: number;
}

/** A page number alone on the first or last line of a page (「- 3 -」, 「第 3 页」, 「3 / 6」): not part of the report. */
const PAGE_NUMBER = /^[-—\s]*(第\s*)?\d{1,3}(\s*页)?(\s*[/／]\s*\d{1,3})?[-—\s]*$/u;

/** The lines of one page, top to bottom, each a list of cells left to right. */
export function pageLines(items: PdfItem[]): string[][] {
  // Whitespace items carry no useful geometry (pdf.js gives them odd widths): gaps are measured
  // between the items that hold text.
  const placed: Placed[] = items.filter((i) => i.str.trim() && i.h > 0).map((i) => ({ ...i, cy: -(i.y + i.h * 0.35) }));
  placed.sort((a, b) => a.cy - b.cy || a.x - b.x);
  const lines: Placed[][] = [];
  for (const it of placed) {
    const line = lines[lines.length - 1];
    // Within half of the smaller font size of each other: one line (numbers in a larger type than
    // the labels beside them stand a point or so lower).
    if (line && Math.abs(it.cy - mean(line.map((l) => l.cy))) < 0.5 * Math.min(it.h, ...line.map((l) => l.h))) line.push(it);
    else lines.push([it]);
  }
  const rows: { cells: Cell[]; cy: number; h: number }[] = [];
  for (const line of lines) {
    const cells = cellsOf(line.sort((a, b) => a.x - b.x));
    const row = { cells, cy: mean(line.map((l) => l.cy)), h: Math.max(...line.map((l) => l.h)) };
    // Each piece joins the cell above it, in one of the three lines above (header cells
    // wrap over two to four lines, cells centred among them: 「其他」).
    const above = [rows[rows.length - 1], rows[rows.length - 2], rows[rows.length - 3]].filter((p, k) => p && mayContinue(p, row, k + 1));
    const rest = cells.filter((c) => {
      const target = above.map((p) => p.cells.filter((x) => overlap(x, c))).find((hits) => hits.length === 1)?.[0];
      if (target) target.text += c.text;
      return !target;
    });
    if (rest.length) rows.push({ ...row, cells: rest });
  }
  // A page number is the first or last line of its page: a lone value inside a table is a value.
  const edge = (i: number) => i === 0 || i === rows.length - 1;
  return rows.map((r) => r.cells.map((c) => c.text)).filter((cells, i) => !(edge(i) && cells.length === 1 && PAGE_NUMBER.test(cells[0])));
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

const overlap = (a: Cell, b: Cell) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/**
 * A line that may hold the rest of cells wrapped in a line above (「商业企」 over 「业」): short pieces
 * without digits, close below a line of two cells or more without digits. A piece under exactly one
 * cell of it is joined to that cell, so a wrapped header is read whole, not as a cut-off one.
 */
function mayContinue(prev: { cells: Cell[]; cy: number; h: number }, row: { cells: Cell[]; cy: number; h: number }, up: number): boolean {
  if (prev.cells.length < 2 || row.cy - prev.cy > (0.6 + up) * Math.max(prev.h, row.h)) return false;
  if (prev.cells.some((c) => /\d/.test(c.text))) return false;
  // Short pieces only: the rest of a header cell, not a line of running text.
  return row.cells.every((c) => c.text.length <= 6 && !/\d/.test(c.text));
}

function cellsOf(line: Placed[]): Cell[] {
  const cells: Cell[] = [];
  let cur: Cell | null = null;
  for (const it of line) {
    // A gap of more than ~0.8 of a character: another cell (words of one label run close together).
    if (cur && it.x - cur.x1 > Math.min(it.h, 12) * 0.8) {
      cells.push(cur);
      cur = null;
    }
    if (!cur) cur = { text: '', x0: it.x, x1: it.x + it.w };
    cur.text += it.str.trim();
    cur.x1 = Math.max(cur.x1, it.x + it.w);
  }
  if (cur) cells.push(cur);
  return cells;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The text of a whole PDF for the text reader: one line per visual line, cells tab-separated. */
export function pdfText(pages: PdfItem[][]): string {
  return pages.map((p) => pageLines(p).map((cells) => cells.join('\t')).join('\n')).join('\n');
}

/** A PDF whose pages hold (almost) no text is a scan: pictures of pages, for OCR. */
export function isScanned(pages: PdfItem[][]): boolean {
  const chars = pages.reduce((a, p) => a + p.reduce((b, i) => b + i.str.trim().length, 0), 0);
  return chars < 20 * Math.max(1, pages.length);
}
