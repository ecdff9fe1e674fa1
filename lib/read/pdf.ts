// A PDF's text, laid out again from geometry. Ruled tables (ruling lines from the operator list) are
// read cell by cell: every character goes to the grid cell holding it, so a wrapped or vertical label
// is one cell and numbers on a wrapped label's middle line stay in its row; tables of a tagged PDF
// without rules are read by their structure (TR/TD); the rest by position (items on one visual line
// make a line, a gap wider than about a character starts a new cell). Across pages: page numbers,
// running headers and footers are dropped, a table's header rows repeated on the next page are
// dropped, a row cut by the page break is joined. The lines, cells tab-separated, go to the text
// reader (readLines), and every token gets a `pdf` anchor: its page and the box of its characters.
// Pure: the pages come from pdf-extract.ts (pdf.js in Node or in the viewer).
import type { Anchor, SourceDoc } from '../model';
import { foldCjk } from './fold';
import { readLines } from './text';

/** One text item of a page, in PDF user space (y up): its text, left, baseline, width, font size. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** An axis-aligned ruling segment (x1 ≤ x2, y1 ≤ y2; one of them equal), in PDF user space, and its thickness. */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
}

/** A table of a tagged PDF (structure tree): rows of cells, each cell the indices of its items in `PdfPage.items`. */
export interface PdfStructTable {
  rows: { cells: { items: number[]; header: boolean }[] }[];
}

/** One page as lib/read/pdf-extract.ts reads it from pdf.js. */
export interface PdfPage {
  /** 1-based. */
  page: number;
  /** The page's box in user space ([x1, y1, x2, y2], pdf.js `page.view`). */
  view: [number, number, number, number];
  items: PdfItem[];
  /** Ruling lines (absent when the operator list could not be read). */
  rules?: PdfRule[];
  /** Boxes of pictures painted on the page (for scan detection). */
  images?: [number, number, number, number][];
  /** Tables of the structure tree (tagged PDFs only). */
  struct?: PdfStructTable[];
}

export type Rect = [number, number, number, number];

/** One character of a page: its folded text, box (user space) and vertical centre. */
interface Glyph {
  ch: string;
  rect: Rect;
  cx: number;
  cy: number;
  h: number;
  /** The item it came from, and whether a space stood before it in the item. */
  item: number;
  spaced: boolean;
}

/** A cell of a laid-out line: its text, one box per character, and the box of the cell itself. */
export interface LaidCell {
  text: string;
  rects: Rect[];
  box: Rect;
  /** First grid column (ruled tables), for joining a row cut by a page break. */
  col?: number;
}

/** A line of the laid-out text: its page, cells, and where it came from. */
export interface LaidLine {
  page: number;
  cells: LaidCell[];
  /** 'grid': a row of a ruled table; 'struct': a row of a tagged table; 'flow': by position. */
  from: 'grid' | 'struct' | 'flow';
  /** Which table of its page (grid or struct rows), and the table's column lines (grid). */
  table?: number;
  xs?: number[];
  /** Top and bottom (y, user space). */
  top: number;
  bottom: number;
}

const union = (rects: Rect[]): Rect => [Math.min(...rects.map((r) => r[0])), Math.min(...rects.map((r) => r[1])), Math.max(...rects.map((r) => r[2])), Math.max(...rects.map((r) => r[3]))];

/** The characters of a page's items, each with its box (an item's width shared by its characters). */
function glyphsOf(items: PdfItem[]): Glyph[][] {
  return items.map((it, item) => {
    const text = foldCjk(it.str);
    const chars = [...text];
    if (!text.trim() || !(it.h > 0)) return [];
    const step = it.w / chars.length;
    return chars.flatMap((ch, k) => {
      if (!ch.trim()) return [];
      const spaced = k > 0 && !chars[k - 1].trim();
      const x0 = it.x + step * k;
      const rect: Rect = [x0, it.y - 0.2 * it.h, x0 + step, it.y + 0.8 * it.h];
      return [{ ch, rect, cx: x0 + step / 2, cy: it.y + 0.35 * it.h, h: it.h, item, spaced }];
    });
  });
}

/** A cell's text from its characters: by line (vertical centre, top first), then left to right. */
function cellOf(glyphs: Glyph[], box?: Rect, col?: number): LaidCell {
  const lines: Glyph[][] = [];
  for (const g of [...glyphs].sort((a, b) => b.cy - a.cy)) {
    const line = lines.find((l) => Math.abs(l[0].cy - g.cy) < 0.5 * Math.min(l[0].h, g.h));
    if (line) line.push(g);
    else lines.push([g]);
  }
  const ordered = lines.flatMap((l) => l.sort((a, b) => a.cx - b.cx));
  let text = '';
  const rects: Rect[] = [];
  ordered.forEach((g, i) => {
    // Latin words on one line keep the space between them; CJK text and wrapped lines join without one.
    const prev = ordered[i - 1];
    if (prev && Math.abs(prev.cy - g.cy) < 0.5 * g.h && g.rect[0] - prev.rect[2] > 0.25 * g.h && /[A-Za-z0-9]$/.test(prev.ch) && /^[A-Za-z]/.test(g.ch)) {
      text += ' ';
      rects.push(g.rect);
    }
    text += g.ch;
    rects.push(g.rect);
  });
  return { text, rects, box: box ?? (rects.length ? union(rects) : [0, 0, 0, 0]), ...(col != null ? { col } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Ruled tables

interface Grid {
  xs: number[];
  /** Row lines, top first (y descending). */
  ys: number[];
  /** For each elementary cell (r, c): the index of its merged cell. */
  owner: number[][];
  cells: { r0: number; c0: number; r1: number; c1: number }[];
  box: Rect;
}

/** Values within `tol` of each other as one (their mean), sorted. */
function clusterValues(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** The ruled tables of a page: connected horizontal and vertical rules, at least two rows and two columns. */
export function findGrids(rules: PdfRule[]): Grid[] {
  const segs = rules.filter((r) => Math.max(r.x2 - r.x1, r.y2 - r.y1) >= 3);
  const isH = (r: PdfRule) => r.y2 - r.y1 < r.x2 - r.x1;
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const tol = 2;
  const touch = (a: PdfRule, b: PdfRule) => a.x1 - tol <= b.x2 && b.x1 - tol <= a.x2 && a.y1 - tol <= b.y2 && b.y1 - tol <= a.y2;
  // Sorted by left edge: only segments that can reach each other are compared.
  const order = segs.map((_, i) => i).sort((a, b) => segs[a].x1 - segs[b].x1);
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length && segs[order[j]].x1 - tol <= segs[order[i]].x2; j++)
      if (touch(segs[order[i]], segs[order[j]])) parent[find(order[i])] = find(order[j]);
  const groups = new Map<number, PdfRule[]>();
  segs.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const hs = group.filter(isH);
    const vs = group.filter((r) => !isH(r));
    const xs = clusterValues(
      vs.map((v) => v.x1),
      1.5,
    );
    const ys = clusterValues(
      hs.map((h) => h.y1),
      1.5,
    ).reverse();
    // A row cut by the page break has no rule on its open side: the column rules end there.
    const vBottom = Math.min(...vs.map((v) => v.y1));
    const vTop = Math.max(...vs.map((v) => v.y2));
    if (ys.length && vBottom < ys[ys.length - 1] - 3) ys.push(vBottom);
    if (ys.length && vTop > ys[0] + 3) ys.unshift(vTop);
    if (xs.length < 3 || ys.length < 3) continue;
    const grid = buildGrid(xs, ys, hs, vs);
    if (grid) grids.push(grid);
  }
  return grids;
}

function buildGrid(xs: number[], ys: number[], hs: PdfRule[], vs: PdfRule[]): Grid | null {
  const covered = (segs: { a: number; b: number }[], from: number, to: number) => {
    // How much of [from, to] the segments cover.
    let sum = 0;
    for (const s of segs) sum += Math.max(0, Math.min(to, s.b) - Math.max(from, s.a));
    return sum / Math.max(1e-6, to - from);
  };
  const vAt = (x: number) => vs.filter((v) => Math.abs(v.x1 - x) <= 1.6).map((v) => ({ a: v.y1, b: v.y2 }));
  const hAt = (y: number) => hs.filter((h) => Math.abs(h.y1 - y) <= 1.6).map((h) => ({ a: h.x1, b: h.x2 }));
  const vLines = xs.map(vAt);
  const hLines = ys.map(hAt);
  const R = ys.length - 1;
  const C = xs.length - 1;
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      // No rule drawn between two elementary cells: one merged cell (colspan, rowspan).
      if (c + 1 < C && covered(vLines[c + 1], ys[r + 1], ys[r]) < 0.5) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < R && covered(hLines[r + 1], xs[c], xs[c + 1]) < 0.5) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  const byRoot = new Map<number, number>();
  const cells: Grid['cells'] = [];
  const owner = Array.from({ length: R }, () => Array<number>(C).fill(0));
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const root = find(id(r, c));
      let k = byRoot.get(root);
      if (k == null) {
        k = cells.length;
        byRoot.set(root, k);
        cells.push({ r0: r, c0: c, r1: r, c1: c });
      }
      const cell = cells[k];
      cell.r0 = Math.min(cell.r0, r);
      cell.c0 = Math.min(cell.c0, c);
      cell.r1 = Math.max(cell.r1, r);
      cell.c1 = Math.max(cell.c1, c);
      owner[r][c] = k;
    }
  // A box with nothing inside (a frame around a paragraph) is no table.
  if (cells.length < 4) return null;
  return { xs, ys, owner, cells, box: [xs[0], ys[R], xs[C], ys[0]] };
}

const inside = (g: Glyph, box: Rect, slack = 0) => g.cx >= box[0] - slack && g.cx <= box[2] + slack && g.cy >= box[1] - slack && g.cy <= box[3] + slack;

/** The rows of a ruled table: per grid row, the merged cells that start in it (as innerText gives a table's rows), left to right. */
function gridLines(page: number, grid: Grid, glyphs: Glyph[], table: number): LaidLine[] {
  const lower = (arr: number[], v: number, desc: boolean) => {
    // Index of the elementary interval holding v.
    for (let i = 0; i + 1 < arr.length; i++) if (desc ? v <= arr[i] && v >= arr[i + 1] : v >= arr[i] && v <= arr[i + 1]) return i;
    return -1;
  };
  const members = grid.cells.map((): Glyph[] => []);
  for (const g of glyphs) {
    const c = lower(grid.xs, g.cx, false);
    const r = lower(grid.ys, g.cy, true);
    if (r >= 0 && c >= 0) members[grid.owner[r][c]].push(g);
  }
  const lines: LaidLine[] = [];
  const R = grid.ys.length - 1;
  for (let r = 0; r < R; r++) {
    const starts = grid.cells.map((c, k) => ({ c, k })).filter(({ c }) => c.r0 === r);
    if (!starts.length) continue;
    starts.sort((a, b) => a.c.c0 - b.c.c0);
    const cells = starts.map(({ c, k }) => cellOf(members[k], [grid.xs[c.c0], grid.ys[c.r1 + 1], grid.xs[c.c1 + 1], grid.ys[c.r0]], c.c0));
    if (cells.every((c) => !c.text)) continue;
    lines.push({ page, cells, from: 'grid', table, xs: grid.xs, top: grid.ys[r], bottom: grid.ys[r + 1] });
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Tagged tables

function structLines(page: number, table: PdfStructTable, glyphsByItem: Glyph[][], tableNo: number): LaidLine[] {
  const lines: LaidLine[] = [];
  for (const row of table.rows) {
    const cells = row.cells.map((c) => cellOf(c.items.flatMap((i) => glyphsByItem[i] ?? [])));
    const withText = cells.filter((c) => c.text);
    if (!withText.length) continue;
    // An empty cell has no box of its own: it stands between its neighbours.
    cells.forEach((c, i) => {
      if (c.text) return;
      const left = cells.slice(0, i).reverse().find((x) => x.text);
      const right = cells.slice(i + 1).find((x) => x.text);
      const top = Math.max(...withText.map((x) => x.box[3]));
      const bottom = Math.min(...withText.map((x) => x.box[1]));
      c.box = [left ? left.box[2] : (right?.box[0] ?? 0) - 10, bottom, right ? right.box[0] : (left?.box[2] ?? 0) + 10, top];
    });
    lines.push({ page, cells, from: 'struct', table: tableNo, top: Math.max(...withText.map((x) => x.box[3])), bottom: Math.min(...withText.map((x) => x.box[1])) });
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Text by position

interface FlowCell {
  glyphs: Glyph[];
  x0: number;
  x1: number;
}

/** Lines by vertical centre, cells by gaps, wrapped header pieces joined to the cell above them. */
function flowLines(page: number, glyphs: Glyph[]): LaidLine[] {
  const sorted = [...glyphs].sort((a, b) => b.cy - a.cy || a.cx - b.cx);
  const lines: Glyph[][] = [];
  for (const g of sorted) {
    const line = lines[lines.length - 1];
    // Within half of the smaller font size of each other: one line (numbers in a larger type than
    // the labels beside them stand a point or so lower).
    if (line && Math.abs(g.cy - mean(line.map((l) => l.cy))) < 0.5 * Math.min(g.h, ...line.map((l) => l.h))) line.push(g);
    else lines.push([g]);
  }
  const rows: { cells: FlowCell[]; cy: number; h: number }[] = [];
  for (const line of lines) {
    const cells = flowCells(line.sort((a, b) => a.cx - b.cx));
    const row = { cells, cy: mean(line.map((l) => l.cy)), h: Math.max(...line.map((l) => l.h)) };
    // Each piece joins the cell above it, in one of the three lines above (header cells
    // wrap over two to four lines, cells centred among them: 「其他」).
    const above = [rows[rows.length - 1], rows[rows.length - 2], rows[rows.length - 3]].filter((p, k) => p && mayContinue(p, row, k + 1));
    const rest = cells.filter((c) => {
      const target = above.map((p) => p.cells.filter((x) => overlap(x, c))).find((hits) => hits.length === 1)?.[0];
      if (target) target.glyphs.push(...c.glyphs);
      return !target;
    });
    if (rest.length) rows.push({ ...row, cells: rest });
  }
  return rows.map((r) => {
    const cells = r.cells.map((c) => cellOf(c.glyphs));
    return { page, cells, from: 'flow' as const, top: Math.max(...cells.map((c) => c.box[3])), bottom: Math.min(...cells.map((c) => c.box[1])) };
  });
}

const flowText = (c: FlowCell) => c.glyphs.map((g) => g.ch).join('');
const overlap = (a: FlowCell, b: FlowCell) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/**
 * A line that may hold the rest of cells wrapped in a line above (「商业企」 over 「业」): short pieces
 * without digits, close below a line of two cells or more without digits. A piece under exactly one
 * cell of it is joined to that cell, so a wrapped header is read whole, not as a cut-off one.
 */
function mayContinue(prev: { cells: FlowCell[]; cy: number; h: number }, row: { cells: FlowCell[]; cy: number; h: number }, up: number): boolean {
  if (prev.cells.length < 2 || prev.cy - row.cy > (0.6 + up) * Math.max(prev.h, row.h)) return false;
  if (prev.cells.some((c) => /\d/.test(flowText(c)))) return false;
  // Short pieces only: the rest of a header cell, not a line of running text.
  return row.cells.every((c) => c.glyphs.length <= 6 && !/\d/.test(flowText(c)));
}

function flowCells(line: Glyph[]): FlowCell[] {
  const cells: FlowCell[] = [];
  let cur: FlowCell | null = null;
  for (const g of line) {
    const gap = cur ? g.rect[0] - cur.x1 : 0;
    const last = cur?.glyphs[cur.glyphs.length - 1];
    // A gap of more than ~0.8 of a character: another cell (words of one label run close together);
    // between two digits any clear gap: numbers of neighbouring columns are never one number.
    const digits = last && /\d/.test(last.ch) && /\d/.test(g.ch);
    // Characters of one item stay together (its spaces are a word's, widths spread evenly).
    // Characters of one item stay together (its spaces are a word's, widths spread evenly), except
    // numbers the item holds apart by spaces.
    const sameItem = last?.item === g.item && !(digits && g.spaced);
    if (cur && !sameItem && (gap > Math.min(g.h, 12) * 0.8 || (digits && gap > 0.3 * g.h) || (digits && g.spaced))) {
      cells.push(cur);
      cur = null;
    }
    if (!cur) cur = { glyphs: [], x0: g.rect[0], x1: g.rect[2] };
    cur.glyphs.push(g);
    cur.x1 = Math.max(cur.x1, g.rect[2]);
  }
  if (cur) cells.push(cur);
  return cells;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// ---------------------------------------------------------------------------------------------
// Pages

/** A page's lines, top to bottom: ruled tables by their grids, tagged tables by their structure, the rest by position. */
export function layoutPage(page: PdfPage): LaidLine[] {
  const byItem = glyphsOf(page.items);
  const used = byItem.map((gs) => gs.map(() => false));
  const lines: LaidLine[] = [];
  let table = 0;
  for (const grid of findGrids(page.rules ?? [])) {
    const mine: Glyph[] = [];
    byItem.forEach((gs, i) =>
      gs.forEach((g, k) => {
        if (!used[i][k] && inside(g, grid.box)) {
          used[i][k] = true;
          mine.push(g);
        }
      }),
    );
    lines.push(...gridLines(page.page, grid, mine, ++table));
  }
  for (const st of page.struct ?? []) {
    // A tagged table whose text the rules already placed is read by its grid (the rules are the
    // geometry); one without rules by its structure.
    const items = st.rows.flatMap((r) => r.cells.flatMap((c) => c.items));
    const free = items.filter((i) => byItem[i]?.length && !used[i].some(Boolean));
    if (!items.length || free.length < 0.9 * items.filter((i) => byItem[i]?.length).length) continue;
    const t = ++table;
    for (const i of items) used[i]?.fill(true);
    lines.push(...structLines(page.page, st, byItem, t));
  }
  const rest = byItem.flatMap((gs, i) => gs.filter((_, k) => !used[i][k]));
  lines.push(...flowLines(page.page, rest));
  // Top to bottom; a table's rows stay in their order.
  return lines.sort((a, b) => b.top - a.top || (a.table === b.table ? 0 : 0));
}

/** A page number alone (「- 3 -」, 「第 3 页」, 「3 / 6」, 「共 6 页」): not part of the report. */
const PAGE_NUMBER = /^[-—–\s]*(第\s*)?\d{1,3}(\s*页)?(\s*[/／]\s*(共\s*)?\d{1,3}\s*页?)?[-—–\s]*$|^共\s*\d{1,3}\s*页/u;

const lineText = (l: LaidLine) => l.cells.map((c) => c.text).join('\t');

/**
 * Running headers and footers and page numbers: text outside the tables in the top or bottom band
 * of a page that is a page number, or that stands at the same height on at least half the pages
 * (two or more; digits aside, so 「- 3 -」 and 「- 4 -」 are alike).
 */
function furniture(pages: LaidLine[][], views: Rect[]): Set<LaidLine> {
  const out = new Set<LaidLine>();
  const band = (l: LaidLine, v: Rect) => {
    const h = v[3] - v[1];
    return l.from === 'flow' && (l.bottom > v[3] - 0.12 * h || l.top < v[1] + 0.12 * h);
  };
  const key = (l: LaidLine) => `${Math.round(l.top / 4)}|${lineText(l).replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  const counts = new Map<string, Set<number>>();
  pages.forEach((lines, p) => lines.filter((l) => band(l, views[p])).forEach((l) => counts.set(key(l), (counts.get(key(l)) ?? new Set()).add(p))));
  pages.forEach((lines, p) => {
    // Only the first and last lines of a page: a lone value inside a table is a value.
    const edge = lines.filter((l) => band(l, views[p]));
    for (const l of edge) {
      const onPages = counts.get(key(l))?.size ?? 0;
      const text = lineText(l).trim();
      const first = lines.indexOf(l) <= 1 || lines.indexOf(l) >= lines.length - 2;
      if ((first && l.cells.length === 1 && PAGE_NUMBER.test(text)) || (pages.length >= 2 && onPages >= 2 && onPages >= pages.length / 2)) out.add(l);
    }
  });
  return out;
}

const hasNumber = (l: LaidLine) => l.cells.some((c) => /^\s*\d[\d,.]*\s*$/.test(c.text));
const sameColumns = (a: LaidLine, b: LaidLine) => !!a.xs && !!b.xs && a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs![i]) <= 2.5);

/**
 * The lines of a whole document: furniture dropped; where a table goes on over a page break, its
 * header rows printed again are dropped and a row cut in two by the break is joined.
 */
export function layoutPages(pages: PdfPage[]): LaidLine[] {
  const laid = pages.map(layoutPage);
  const drop = furniture(
    laid,
    pages.map((p) => p.view),
  );
  const out: LaidLine[] = [];
  // The table open at the end of the previous page: its first rows (the header) and its last row.
  let open: { head: LaidLine[]; last: LaidLine } | null = null;
  for (const lines of laid) {
    const body = lines.filter((l) => !drop.has(l));
    let i = 0;
    const first = body[0];
    if (open && first && first.from !== 'flow') {
      // Header rows again: the first rows equal (text) to the table's first rows, none with numbers.
      let k = 0;
      while (k < open.head.length && body[k] && body[k].from === first.from && body[k].table === first.table && !hasNumber(body[k]) && lineText(body[k]) === lineText(open.head[k])) k++;
      i = k;
      const next = body[i];
      const prev = open.last;
      if (next && next.table === first.table && (prev.from !== 'grid' || sameColumns(prev, next)) && joinsAcrossBreak(prev, next)) {
        out.splice(out.lastIndexOf(prev), 1, joinRows(prev, next));
        i++;
      }
    }
    out.push(...body.slice(i));
    const tail = body[body.length - 1];
    if (tail && tail.from !== 'flow') {
      const rows = body.filter((l) => l.table === tail.table && l.from === tail.from);
      // The header is what the table started with on its first page (or after a dropped repeat).
      const head: LaidLine[] = open && first && first.table === tail.table && first.from === tail.from && i > 0 ? open.head : rows.slice(0, rows.findIndex(hasNumber) < 0 ? 0 : rows.findIndex(hasNumber));
      open = { head, last: out[out.length - 1] };
    } else open = null;
  }
  return out;
}

/**
 * A row cut by a page break: one half holds the values, the other only text (the rest of the label),
 * and neither half is a row of its own (a label with values). Cells of one column are joined.
 */
function joinsAcrossBreak(prev: LaidLine, next: LaidLine): boolean {
  const nums = (l: LaidLine) => l.cells.filter((c) => /^\s*\d[\d,.]*\s*$/.test(c.text)).length;
  const [a, b] = [nums(prev), nums(next)];
  if ((a > 0) === (b > 0)) return false;
  const textOnly = a > 0 ? next : prev;
  // The text half: a few label pieces and empty cells only (never a header row of many words).
  const texts = textOnly.cells.filter((c) => c.text);
  return texts.length >= 1 && texts.length <= 2 && (prev.from !== 'grid' || textOnly.cells.length === (a > 0 ? prev : next).cells.length || a === 0);
}

function joinRows(prev: LaidLine, next: LaidLine): LaidLine {
  const cols = new Map<number, LaidCell>();
  const key = (c: LaidCell, i: number, l: LaidLine) => c.col ?? (l.xs ? i : i);
  prev.cells.forEach((c, i) => cols.set(key(c, i, prev), { ...c, rects: [...c.rects] }));
  next.cells.forEach((c, i) => {
    const k = key(c, i, next);
    const have = cols.get(k);
    if (!have) cols.set(k, c);
    else if (c.text) cols.set(k, { text: have.text + c.text, rects: [...have.rects, ...c.rects], box: have.text ? have.box : c.box, col: have.col });
  });
  const cells = [...cols.entries()].sort((x, y) => x[0] - y[0]).map(([, c]) => c);
  return { ...prev, cells };
}

// ---------------------------------------------------------------------------------------------
// The document

/** The lines of one page (cells' texts), for tests and tools. */
export function pageLines(items: PdfItem[]): string[][] {
  return layoutPages([{ page: 1, view: viewOf(items), items }]).map((l) => l.cells.map((c) => c.text));
}

/** A page box holding the items (synthetic pages without one). */
function viewOf(items: PdfItem[]): Rect {
  const top = Math.max(842, ...items.map((i) => i.y + i.h + 40));
  return [0, 0, 595, top];
}

type Pages = PdfPage[] | PdfItem[][];
const asPages = (pages: Pages): PdfPage[] => pages.map((p, i) => (Array.isArray(p) ? { page: i + 1, view: viewOf(p), items: p } : p));

/** The text of a whole PDF for the text reader: one line per visual line (or table row), cells tab-separated. */
export function pdfText(pages: Pages): string {
  return layoutPages(asPages(pages)).map(lineText).join('\n');
}

/**
 * The document model of a PDF's text layer: the laid-out lines read by the text reader, every
 * token and line anchored to its page and the box of its characters (an empty cell: the cell's box).
 */
export function pdfSource(pages: Pages): SourceDoc {
  const lines = layoutPages(asPages(pages));
  const texts = lines.map(lineText);
  const at = (n: number) => {
    const line = lines[n];
    // Per character of the line's text: its box, or null for a tab; per cell: its span in the text.
    const rects: (Rect | null)[] = [];
    const spans: { start: number; end: number; box: Rect }[] = [];
    line.cells.forEach((c, i) => {
      if (i) rects.push(null);
      spans.push({ start: rects.length, end: rects.length + c.text.length, box: c.box });
      rects.push(...c.rects);
    });
    const lineBox = union(line.cells.map((c) => c.box));
    return (col: number, length: number): Anchor => {
      const mine = rects.slice(col, col + Math.max(length, 0)).filter((r): r is Rect => !!r);
      const rect = mine.length ? union(mine) : (spans.find((s) => col >= s.start && col <= s.end)?.box ?? lineBox);
      return { kind: 'pdf', page: line.page, rect };
    };
  };
  return { lines: readLines(texts, at) };
}

/** A PDF whose pages hold (almost) no text is a scan: pictures of pages, for OCR. */
export function isScanned(pages: Pages): boolean {
  const all = asPages(pages);
  const chars = all.reduce((a, p) => a + p.items.reduce((b, i) => b + i.str.trim().length, 0), 0);
  return chars < 20 * Math.max(1, all.length);
}
