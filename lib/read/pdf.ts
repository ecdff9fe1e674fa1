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
  /** Its text was pieced together by us (a number over a column rule): its tokens are not read surely. */
  unsure?: boolean;
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
    // Widths by kind (a CJK character a full em, digits and Latin about half); the spaces take what
    // is left: pdf.js puts one space for a gap of any width ("0 0 0" over three cells).
    const natural = chars.map((ch) => (!ch.trim() ? 0 : /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(ch) ? it.h : 0.55 * it.h));
    const spaces = chars.filter((ch) => !ch.trim()).length;
    const sum = natural.reduce((a, b) => a + b, 0);
    const spare = it.w - sum;
    const widths = spaces && spare > 0 ? natural.map((n, k) => (chars[k].trim() ? n : spare / spaces)) : natural.map((n) => (sum > 0 ? (n * it.w) / sum : it.w / chars.length));
    let x0 = it.x;
    return chars.flatMap((ch, k) => {
      const left = x0;
      x0 += widths[k];
      if (!ch.trim()) return [];
      const spaced = k > 0 && !chars[k - 1].trim();
      const rect: Rect = [left, it.y - 0.2 * it.h, left + widths[k], it.y + 0.8 * it.h];
      return [{ ch, rect, cx: left + widths[k] / 2, cy: it.y + 0.35 * it.h, h: it.h, item, spaced }];
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

/** A line of a grid: where it stands (the mean of its rules) and the span of the rules drawn for it. */
interface GridLine {
  at: number;
  lo: number;
  hi: number;
}

/**
 * Values within `tol` of their neighbour as one line, sorted. Cells drawn as boxes of their own
 * (CSS grids of bordered divs, `border-collapse: separate`) draw two rules a point or so apart
 * for every line, and rules of neighbouring boxes chain: a line keeps the span of all its rules.
 */
function clusterLines(values: number[], tol: number): GridLine[] {
  return clusterGroups(values, tol).map((g) => ({ at: mean(g), lo: g[0], hi: g[g.length - 1] }));
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
    const xs = clusterLines(
      vs.map((v) => v.x1),
      1.5,
    );
    const ys = clusterLines(
      hs.map((h) => h.y1),
      1.5,
    ).reverse();
    // A row cut by the page break has no rule on its open side: the column rules end there.
    const vBottom = Math.min(...vs.map((v) => v.y1));
    const vTop = Math.max(...vs.map((v) => v.y2));
    if (ys.length && vBottom < ys[ys.length - 1].at - 3) ys.push({ at: vBottom, lo: vBottom, hi: vBottom });
    if (ys.length && vTop > ys[0].at + 3) ys.unshift({ at: vTop, lo: vTop, hi: vTop });
    if (xs.length < 3 || ys.length < 3) continue;
    const grid = buildGrid(xs, ys, hs, vs);
    if (grid) grids.push(grid);
  }
  return grids;
}

function buildGrid(xLines: GridLine[], yLines: GridLine[], hs: PdfRule[], vs: PdfRule[]): Grid | null {
  const covered = (segs: { a: number; b: number }[], from: number, to: number) => {
    // How much of [from, to] the segments cover.
    let sum = 0;
    for (const s of segs) sum += Math.max(0, Math.min(to, s.b) - Math.max(from, s.a));
    return sum / Math.max(1e-6, to - from);
  };
  // The rules of a line: near where it stands, or among the rules it was clustered from.
  const of = (v: number, l: GridLine) => Math.abs(v - l.at) <= 1.6 || (v >= l.lo && v <= l.hi);
  const vLines = xLines.map((l) => vs.filter((v) => of(v.x1, l)).map((v) => ({ a: v.y1, b: v.y2 })));
  const hLines = yLines.map((l) => hs.filter((h) => of(h.y1, l)).map((h) => ({ a: h.x1, b: h.x2 })));
  const xs = xLines.map((l) => l.at);
  const ys = yLines.map((l) => l.at);
  const R = ys.length - 1;
  const C = xs.length - 1;
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // No rule drawn between two elementary cells of a row: one cell (colspan). Each row in spans.
  const spans: [number, number][][] = [];
  for (let r = 0; r < R; r++) {
    spans.push([]);
    for (let c = 0; c < C; c++) {
      const last = spans[r][spans[r].length - 1];
      if (last && covered(vLines[c], ys[r + 1], ys[r]) < 0.5) last[1] = c;
      else spans[r].push([c, c]);
    }
    for (const [c0, c1] of spans[r]) for (let c = c0 + 1; c <= c1; c++) parent[find(id(r, c))] = find(id(r, c0));
  }
  // No rule drawn between spans of the same columns one above the other: one cell (rowspan). Merged
  // cells are rectangles: an empty corner without rules (a hole of the grid) joins the cell beside
  // it, never that cell to the one below the hole.
  for (let r = 0; r + 1 < R; r++)
    for (const [c0, c1] of spans[r])
      if (spans[r + 1].some(([d0, d1]) => d0 === c0 && d1 === c1) && covered(hLines[r + 1], xs[c0], xs[c1 + 1]) < 0.5) parent[find(id(r + 1, c0))] = find(id(r, c0));
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
  const unsure = new Set<number>();
  // A number wider than its narrow column spills over the rules: it goes whole to the cell of its centre.
  // Numbers of neighbouring narrow columns may touch: a run over several columns is cut where each
  // piece stands centred in its column (cells centre their numbers).
  for (const run of digitRuns(glyphs)) {
    const r = lower(grid.ys, run[0].cy, true);
    if (r < 0) continue;
    // A number over a column rule (its glyphs' centres in two columns) is read, but not surely.
    // So are the cells it stands over, an empty one too (its digits may have gone to a neighbour).
    const [from, to] = [lower(grid.xs, run[0].cx, false), lower(grid.xs, run[run.length - 1].cx, false)];
    if (from !== to) for (let c = Math.max(0, Math.min(from, to)); c <= Math.max(from, to); c++) unsure.add(grid.owner[r][c]);
    for (const { glyphs: piece, col } of splitByColumns(run, grid.xs)) if (col >= 0) members[grid.owner[r][col]].push(...piece);
  }
  const lines: LaidLine[] = [];
  const R = grid.ys.length - 1;
  for (let r = 0; r < R; r++) {
    const starts = grid.cells.map((c, k) => ({ c, k })).filter(({ c }) => c.r0 === r);
    if (!starts.length) continue;
    starts.sort((a, b) => a.c.c0 - b.c.c0);
    const cells = starts.map(({ c, k }) => ({ ...cellOf(members[k], [grid.xs[c.c0], grid.ys[c.r1 + 1], grid.xs[c.c1 + 1], grid.ys[c.r0]], c.c0), ...(unsure.has(k) ? { unsure: true } : {}) }));
    if (cells.every((c) => !c.text)) continue;
    lines.push({ page, cells, from: 'grid', table, xs: grid.xs, top: grid.ys[r], bottom: grid.ys[r + 1] });
  }
  return lines;
}

/**
 * A run of glyphs over the columns `xs`: one column for the whole run when it stands within one
 * (or is centred in one); else cut into pieces, each in a column of its own, so that the pieces
 * stand as close as can be to their columns' centres.
 */
export function splitByColumns(run: Glyph[], xs: number[]): { glyphs: Glyph[]; col: number }[] {
  const colOf = (x: number) => {
    for (let i = 0; i + 1 < xs.length; i++) if (x >= xs[i] && x <= xs[i + 1]) return i;
    return -1;
  };
  const mid = (gs: Glyph[]) => (gs[0].rect[0] + gs[gs.length - 1].rect[2]) / 2;
  const whole = colOf(mid(run));
  const c0 = colOf(run[0].cx);
  const c1 = colOf(run[run.length - 1].cx);
  if (run.length === 1 || c0 === c1 || c0 < 0 || c1 < 0) return [{ glyphs: run, col: whole }];
  const centre = (c: number) => (xs[c] + xs[c + 1]) / 2;
  const width = (c: number) => xs[c + 1] - xs[c];
  const n = run.length;
  if (n > 60) return [{ glyphs: run, col: whole }];
  // f[k][c]: least cost of the first k glyphs in pieces in columns before c (dynamic programming);
  // a piece costs its centre's distance from its column's centre (in column widths), and a little more
  // for every cut, so that one number centred in a column is never cut.
  const cols = c1 - c0 + 1;
  // Off its column's centre, and wider than it (a number spills over a little, seldom by half its column).
  // Counts of five digits and more are rare in these tables.
  const pieceCost = (piece: Glyph[], c: number) =>
    Math.abs(mid(piece) - centre(c)) / width(c) + Math.max(0, (piece[piece.length - 1].rect[2] - piece[0].rect[0]) / width(c) - 1) + 0.1 * Math.max(0, piece.length - 4) + 0.02;
  const f = Array.from({ length: n + 1 }, () => Array<number>(cols + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => Array<[number, number]>(cols + 1).fill([0, 0]));
  f[0][0] = 0;
  for (let k = 0; k < n; k++)
    for (let c = 0; c < cols; c++) {
      if (!Number.isFinite(f[k][c])) continue;
      for (let col = c; col < cols; col++)
        for (let m = k + 1; m <= n; m++) {
          const piece = run.slice(k, m);
          const cost = f[k][c] + pieceCost(piece, c0 + col);
          if (cost < f[m][col + 1]) {
            f[m][col + 1] = cost;
            from[m][col + 1] = [k, c];
          }
        }
    }
  let bestC = 1;
  for (let c = 1; c <= cols; c++) if (f[n][c] < f[n][bestC]) bestC = c;
  const wholeCost = whole < 0 ? Infinity : pieceCost(run, whole);
  if (!(f[n][bestC] < wholeCost - 0.05)) return [{ glyphs: run, col: whole }];
  const pieces: { glyphs: Glyph[]; col: number }[] = [];
  for (let m = n, c = bestC; m > 0; ) {
    const [k, prevC] = from[m][c];
    // The piece k..m stood in column c-1 (relative); find it again from the costs.
    pieces.unshift({ glyphs: run.slice(k, m), col: c0 + c - 1 });
    m = k;
    c = prevC;
  }
  return pieces;
}

/** Glyphs in runs: the digits of one number (touching, on one baseline) together, every other glyph alone. */
function digitRuns(glyphs: Glyph[]): Glyph[][] {
  const isDigit = (g: Glyph) => /[\d.,]/.test(g.ch);
  const sorted = [...glyphs].sort((a, b) => b.cy - a.cy || a.cx - b.cx);
  const lines: Glyph[][] = [];
  for (const g of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].cy - g.cy) < 0.3 * g.h) line.push(g);
    else lines.push([g]);
  }
  const runs: Glyph[][] = [];
  for (const line of lines) {
    line.sort((a, b) => a.cx - b.cx);
    let run: Glyph[] = [];
    for (const g of line) {
      const last = run[run.length - 1];
      // A space inside an item parts two numbers however close they stand.
      if (last && isDigit(last) && isDigit(g) && !(g.spaced && g.item === last.item) && g.rect[0] - last.rect[2] < 0.12 * g.h) run.push(g);
      else {
        if (run.length) runs.push(run);
        run = [g];
      }
    }
    if (run.length) runs.push(run);
  }
  return runs;
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

/**
 * A tagged table agrees with the page when its rows stand one below the other (each row's text in
 * a band of its own, top to bottom) and the cells of a row left to right: otherwise the tags are
 * wrong (a producer's reading order, not the table's) and the geometry is read instead.
 */
function structAgrees(table: PdfStructTable, glyphsByItem: Glyph[][]): boolean {
  let above = Infinity;
  for (const row of table.rows) {
    const cells = row.cells.map((c) => c.items.flatMap((i) => glyphsByItem[i] ?? [])).filter((gs) => gs.length);
    if (!cells.length) continue;
    // The row's height: its middle cell's centre (a label spanning rows below stands lower).
    const centres = cells.map((c) => mean(c.map((g) => g.cy))).sort((a, b) => a - b);
    const cy = centres[Math.floor(centres.length / 2)];
    if (cy > above + 1) return false;
    above = cy;
    const lefts = cells.map((c) => Math.min(...c.map((g) => g.rect[0])));
    if (lefts.some((x, i) => i > 0 && x < lefts[i - 1] - 1)) return false;
  }
  return true;
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
  const cells = cellsByGaps(line, false);
  // A row of a table (numbers in two cells or more): a number close beside a label is a value of
  // its own, not part of the label (narrow columns leave little space between them).
  // Short lines without sentence marks are read so too: the wrapped labels of such rows.
  const short = line.length <= 24 && !/[。；，、：]/u.test(line.map((g) => g.ch).join(''));
  return short || cells.filter((c) => /^\d[\d,.]*$/.test(flowText(c))).length >= 2 ? cellsByGaps(line, true) : cells;
}

function cellsByGaps(line: Glyph[], tableRow: boolean): FlowCell[] {
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
    // In a row of a table, labels of neighbouring narrow columns stand close: any clear gap between
    // two items parts cells there (the characters of one text run touch).
    const edge = last && tableRow && !/[.,%]/.test(last.ch + g.ch);
    if (cur && !sameItem && (gap > Math.min(g.h, 12) * 0.8 || (digits && gap > 0.12 * g.h) || (digits && g.spaced) || (edge && gap > 0.2 * g.h))) {
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
    if (!items.length || free.length < 0.9 * items.filter((i) => byItem[i]?.length).length || !structAgrees(st, byItem)) continue;
    const t = ++table;
    for (const i of items) used[i]?.fill(true);
    lines.push(...structLines(page.page, st, byItem, t));
  }
  const rest = byItem.flatMap((gs, i) => gs.filter((_, k) => !used[i][k]));
  lines.push(...flowLines(page.page, rest));
  // Top to bottom; a table's rows stay in their order.
  lines.sort((a, b) => b.top - a.top);
  return lines;
}

/**
 * Labels wrapped over several lines in a table without rules, its numbers on the middle line
 * (「1.属」「于国」 above 「0 0 6」, 「家秘」「密」 below it): the pieces of label text between two rows of
 * numbers are shared out so that each row's label is centred on its numbers (cells are centred
 * vertically), and joined to that row's label cells.
 */
function withWrappedLabels(lines: LaidLine[]): LaidLine[] {
  const numeric = lines.filter((l) => l.from !== 'grid' && l.cells.some(isNumberCell));
  if (!numeric.length) return lines;
  const firstValueX = (l: LaidLine) => Math.min(...l.cells.filter(isNumberCell).map((c) => c.box[0]));
  const out = new Set(lines);
  // Segments: numeric rows with the pieces between them; any other line is a wall.
  let k = 0;
  while (k < lines.length) {
    if (!numericRow(lines[k])) {
      k++;
      continue;
    }
    // From the pieces above the first numeric row to those below the last one.
    let start = k;
    while (start > 0 && isPiece(lines[start - 1], firstValueX(lines[k]))) start--;
    let end = k;
    const rows: number[] = [];
    for (let j = start; j < lines.length; j++) {
      if (numericRow(lines[j]) && lines[j].from === lines[k].from) {
        rows.push(j);
        end = j;
      } else if (!isPiece(lines[j], firstValueX(lines[rows[rows.length - 1] ?? k]))) break;
      else end = j;
    }
    shareOut(lines, start, end, rows, out);
    k = end + 1;
  }
  return lines.filter((l) => out.has(l));
}

function numericRow(l: LaidLine): boolean {
  return l.from === 'flow' && l.cells.some(isNumberCell);
}

/** A piece of a wrapped label: a flow line of one or two short text cells, all left of the row's values. */
function isPiece(l: LaidLine | undefined, valuesX: number): boolean {
  return !!l && l.from === 'flow' && l.cells.length <= 2 && l.cells.every((c) => !isNumberCell(c) && c.text.length <= 12 && c.box[2] < valuesX - 1);
}

/**
 * Lines start..end hold numeric rows at `rows` and pieces elsewhere: each row takes a number of the
 * pieces just above and below it; the split of every gap is chosen (dynamic programming over the
 * chain) so that each row's label block stands to its numbers as the table's cells are aligned.
 * Pieces above the first row and below the last may also be left alone (a header, a note).
 */
function shareOut(lines: LaidLine[], start: number, end: number, rows: number[], out: Set<LaidLine>) {
  if (!rows.length || (rows[0] === start && rows[rows.length - 1] === end && rows.every((r, i) => i === 0 || r === rows[i - 1] + 1))) return;
  // gaps[g]: the pieces between row g-1 and row g (gaps[0] above the first row, gaps[n] below the last).
  const gaps: number[][] = [];
  let prev = start - 1;
  for (const r of rows) {
    gaps.push(range(prev + 1, r));
    prev = r;
  }
  gaps.push(range(prev + 1, end + 1));
  // The cells of a table share one vertical alignment: centred (Chromium, most HTML), or top
  // (LibreOffice's default for Word tables: numbers on a label's first line, the rest below them),
  // or bottom. Centred is read unless another alignment fits the page clearly better.
  const [middle, ...others] = (['middle', 'top', 'bottom'] as const).map((align) => planShare(lines, start, end, rows, gaps, align));
  const alt = others.reduce((x, y) => (y.cost < x.cost ? y : x));
  const plan = alt.cost < middle.cost - 2 && alt.cost < 0.5 * middle.cost ? alt : middle;
  plan.takes.forEach(([above, below], i) => {
    const up = gaps[i].slice(gaps[i].length - above).map((j) => lines[j]);
    const down = gaps[i + 1].slice(0, below).map((j) => lines[j]);
    if (up.length || down.length) {
      joinPieces(lines[rows[i]], up, down);
      for (const p of [...up, ...down]) out.delete(p);
    }
  });
}

/** Where a row's label block should stand against its numbers: their centre, top or bottom. */
type Align = 'middle' | 'top' | 'bottom';

/**
 * The best share of the pieces between the rows for one alignment: per row, how many pieces it
 * takes above and below it, and the cost (points off the alignment, and spaces spanned inside a block).
 */
function planShare(lines: LaidLine[], start: number, end: number, rows: number[], gaps: number[][], align: Align): { cost: number; takes: [number, number][] } {
  const n = rows.length;
  const numbers = (l: LaidLine) => {
    const nums = l.cells.filter(isNumberCell);
    return { top: Math.max(...nums.map((c) => c.box[3])), bottom: Math.min(...nums.map((c) => c.box[1])) };
  };
  const offset = (top: number, bottom: number, row: LaidLine) => {
    const at = numbers(row);
    if (align === 'top') return Math.abs(top - at.top);
    if (align === 'bottom') return Math.abs(bottom - at.bottom);
    return Math.abs((top + bottom) / 2 - (at.top + at.bottom) / 2);
  };
  // The space between two lines of one cell: the least space between pieces that follow each other.
  const spaces = range(start + 1, end + 1)
    .filter((j) => lines[j].page === lines[j - 1].page && !numericRow(lines[j]) && !numericRow(lines[j - 1]))
    .map((j) => lines[j - 1].bottom - lines[j].top)
    .filter((x) => x >= 0);
  const minSpace = spaces.length ? Math.min(...spaces) : 0;
  // Labels of a table numbered item by item (「（三）」, 「2.」) begin with their number: in a block,
  // only the first line does. Where rows stand no farther apart than a label's lines, that tells a
  // label's first line from the others, as spaces cannot.
  const numbered = range(start, end + 1).filter((j) => startsItem(lines[j])).length >= 2;
  const itemCost = (block: LaidLine[]) => (numbered ? block.filter((l, k) => startsItem(l) !== (k === 0)).length : 0);
  // cost of row i taking `above` pieces from gap i's end and `below` from gap i+1's start.
  // Pieces on another page (a row cut by the page break) are the row's too, but say nothing of its place.
  const cost = (i: number, above: number, below: number) => {
    const row = lines[rows[i]];
    const mine = (j: number) => lines[j].page === row.page;
    const takenA = gaps[i].slice(gaps[i].length - above);
    const takenB = gaps[i + 1].slice(0, below);
    const ga = takenA.filter(mine);
    const gb = takenB.filter(mine);
    const top = ga.length ? lines[ga[0]].top : row.top;
    const bottom = gb.length ? lines[gb[gb.length - 1]].bottom : row.bottom;
    // Lines of one cell stand at the line pitch; a wider space inside a block is the space between
    // two cells (their padding): a block should not span it.
    const block = [...ga.map((j) => lines[j]), row, ...gb.map((j) => lines[j])];
    let spread = 0;
    for (let k = 1; k < block.length; k++) spread += Math.max(0, block[k - 1].bottom - block[k].top - minSpace - 1);
    // A point for each piece taken from another page: as few as the alignment allows. Half a line
    // for each line of a block standing as no first (or as a first) line of a numbered label should.
    // A little for each piece left alone above the first row or below the last: taken when it fits as well.
    const alone = (i === 0 ? gaps[0].length - above : 0) + (i === n - 1 ? gaps[n].length - below : 0);
    return offset(top, bottom, row) + spread + (takenA.length - ga.length) + (takenB.length - gb.length) + 0.5 * (row.top - row.bottom) * itemCost(block) + 0.5 * alone;
  };
  // best[i][a]: least cost of rows 0..i-1 when row i takes `a` pieces above it.
  const best: number[][] = [];
  const choice: number[][] = [];
  best[0] = gaps[0].map(() => 0).concat(0);
  for (let i = 0; i < n; i++) {
    best[i + 1] = Array(gaps[i + 1].length + 1).fill(Infinity);
    choice[i + 1] = Array(gaps[i + 1].length + 1).fill(0);
    const gb = gaps[i + 1].length;
    // Pieces on this row's page before the next row, on another page, are this row's (cut by the break).
    const row = lines[rows[i]];
    const minB = i + 1 < n && lines[rows[i + 1]].page !== row.page ? gaps[i + 1].filter((j) => lines[j].page === row.page).length : 0;
    for (let a = 0; a < best[i].length; a++) {
      if (!Number.isFinite(best[i][a])) continue;
      for (let b = minB; b <= gb; b++) {
        // The last row may leave pieces below it alone; between rows every piece is taken.
        const nextAbove = i + 1 < n ? gb - b : 0;
        const c = best[i][a] + cost(i, a, b);
        if (c < best[i + 1][nextAbove]) {
          best[i + 1][nextAbove] = c;
          choice[i + 1][nextAbove] = a * 1000 + b;
        }
      }
    }
  }
  // Back from the end.
  const total = Math.min(...best[n]);
  const takes: [number, number][] = [];
  let a = best[n].indexOf(total);
  for (let i = n - 1; i >= 0; i--) {
    const ch = choice[i + 1][a];
    takes[i] = [Math.floor(ch / 1000), ch % 1000];
    a = takes[i][0];
  }
  return { cost: total, takes };
}

/** A label's number as the items of table 三 begin: 「一、」「（三）」「2.」. */
const ITEM = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))/u;

/** A line whose text (one of its label cells) begins with an item's number. */
const startsItem = (l: LaidLine) => l.cells.some((c) => !isNumberCell(c) && ITEM.test(c.text));

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Pieces joined to the row's label cells they stand over (or under), top to bottom. */
function joinPieces(row: LaidLine, above: LaidLine[], below: LaidLine[]) {
  const firstValue = row.cells.findIndex(isNumberCell);
  const labels = row.cells.slice(0, firstValue);
  const pieces = [...above, ...below];
  const overlapX = (a: Rect, b: Rect) => Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const added: LaidCell[] = [];
  const place = (c: LaidCell, before: boolean) => {
    const target = [...labels, ...added].sort((x, y) => overlapX(y.box, c.box) - overlapX(x.box, c.box))[0];
    if (target && overlapX(target.box, c.box) > 0) {
      if (before) {
        target.text = c.text + target.text;
        target.rects = [...c.rects, ...target.rects];
      } else {
        target.text += c.text;
        target.rects.push(...c.rects);
      }
      target.box = union([target.box, c.box]);
    } else added.push({ ...c, rects: [...c.rects] });
  };
  // Above: nearest first, each put before; below: nearest first, each put after.
  for (const p of [...above].reverse()) for (const c of p.cells) place(c, true);
  for (const p of below) for (const c of p.cells) place(c, false);
  const cells = [...labels, ...added].sort((x, y) => x.box[0] - y.box[0]);
  row.cells = [...cells, ...row.cells.slice(firstValue)];
  const mine = pieces.filter((p) => p.page === row.page);
  row.top = Math.max(row.top, ...mine.map((p) => p.top));
  row.bottom = Math.min(row.bottom, ...mine.map((p) => p.bottom));
}

const isNumberCell = (c: LaidCell) => /^\s*\d[\d,.]*\s*$/.test(c.text);
const centre = (c: LaidCell) => (c.box[0] + c.box[2]) / 2;

/**
 * Blank cells of tables without rules: nothing is printed there, so the values of a row are fewer
 * than its columns. The value columns of a run of table rows are where their numbers stand (centres
 * seen in several rows); a row whose numbers each sit in a column of their own gets an empty cell
 * in every column it leaves empty, so its values keep their columns.
 */
function withBlankCells(lines: LaidLine[]) {
  const runs: LaidLine[][] = [];
  for (const l of lines) {
    const last = runs[runs.length - 1];
    const tableLike = l.from !== 'grid' && l.cells.length >= 2;
    if (!tableLike) {
      runs.push([]);
      continue;
    }
    if (last && last.length && last[0].from === l.from && last[0].table === l.table) last.push(l);
    else runs.push([l]);
  }
  for (const run of runs) {
    const numeric = run.filter((l) => l.cells.some(isNumberCell));
    if (numeric.length < 3) continue;
    const h = mean(numeric.flatMap((l) => l.cells.filter(isNumberCell).map((c) => c.box[3] - c.box[1])));
    const groups = clusterGroups(
      numeric.flatMap((l) => l.cells.filter(isNumberCell).map(centre)),
      0.9 * h,
    );
    // The columns seen in several rows, and those the fullest rows agree on: a column left blank in
    // most rows still has its number there, and columns narrower than a number and a half (whose
    // centres chain into one group) stay apart.
    const seen = groups.filter((g) => g.length >= Math.max(2, 0.3 * numeric.length)).map(mean);
    const full = fullColumns(numeric);
    const columns = full ? withOthers(full, seen) : seen;
    if (columns.length < 2) continue;
    const spacing = Math.min(...columns.slice(1).map((x, i) => x - columns[i]));
    // Numbers of neighbouring columns run together ("31933" for 319 and 33): cut where each piece is
    // centred in a column, and read unsurely.
    const bounds = [columns[0] - spacing, ...columns.slice(1).map((x, i) => (x + columns[i]) / 2), columns[columns.length - 1] + spacing];
    for (const l of numeric) {
      l.cells = l.cells.flatMap((c) => {
        if (!isNumberCell(c) || c.box[2] - c.box[0] < 1.3 * spacing || c.rects.length !== c.text.length) return [c];
        const glyphs: Glyph[] = [...c.text].map((ch, k) => ({ ch, rect: c.rects[k], cx: (c.rects[k][0] + c.rects[k][2]) / 2, cy: (c.rects[k][1] + c.rects[k][3]) / 2, h: c.rects[k][3] - c.rects[k][1], item: 0, spaced: false }));
        const pieces = splitByColumns(glyphs, bounds);
        return pieces.map((p) => ({ text: p.glyphs.map((g) => g.ch).join(''), rects: p.glyphs.map((g) => g.rect), box: union(p.glyphs.map((g) => g.rect)), unsure: true }));
      });
    }
    for (const l of numeric) {
      const nums = l.cells.filter(isNumberCell);
      const at = nums.map((c) => columns.findIndex((x) => Math.abs(x - centre(c)) < 0.45 * spacing));
      if (at.some((k) => k < 0) || new Set(at).size !== at.length || nums.length === columns.length) continue;
      // The row's values start right of its labels: a text cell over a column is no blank.
      const firstValue = l.cells.indexOf(nums[0]);
      if (l.cells.slice(firstValue).some((c) => !isNumberCell(c))) continue;
      const labels = l.cells.slice(0, firstValue);
      const labelEnd = labels.length ? Math.max(...labels.map((c) => c.box[2])) : -Infinity;
      const [bottom, top] = [Math.min(...nums.map((c) => c.box[1])), Math.max(...nums.map((c) => c.box[3]))];
      const values = columns.flatMap((x, k) => {
        const have = at.indexOf(k);
        if (have >= 0) return [nums[have]];
        if (x - 0.3 * spacing < labelEnd) return [];
        return [{ text: '', rects: [], box: [x - 0.3 * spacing, bottom, x + 0.3 * spacing, top] as Rect }];
      });
      l.cells = [...labels, ...values];
    }
  }
}

/**
 * The value columns of a run of rows by its fullest rows: when two rows or more have the most
 * numbers (two or more) and their numbers stand one above the other (each number nearer to the
 * same number of the other rows than half the space between columns), the mean centres.
 */
function fullColumns(numeric: LaidLine[]): number[] | null {
  const nums = numeric.map((l) => l.cells.filter(isNumberCell).map(centre));
  const most = Math.max(...nums.map((n) => n.length));
  const fullest = nums.filter((n) => n.length === most);
  if (most < 2 || fullest.length < 2) return null;
  const columns = range(0, most).map((k) => mean(fullest.map((n) => n[k])));
  const space = Math.min(...columns.slice(1).map((x, k) => x - columns[k]));
  return fullest.every((n) => n.every((x, k) => Math.abs(x - columns[k]) < 0.45 * space)) ? columns : null;
}

/** Columns, and other columns standing clear of them (farther than ¾ of the least space between them: no mean of two of them), sorted. */
function withOthers(columns: number[], others: number[]): number[] {
  const space = Math.min(...columns.slice(1).map((x, k) => x - columns[k]));
  return [...columns, ...others.filter((x) => columns.every((c) => Math.abs(c - x) > 0.75 * space))].sort((a, b) => a - b);
}

/** Values within `tol` of their neighbour as groups, sorted. */
function clusterGroups(values: number[], tol: number): number[][] {
  const out: number[][] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out;
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
/** Two rows of ruled tables with the same value columns (the rule lines from the right agree; a column spanned from above may be missing on one side). */
const sameColumns = (a: LaidLine, b: LaidLine) => {
  if (!a.xs || !b.xs) return false;
  const n = Math.min(a.xs.length, b.xs.length);
  const [ra, rb] = [[...a.xs].reverse(), [...b.xs].reverse()];
  return n >= 4 && ra.slice(0, n).every((x, i) => Math.abs(x - rb[i]) <= 2.5);
};

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
  let flowHead: Set<string> | null = null;
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
    // A table without rules or tags goes on: its header rows printed again are dropped.
    if (flowHead && i === 0) while (body[i] && body[i].from === 'flow' && !hasNumber(body[i]) && flowHead.has(lineText(body[i]))) i++;
    out.push(...body.slice(i));
    flowHead = tableHeadOf(out);
    const tail = body[body.length - 1];
    if (tail && tail.from !== 'flow') {
      const rows = body.filter((l) => l.table === tail.table && l.from === tail.from);
      // The header is what the table started with on its first page (or after a dropped repeat).
      const head: LaidLine[] = open && first && first.table === tail.table && first.from === tail.from && i > 0 ? open.head : rows.slice(0, rows.findIndex(hasNumber) < 0 ? 0 : rows.findIndex(hasNumber));
      open = { head, last: out[out.length - 1] };
    } else open = null;
  }
  const joined = withWrappedLabels(out);
  withBlankCells(joined);
  return joined;
}

/**
 * When the text so far ends inside a table laid out by position (its last line has numbers): the
 * texts of that table's header lines (lines of several cells without numbers, above its first row
 * of numbers), which the next page may print again.
 */
function tableHeadOf(lines: LaidLine[]): Set<string> | null {
  // The text ends in a row of numbers, or in the pieces of a label wrapped below one.
  let end = lines.length - 1;
  while (end >= 0 && lines.length - end <= 8 && lines[end].from === 'flow' && !hasNumber(lines[end]) && lines[end].cells.length <= 2 && lines[end].cells.every((c) => c.text.length <= 12)) end--;
  const last = lines[end];
  if (!last || last.from !== 'flow' || !hasNumber(last)) return null;
  let k = end;
  while (k > 0 && lines[k - 1].from === 'flow' && (lines[k - 1].cells.length >= 2 || hasNumber(lines[k - 1]) || lines[k - 1].cells[0].text.length <= 12)) k--;
  const head = new Set<string>();
  for (let j = k; j < lines.length && !hasNumber(lines[j]); j++) head.add(lineText(lines[j]));
  // A header of several cells: not a lone heading line above a table.
  return [...head].some((t) => t.includes('\t')) ? head : null;
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
  return texts.length >= 1 && texts.length <= 2;
}

function joinRows(prev: LaidLine, next: LaidLine): LaidLine {
  const cols = new Map<number, LaidCell>();
  // Columns counted from the right: a column spanned from above (its rule absent) may be missing on one page.
  const key = (c: LaidCell, i: number, l: LaidLine) => (c.col != null && l.xs ? c.col - l.xs.length : i);
  prev.cells.forEach((c, i) => cols.set(key(c, i, prev), { ...c, rects: [...c.rects] }));
  next.cells.forEach((c, i) => {
    const k = key(c, i, next);
    const have = cols.get(k);
    if (!have) cols.set(k, c);
    else if (c.text) cols.set(k, { text: have.text + c.text, rects: [...have.rects, ...c.rects], box: have.text ? have.box : c.box, col: have.col, ...(have.unsure || c.unsure ? { unsure: true } : {}) });
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
  // Anchors of text from cells we pieced together: their tokens are not read surely.
  const unsure = new WeakSet<Anchor>();
  const at = (n: number) => {
    const line = lines[n];
    // Per character of the line's text: its box, or null for a tab; per cell: its span in the text.
    const rects: (Rect | null)[] = [];
    const spans: { start: number; end: number; box: Rect; unsure: boolean }[] = [];
    line.cells.forEach((c, i) => {
      if (i) rects.push(null);
      spans.push({ start: rects.length, end: rects.length + c.text.length, box: c.box, unsure: !!c.unsure });
      rects.push(...c.rects);
    });
    const lineBox = union(line.cells.map((c) => c.box));
    return (col: number, length: number): Anchor => {
      const mine = rects.slice(col, col + Math.max(length, 0)).filter((r): r is Rect => !!r);
      const span = spans.find((s) => col >= s.start && col <= s.end);
      const rect = mine.length ? union(mine) : (span?.box ?? lineBox);
      const anchor: Anchor = { kind: 'pdf', page: line.page, rect };
      const touches = (s: (typeof spans)[number]) => (length > 0 ? col < s.end && col + length > s.start : col >= s.start && col <= s.end);
      if (length < texts[n].length && spans.some((s) => s.unsure && touches(s))) unsure.add(anchor);
      return anchor;
    };
  };
  const read = readLines(texts, at);
  for (const l of read) for (const t of l.tokens) if (unsure.has(t.anchor)) t.confident = false;
  return { lines: read };
}

/** A PDF whose pages hold (almost) no text is a scan: pictures of pages, for OCR. */
export function isScanned(pages: Pages): boolean {
  const all = asPages(pages);
  const chars = all.reduce((a, p) => a + p.items.reduce((b, i) => b + i.str.trim().length, 0), 0);
  return chars < 20 * Math.max(1, all.length);
}
