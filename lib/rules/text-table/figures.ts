// The table figure a claim of the text speaks of: the cells, their names, their sum. A figure is
// only given when every cell of it was read with confidence: a claim is never held against a
// guess (a blank cell read for certain counts as 0, as the format's 「无则填 0」 means).
import type { ClaimRead, T2Action, T3Kind, T4Block } from '../../parse/claims';
import type { CellRead, Report, TableRead } from '../../parse/types';
import { formats, type FormatId } from '../../spec';
import { colName, rowName, tableEn, tableZh } from '../names';

export interface Part {
  /** "表三「（一）予以公开」总计" */
  zh: string;
  en: string;
  value: number;
  /** The cells to mark: the total, or the applicant columns when the total was left blank. */
  cells: CellRead[];
  /** The row's 总计 was left blank: the value is the sum of its applicant columns. */
  fromColumns?: boolean;
  /** For a row of table 三: its applicant columns, to tell when the text's number is one of them. */
  columns?: CellRead[];
}

export interface Figure {
  parts: Part[];
  value: number;
  /** The group the parts make up, when they are one category's sub-rows ("（三）不予公开"). */
  group?: { zh: string; en: string };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
const sure = (c: CellRead | undefined): c is CellRead => !!c && c.confident && (c.state === 'number' || c.state === 'blank');

function figure(parts: (Part | null)[], group?: Figure['group']): Figure | null {
  if (parts.some((p) => !p)) return null;
  const ps = parts as Part[];
  return { parts: ps, value: round(ps.reduce((a, p) => a + p.value, 0)), ...(group ? { group } : {}) };
}

/** A row of table 三 by its 总计; a 总计 left blank (上海 2019) by its applicant columns. */
function t3Row(t3: TableRead, key: string): Part | null {
  const row = t3.rows[key];
  const total = row?.cells.find((c) => c.ref.col === 'total');
  if (!row || !sure(total)) return null;
  const columns = row.cells.filter((c) => c.ref.col !== 'total');
  const name = { zh: `${tableZh('t3')}${rowName(total.ref, 'zh')}`, en: `${tableEn('t3')}, ${rowName(total.ref, 'en')}` };
  if (total.state === 'number') return { zh: `${name.zh}总计`, en: `${name.en}, total`, value: total.value!, cells: [total], columns: columns.filter(sure) };
  if (!columns.every(sure)) return null;
  const filled = columns.filter((c) => c.state === 'number');
  // Nothing filled in at all: the row says 0.
  if (!filled.length) return { zh: name.zh, en: name.en, value: 0, cells: [total] };
  return { zh: name.zh, en: name.en, value: round(filled.reduce((a, c) => a + c.value!, 0)), cells: filled, fromColumns: true, columns: filled };
}

const layoutOf = (t: TableRead): FormatId => t.layout ?? '2021';

/** The rows of an outcome category in the template the table follows ((六) is one row in 2019, three in 2021). */
function categoryRows(t3: TableRead, group: 'e' | 'f' | 'g' | 't'): string[] {
  return formats[layoutOf(t3)].t3.rows.filter((r) => ('group' in r && r.group === group) || r.key === group).map((r) => r.key);
}

const GROUP_OF: Partial<Record<T3Kind, 'e' | 'f' | 'g' | 't'>> = { refused: 'e', unavailable: 'f', unprocessed: 'g', 'other-outcome': 't' };
const GROUP_LABEL = { e: '（三）不予公开', f: '（四）无法提供', g: '（五）不予处理', t: '（六）其他处理' } as const;
const GROUP_EN = { e: 'not disclosed', f: 'cannot be provided', g: 'not processed', t: 'otherwise handled' } as const;

/**
 * Table 三: the rows a claim of each kind may mean, each alternative the sum of its rows, the
 * likeliest first. 「共受理…749件」 often counts the carried-over requests too (一 + 二); a loose
 * 「办理」 may mean the requests received as well as those answered.
 */
const T3_ROWS: Partial<Record<T3Kind, string[][]>> = {
  received: [['a'], ['a', 'b']],
  'carried-in': [['b']],
  handled: [['v']],
  carried: [['w']],
  open: [['c']],
  partial: [['d']],
  'open-partial': [['c', 'd']],
};

/** Table 三: the figure(s) a claim may mean, the likeliest first. */
function t3Figures(report: Report, claim: ClaimRead): Figure[] {
  const t3 = report.tables.t3;
  if (!t3.found) return [];
  const row = (k: string) => t3Row(t3, k);
  const kind = claim.kind as T3Kind;
  const alts: (Figure | null)[] = [];
  const rows = T3_ROWS[kind];
  if (rows) {
    for (const keys of [...rows, ...(kind === 'handled' && claim.loose ? T3_ROWS.received! : [])]) alts.push(figure(keys.map(row)));
  } else {
    // An outcome category: the sum of its rows' totals.
    const g = GROUP_OF[kind]!;
    const keys = categoryRows(t3, g);
    alts.push(figure(keys.map(row), keys.length > 1 ? { zh: `${tableZh('t3')}「${GROUP_LABEL[g]}」`, en: `${tableEn('t3')}, "${GROUP_EN[g]}"` } : undefined));
  }
  return alts.filter((f): f is Figure => !!f && f.parts.length > 0);
}

/** Table 四: a block's cell; 诉讼 is both lawsuit blocks. */
function t4Figures(report: Report, claim: ClaimRead): Figure[] {
  const t4 = report.tables.t4;
  if (!t4.found || !claim.block || !claim.col) return [];
  const blocks: Exclude<T4Block, 'suit'>[] = claim.block === 'suit' ? ['direct', 'after-review'] : [claim.block];
  const parts = blocks.map((b): Part | null => {
    const cell = t4.rows[b]?.cells.find((c) => c.ref.col === claim.col);
    if (!sure(cell)) return null;
    return { zh: `${tableZh('t4')}${rowName(cell.ref, 'zh')}${colName(cell.ref, 'zh')}`, en: `${tableEn('t4')}, ${rowName(cell.ref, 'en')}, ${colName(cell.ref, 'en')}`, value: cell.value ?? 0, cells: [cell] };
  });
  const f = figure(parts);
  return f ? [f] : [];
}

/** Table 二's column for a verb, in the template the table follows; none when that template has no such column. */
function t2Column(layout: FormatId, action: T2Action): string | null {
  if (layout === '2021') return ({ issued: 'issued', repealed: 'repealed', 'in-force': 'in-force', published: null } as const)[action];
  return ({ issued: 'made', published: 'published', repealed: null, 'in-force': null } as const)[action];
}

function t2Figures(report: Report, row: string, col: string | null): Figure[] {
  const t2 = report.tables.t2;
  if (!t2.found || !col) return [];
  const cell = t2.rows[row]?.cells.find((c) => c.ref.col === col);
  if (!sure(cell)) return [];
  const part: Part = { zh: `${tableZh('t2')}${rowName(cell.ref, 'zh')}${colName(cell.ref, 'zh')}`, en: `${tableEn('t2')}, ${rowName(cell.ref, 'en')}, ${colName(cell.ref, 'en')}`, value: cell.value ?? 0, cells: [cell] };
  return [{ parts: [part], value: part.value }];
}

/** The figures a claim may mean, the likeliest first; none when the tables cannot tell it for sure. */
export function figuresOf(report: Report, claim: ClaimRead): Figure[] {
  if (claim.kind === 't4') return t4Figures(report, claim);
  if (claim.kind === 't2') return claim.doc && claim.action ? t2Figures(report, claim.doc, t2Column(layoutOf(report.tables.t2), claim.action)) : [];
  // 本年收费金额（单位：万元） exists in the 2021 template only; the 2019 one counts fee items.
  if (claim.kind === 'fees') return layoutOf(report.tables.t2) === '2021' ? t2Figures(report, 'fees', 'amount') : [];
  return t3Figures(report, claim);
}

/** Which section a claim's figure is in: for grouping the finding with its table. */
export const sectionOf = (claim: ClaimRead) => (claim.kind === 't4' ? 4 : claim.kind === 't2' || claim.kind === 'fees' ? 2 : 3);
