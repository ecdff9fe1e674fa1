// One page of a PDF as lib/read/pdf.ts reads it: its text items, its ruling lines (from the operator
// list, under the graphics state's transformation matrix) and, in a tagged PDF, the cells of its
// tables (structure tree + marked content). The same code in Node and in the viewer: it uses only the
// page object's API and imports nothing of pdf.js (each side loads pdf.js its own way).
import type { PdfItem, PdfPage, PdfRule, PdfStructTable } from './pdf';

/** The parts of pdf.js's PDFPageProxy this module uses. */
export interface PdfPageApi {
  view: number[];
  getTextContent(opts?: { includeMarkedContent?: boolean }): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  getStructTree(): Promise<unknown>;
}

/**
 * pdf.js's operator numbers (`OPS` of pdfjs-dist 5.4; stable across 4.x–6.x). The viewer may pass its
 * own `pdfjsLib.OPS` instead.
 */
export const PDF_OPS = {
  setLineWidth: 2,
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintImageXObjectRepeat: 88,
  constructPath: 91,
};
export type PdfOps = typeof PDF_OPS;

/** The page's items, rules, tagged tables and pictures. Never throws for a part it cannot get (rules or structure left out). */
export async function extractPage(page: PdfPageApi, pageNumber: number, ops: PdfOps = PDF_OPS): Promise<PdfPage> {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const { items, contentIds } = textItems(content.items);
  const view = [page.view[0], page.view[1], page.view[2], page.view[3]] as [number, number, number, number];
  let rules: PdfRule[] | undefined;
  let images: [number, number, number, number][] | undefined;
  try {
    const list = await page.getOperatorList();
    ({ rules, images } = pageGraphics(list.fnArray, list.argsArray, ops));
  } catch {
    // Without rules the page is read by the text's geometry alone.
  }
  let struct: PdfStructTable[] | undefined;
  if (contentIds.size) {
    try {
      struct = structTables(await page.getStructTree(), contentIds);
    } catch {
      // An unreadable structure tree: geometry only.
    }
  }
  return { page: pageNumber, view, items, ...(rules ? { rules } : {}), ...(images?.length ? { images } : {}), ...(struct?.length ? { struct } : {}) };
}

interface RawTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  type?: string;
  id?: string;
}

/** Text items in PDF user space, each with the marked-content id it stands in (tagged PDFs). */
function textItems(raw: unknown[]): { items: PdfItem[]; contentIds: Map<string, number[]> } {
  const items: PdfItem[] = [];
  const contentIds = new Map<string, number[]>();
  const open: (string | null)[] = [];
  for (const r of raw as RawTextItem[]) {
    if (r.type === 'beginMarkedContentProps' || r.type === 'beginMarkedContent') {
      open.push(r.id ?? null);
      continue;
    }
    if (r.type === 'endMarkedContent') {
      open.pop();
      continue;
    }
    if (r.str == null || !r.transform) continue;
    const t = r.transform;
    const id = [...open].reverse().find((x) => x != null) ?? null;
    if (id && r.str.trim()) {
      const list = contentIds.get(id) ?? [];
      list.push(items.length);
      contentIds.set(id, list);
    }
    items.push({ str: r.str, x: t[4], y: t[5], w: r.width ?? 0, h: Math.hypot(t[2], t[3]) });
  }
  return { items, contentIds };
}

/** A PDF transformation matrix [a, b, c, d, e, f]. */
export type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** m × n: the transform n applied inside m (a `cm` operator after the current CTM). */
export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface GState {
  ctm: Matrix;
  lineWidth: number;
  stroke: string;
  fill: string;
}

/** A colour light enough to be paper (white cell backgrounds, the page's own white box): no ink. */
function isPaper(color: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(color);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 235;
}

/** The thickest filled box that is still a rule (Chromium and Word draw borders as thin filled boxes). */
const RULE_MAX = 2.5;

/**
 * Axis-aligned ruling segments and picture boxes of a page, in PDF user space. Stroked lines; filled
 * boxes thinner than RULE_MAX as their centre line; the edges of larger coloured boxes (cell shading).
 */
export function pageGraphics(fnArray: number[], argsArray: unknown[][], ops: PdfOps = PDF_OPS): { rules: PdfRule[]; images: [number, number, number, number][] } {
  const rules: PdfRule[] = [];
  const images: [number, number, number, number][] = [];
  let gs: GState = { ctm: IDENTITY, lineWidth: 1, stroke: '#000000', fill: '#000000' };
  const stack: GState[] = [];
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] ?? [];
    if (fn === ops.save) stack.push({ ...gs });
    else if (fn === ops.restore) gs = stack.pop() ?? gs;
    else if (fn === ops.transform) gs = { ...gs, ctm: multiply(gs.ctm, args as Matrix) };
    else if (fn === ops.setLineWidth) gs = { ...gs, lineWidth: Number(args[0]) || 0 };
    else if (fn === ops.setStrokeRGBColor) gs = { ...gs, stroke: String(args[0]) };
    else if (fn === ops.setFillRGBColor) gs = { ...gs, fill: String(args[0]) };
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ...gs });
      const m = args[0] as Matrix | null;
      if (m && m.length === 6) gs = { ...gs, ctm: multiply(gs.ctm, Array.from(m) as Matrix) };
    } else if (fn === ops.paintFormXObjectEnd) gs = stack.pop() ?? gs;
    else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintImageXObjectRepeat) {
      const corners = [apply(gs.ctm, 0, 0), apply(gs.ctm, 1, 1)];
      images.push([Math.min(corners[0][0], corners[1][0]), Math.min(corners[0][1], corners[1][1]), Math.max(corners[0][0], corners[1][0]), Math.max(corners[0][1], corners[1][1])]);
    } else if (fn === ops.constructPath) {
      const paint = Number(args[0]);
      const path = (args[1] as unknown[] | undefined)?.[0];
      if (!path || typeof (path as ArrayLike<number>).length !== 'number') continue;
      const subpaths = pathPoints(path as ArrayLike<number>, gs.ctm);
      if (strokeOps.has(paint) && !isPaper(gs.stroke)) {
        const width = gs.lineWidth * Math.hypot(gs.ctm[0], gs.ctm[1]) || 0.5;
        for (const pts of subpaths) for (let k = 1; k < pts.length; k++) pushSegment(rules, pts[k - 1], pts[k], width);
      }
      if (fillOps.has(paint) && !isPaper(gs.fill)) for (const pts of subpaths) filledBox(rules, pts);
    }
  }
  return { rules, images };
}

/** The points of each subpath (curves by their end points: rules are straight). */
function pathPoints(path: ArrayLike<number>, ctm: Matrix): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < path.length; ) {
    const op = path[i++];
    if (op === 0) {
      if (cur.length) out.push(cur);
      cur = [apply(ctm, path[i], path[i + 1])];
      i += 2;
    } else if (op === 1) {
      cur.push(apply(ctm, path[i], path[i + 1]));
      i += 2;
    } else if (op === 2) {
      cur.push(apply(ctm, path[i + 4], path[i + 5]));
      i += 6;
    } else if (op === 3) {
      cur.push(apply(ctm, path[i + 2], path[i + 3]));
      i += 4;
    } else if (op === 4) {
      if (cur.length) cur.push(cur[0]);
    } else break;
  }
  if (cur.length) out.push(cur);
  return out;
}

function pushSegment(rules: PdfRule[], a: [number, number], b: [number, number], width: number) {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dx < 0.5 && dy > 1) rules.push({ x1: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), x2: (a[0] + b[0]) / 2, y2: Math.max(a[1], b[1]), w: width });
  else if (dy < 0.5 && dx > 1) rules.push({ x1: Math.min(a[0], b[0]), y1: (a[1] + b[1]) / 2, x2: Math.max(a[0], b[0]), y2: (a[1] + b[1]) / 2, w: width });
}

/** A filled axis-aligned box: a rule when thin, its four edges when a larger coloured box. */
function filledBox(rules: PdfRule[], pts: [number, number][]) {
  if (pts.length < 4) return;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Only boxes (four corners, closed or not): every point on an edge of the bounding box.
  const onEdge = ([x, y]: [number, number]) => Math.abs(x - x1) < 0.5 || Math.abs(x - x2) < 0.5 || Math.abs(y - y1) < 0.5 || Math.abs(y - y2) < 0.5;
  if (pts.length > 6 || !pts.every(onEdge)) return;
  const w = x2 - x1;
  const h = y2 - y1;
  if (w < 0.05 && h < 0.05) return;
  if (h <= RULE_MAX && w > h) rules.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2, w: h });
  else if (w <= RULE_MAX && h > w) rules.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2, w });
  else {
    rules.push({ x1, y1, x2, y2: y1, w: 0 }, { x1, y1: y2, x2, y2, w: 0 }, { x1, y1, x2: x1, y2, w: 0 }, { x1: x2, y1, x2, y2, w: 0 });
  }
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** The tables of a tagged page: rows (TR) of cells (TD/TH), each cell the indices of its text items. */
export function structTables(tree: unknown, contentIds: Map<string, number[]>): PdfStructTable[] {
  const tables: PdfStructTable[] = [];
  const itemsOf = (n: StructNode): number[] => (n.type === 'content' && n.id ? (contentIds.get(n.id) ?? []) : (n.children ?? []).flatMap(itemsOf));
  const rowsOf = (n: StructNode): StructNode[] => (n.children ?? []).flatMap((c) => (c.role === 'TR' ? [c] : c.role && /^(THead|TBody|TFoot)$/.test(c.role) ? rowsOf(c) : []));
  const walk = (n: StructNode) => {
    if (n.role === 'Table') {
      const rows = rowsOf(n).map((tr) => ({ cells: (tr.children ?? []).filter((c) => c.role === 'TD' || c.role === 'TH').map((c) => ({ items: itemsOf(c), header: c.role === 'TH' })) }));
      if (rows.length) tables.push({ rows });
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  if (tree && typeof tree === 'object') walk(tree as StructNode);
  return tables;
}
