// The audit as an Excel workbook: sheet 「报告」 (one row per report) and sheet 「问题」 (the CSV's
// lines). Written by write-excel-file, loaded by import() only when exporting, so the audit page
// does not carry it until the user asks for a workbook. Its universal entry point makes a Blob in
// the browser and in Node (18+) alike.
import type { Text } from '../findings';
import { findingHeader, findingLines, FINDING_COLUMNS, type CellValue } from './csv';
import { stateLabel, type Lang } from './labels';
import type { AuditRow } from './model';
import type { RowReviews } from './review-types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const REPORT_COLUMNS = ['input', 'agency', 'title', 'year', 'format', 'state', 'errors', 'warnings', 'why'] as const;
const REPORT_HEADER: Record<(typeof REPORT_COLUMNS)[number], Text> = {
  input: { zh: '输入', en: 'input' },
  agency: { zh: '机关', en: 'agency' },
  title: { zh: '标题', en: 'title' },
  year: { zh: '年度', en: 'year' },
  format: { zh: '格式', en: 'format' },
  state: { zh: '状态', en: 'state' },
  errors: { zh: '错误', en: 'errors' },
  warnings: { zh: '警告', en: 'warnings' },
  why: { zh: '原因', en: 'why' },
};
const SHEET_NAMES: Record<'reports' | 'findings', Text> = { reports: { zh: '报告', en: 'Reports' }, findings: { zh: '问题', en: 'Findings' } };

/** Column widths in characters (a Chinese character is about two). */
const REPORT_WIDTHS = [40, 24, 48, 6, 8, 8, 6, 6, 40];
const FINDING_WIDTHS = [40, 24, 48, 6, 8, 22, 6, 8, 30, 14, 6, 6, 80, 16, 30];

export interface AuditSheet {
  name: string;
  header: string[];
  lines: CellValue[][];
  widths: number[];
}

/** The two sheets as plain data (what the workbook holds; also what its tests read back). */
export function auditSheets(rows: AuditRow[], reviews: (row: AuditRow) => RowReviews, lang: Lang = 'zh'): AuditSheet[] {
  const reports = rows.map((r) => [r.input, r.agency, r.title, r.year, r.format, stateLabel(r.state, lang), r.state === 'done' ? r.errors : null, r.state === 'done' ? r.warnings : null, r.why?.[lang] ?? null]);
  const findings = findingLines(rows, reviews, lang).map((l) => FINDING_COLUMNS.map((c) => l[c]));
  return [
    { name: SHEET_NAMES.reports[lang], header: REPORT_COLUMNS.map((c) => REPORT_HEADER[c][lang]), lines: reports, widths: REPORT_WIDTHS },
    { name: SHEET_NAMES.findings[lang], header: findingHeader(lang), lines: findings, widths: FINDING_WIDTHS },
  ];
}

/** Characters XML 1.0 cannot hold (a PDF's text may bring them): a workbook holding one does not open. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const cell = (v: CellValue) => (v == null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v.replace(NOT_XML, ''), type: String });

export async function auditWorkbook(rows: AuditRow[], reviews: (row: AuditRow) => RowReviews, lang: Lang = 'zh'): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const sheets = auditSheets(rows, reviews, lang).map((s) => ({
    sheet: s.name,
    data: [s.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })), ...s.lines.map((l) => l.map(cell))],
    columns: s.widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }));
  return writeXlsxFile(sheets).toBlob();
}
