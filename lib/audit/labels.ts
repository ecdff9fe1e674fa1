// The words every export of an audit uses (CSV, workbook, memo): the same severity, state, place and
// review wording everywhere, so that a row of the CSV, a line of the workbook and an entry of the
// memo read alike.
import type { Severity } from '../findings';
import { colName, rowName, tableEn, tableZh } from '../rules/names';
import type { AuditFinding, AuditRow, RowState } from './model';
import type { ShownReview, Verdict } from './review-types';

export type Lang = 'zh' | 'en';

/** In English the public ids themselves (as the JSON says them); in Chinese the words of the panel. */
const SEVERITY: Record<Severity, Record<Lang, string>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};
export const severityLabel = (s: Severity, lang: Lang) => SEVERITY[s][lang];

const STATE: Record<RowState, Record<Lang, string>> = {
  queued: { zh: '未核查', en: 'not checked' },
  running: { zh: '核查中', en: 'being checked' },
  done: { zh: '已核查', en: 'checked' },
  'not-report': { zh: '非年报', en: 'not a report' },
  failed: { zh: '失败', en: 'failed' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};
export const stateLabel = (s: RowState, lang: Lang) => STATE[s][lang];

const VERDICT: Record<Verdict, Record<Lang, string>> = {
  confirmed: { zh: '确认', en: 'confirmed' },
  excluded: { zh: '排除', en: 'excluded' },
};
export const verdictLabel = (v: Verdict, lang: Lang) => VERDICT[v][lang];

export const STALE: Record<Lang, string> = {
  zh: '报告内容在审核后已变化，审核意见可能已过时',
  en: 'the report changed after the review; the review may be stale',
};

/** 「确认」, or 「确认（…可能已过时）」 when the report read now is not the one reviewed. */
export const reviewLabel = (r: ShownReview | undefined, lang: Lang) =>
  !r ? '' : r.stale ? `${verdictLabel(r.verdict, lang)}${lang === 'zh' ? `（${STALE.zh}）` : ` (${STALE.en})`}` : verdictLabel(r.verdict, lang);

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 「第三部分」 / "section 3": where a finding about a section (not a cell) stands. */
export const sectionName = (n: number, lang: Lang) => (lang === 'zh' ? `第${NUMERALS[n] ?? n}部分` : `section ${n}`);

/** The table as the user reads it (表三), or the section for a finding about a section. */
export function tableOf(f: AuditFinding, lang: Lang): string {
  if (f.table) return lang === 'zh' ? tableZh(f.table) : tableEn(f.table);
  return f.section != null ? sectionName(f.section, lang) : '';
}

/** The row as the user reads it: 「（三）不予公开 3.…」 (the format's label, with its group). */
export const rowOf = (f: AuditFinding, lang: Lang) => (f.table && f.row ? rowName({ table: f.table, row: f.row, col: f.col }, lang) : '');

/** The column as the user reads it: 「商业企业」. */
export function colOf(f: AuditFinding, lang: Lang): string {
  if (!f.table || !f.col) return '';
  const name = colName({ table: f.table, row: f.row, col: f.col }, lang);
  return lang === 'zh' ? `「${name}」` : name;
}

/** The whole place in one phrase, for the memo: 表三「（七）总计」「总计」, or 第二部分. */
export function placeOf(f: AuditFinding, lang: Lang): string {
  const parts = [tableOf(f, lang), rowOf(f, lang), colOf(f, lang)].filter(Boolean);
  return parts.join(lang === 'zh' ? '' : ', ');
}

/** Where a report opens from: its address after redirects, else what the user gave. */
export const linkOf = (row: AuditRow) => row.url ?? row.input;
