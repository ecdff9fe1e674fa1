// The findings of an audit as CSV for Excel: UTF-8 with a BOM (without it Excel reads Chinese as
// GBK), CRLF line ends, one line per finding. A report with no finding line (failed, not a report,
// clean) and each notice of ours get a status line of their own, so that no input is silently
// missing: a status line has the rule and severity columns empty, a finding line never has.
import Papa from 'papaparse';
import type { Text } from '../findings';
import { linkOf, reviewLabel, rowOf, colOf, severityLabel, stateLabel, tableOf, type Lang } from './labels';
import type { AuditRow } from './model';
import type { RowReviews } from './review-types';

export type { Lang } from './labels';

export const FINDING_COLUMNS = ['input', 'agency', 'title', 'year', 'format', 'rule', 'severity', 'table', 'row', 'column', 'expected', 'actual', 'message', 'review', 'note'] as const;
export type FindingColumn = (typeof FINDING_COLUMNS)[number];

const HEADER: Record<FindingColumn, Text> = {
  input: { zh: '输入', en: 'input' },
  agency: { zh: '机关', en: 'agency' },
  title: { zh: '标题', en: 'title' },
  year: { zh: '年度', en: 'year' },
  format: { zh: '格式', en: 'format' },
  rule: { zh: '规则', en: 'rule' },
  severity: { zh: '级别', en: 'severity' },
  table: { zh: '表', en: 'table' },
  row: { zh: '行', en: 'row' },
  column: { zh: '列', en: 'column' },
  expected: { zh: '应为', en: 'expected' },
  actual: { zh: '实为', en: 'actual' },
  message: { zh: '说明', en: 'message' },
  review: { zh: '审核', en: 'review' },
  note: { zh: '备注', en: 'note' },
};

export const findingHeader = (lang: Lang) => FINDING_COLUMNS.map((c) => HEADER[c][lang]);

export type CellValue = string | number | null;
export type FindingLine = Record<FindingColumn, CellValue>;

const NOTHING_FOUND: Text = { zh: '未发现问题', en: 'nothing found' };
const NOTICE: Text = { zh: '未能核对', en: 'not checked' };

/** 【失败】why / [failed] why: a status line's message. */
const status = (label: string, why: string, lang: Lang) => (lang === 'zh' ? `【${label}】${why}` : `[${label}] ${why}`);

/**
 * Every line of the findings table, in the rows' order: a report's findings in the order the check
 * gives them (by section and table, then severity), then its notices. Shared by the CSV and the
 * workbook's 「问题」 sheet.
 */
export function findingLines(rows: AuditRow[], reviews: (row: AuditRow) => RowReviews, lang: Lang): FindingLine[] {
  const out: FindingLine[] = [];
  for (const row of rows) {
    const base = { input: row.input, agency: row.agency, title: row.title, year: row.year, format: row.format };
    const blank = { rule: null, severity: null, table: null, row: null, column: null, expected: null, actual: null, review: null, note: null };
    if (row.state !== 'done') {
      out.push({ ...base, ...blank, message: status(stateLabel(row.state, lang), row.why?.[lang] ?? '', lang) });
    } else if (row.findings.length === 0) {
      out.push({ ...base, ...blank, message: status(stateLabel(row.state, lang), NOTHING_FOUND[lang], lang) });
    }
    const shown = row.findings.length ? reviews(row) : {};
    for (const f of row.findings) {
      const r = shown[f.key];
      out.push({
        ...base,
        rule: f.rule,
        severity: severityLabel(f.severity, lang),
        table: tableOf(f, lang),
        row: rowOf(f, lang),
        column: colOf(f, lang),
        expected: f.expected,
        actual: f.actual,
        message: f.message[lang],
        review: reviewLabel(r, lang) || null,
        note: r?.note || null,
      });
    }
    for (const n of row.notices) out.push({ ...base, ...blank, message: status(NOTICE[lang], n[lang], lang) });
  }
  return out;
}

/**
 * A field Excel would run as a formula (= + - @, a tab or CR first) is written with a leading
 * apostrophe. papaparse's own default pattern stops at a line break (`.*$`), so a message of two
 * lines beginning with = would pass it: the first character alone decides here.
 */
const FORMULA = /^[=+\-@\t\r]/;

export function findingsCsv(rows: AuditRow[], reviews: (row: AuditRow) => RowReviews, lang: Lang = 'zh'): string {
  const lines = findingLines(rows, reviews, lang).map((l) => FINDING_COLUMNS.map((c) => l[c]));
  const body = Papa.unparse({ fields: findingHeader(lang), data: lines }, { newline: '\r\n', escapeFormulae: FORMULA });
  return `\uFEFF${body}\r\n`;
}
