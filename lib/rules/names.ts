// Human names of tables, rows and columns for messages, from the spec.
import { formats } from '../spec';
import type { CellRef } from '../parse/types';

const f21 = formats['2021'];
const f19 = formats['2019'];

const t3Rows = new Map<string, string>();
for (const r of [...f21.t3.rows, ...f19.t3.rows]) {
  const group = r.group ? f21.t3.groups.find((g) => g.key === r.group)?.label ?? '' : '';
  t3Rows.set(r.key, group ? `${group} ${r.label}` : r.label);
}
const t3Cols = new Map(f21.t3.columns.map((c) => [c.key, c.label]));
const t2Rows = new Map<string, string>();
const t2Cols = new Map<string, string>();
for (const f of [f21, f19])
  for (const st of f.t2.subtables) {
    for (const r of st.rows) if (!t2Rows.has(r.key)) t2Rows.set(r.key, r.label);
    for (const c of st.columns) if (!t2Cols.has(c.key)) t2Cols.set(c.key, c.label);
  }
const t4Blocks = new Map(f21.t4.blocks.map((b) => [b.key, b.label]));
const t4Cols = new Map(f21.t4.columns.map((c) => [c.key, c.label]));

const EN_T3_COLS: Record<string, string> = {
  natural: 'natural persons',
  commercial: 'businesses',
  research: 'research bodies',
  social: 'public-interest bodies',
  legal: 'legal-service bodies',
  other: 'other bodies',
  total: 'total',
};
const EN_T4: Record<string, string> = {
  review: 'administrative review',
  direct: 'lawsuits without review',
  'after-review': 'lawsuits after review',
  upheld: 'upheld',
  corrected: 'corrected',
  other: 'other result',
  pending: 'pending',
  total: 'total',
};

export const tableZh = (t: string) => `表${{ t2: '二', t3: '三', t4: '四' }[t] ?? t}`;
export const tableEn = (t: string) => `table ${{ t2: '2', t3: '3', t4: '4' }[t] ?? t}`;

/**
 * A template by its letter: 「国办公开办函〔2021〕30号」 in Chinese; in English its year and the
 * General Office's letter number, read from the same citation.
 */
export function templateName(format: string, lang: 'zh' | 'en'): string {
  const citation = formats[format as keyof typeof formats]?.citation;
  if (!citation) return format;
  if (lang === 'zh') return citation;
  const m = /〔(\d{4})〕(\d+)号/.exec(citation);
  return m ? `the ${m[1]} template (General Office of the State Council, letter [${m[1]}] No. ${m[2]})` : `the template "${citation}"`;
}

export function rowName(ref: CellRef, lang: 'zh' | 'en'): string {
  if (!ref.row) return '';
  if (ref.table === 't3') return lang === 'zh' ? `「${t3Rows.get(ref.row) ?? ref.row}」` : `row ${ref.row} ("${t3Rows.get(ref.row) ?? ''}")`;
  if (ref.table === 't2') return lang === 'zh' ? `「${t2Rows.get(ref.row) ?? ref.row}」` : `row "${t2Rows.get(ref.row) ?? ref.row}"`;
  return lang === 'zh' ? `「${t4Blocks.get(ref.row) ?? ref.row}」` : EN_T4[ref.row] ?? ref.row;
}

export function colName(ref: CellRef, lang: 'zh' | 'en'): string {
  if (!ref.col) return '';
  if (ref.table === 't3') return lang === 'zh' ? t3Cols.get(ref.col) ?? ref.col : EN_T3_COLS[ref.col] ?? ref.col;
  if (ref.table === 't2') return lang === 'zh' ? t2Cols.get(ref.col) ?? ref.col : `"${t2Cols.get(ref.col) ?? ref.col}"`;
  return lang === 'zh' ? t4Cols.get(ref.col) ?? ref.col : EN_T4[ref.col] ?? ref.col;
}

/** "表三「（一）予以公开」自然人" */
export function cellName(ref: CellRef, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return `${tableZh(ref.table)}${rowName(ref, 'zh')}${colName(ref, 'zh')}`;
  return [tableEn(ref.table), rowName(ref, 'en'), colName(ref, 'en')].filter(Boolean).join(', ');
}


/** Rows named in a finding that stands for several: all of them when few, the first three and a count when many. */
export function rowList(refs: CellRef[], lang: 'zh' | 'en'): string {
  const names = refs.map((r) => rowName(r, lang));
  if (names.length <= 5) return names.join(lang === 'zh' ? '、' : '; ');
  return lang === 'zh' ? `${names.slice(0, 3).join('、')} 等` : `${names.slice(0, 3).join('; ')} and ${names.length - 3} more`;
}
