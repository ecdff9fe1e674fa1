// One audit's rows: what the inspector's desk keeps of each report checked (never the page body),
// the same on the audit page and on the command line, and what every export is made from.
import { countBySeverity, type CheckResult } from '../check';
import type { Finding, RuleId, Severity, Text } from '../findings';
import { agencyFromTitle } from '../history/agency';
import type { SourceDoc } from '../model';
import { hashText, readHash, reviewKeyOf } from '../review/keys';
import type { TableId } from '../parse/types';

/** queued → running → done | not-report | failed; cancelled when the user stopped the audit first. */
export type RowState = 'queued' | 'running' | 'done' | 'not-report' | 'failed' | 'cancelled';

export interface AuditCell {
  table: TableId;
  row: string | null;
  col: string | null;
  value: number | null;
}

export interface AuditFinding {
  /** Stable for the same finding of the same report read again: the key of its review. */
  key: string;
  rule: RuleId;
  severity: Severity;
  message: Text;
  /** Where it stands: the cell its badge stands on (the last, usually the total); null for a section. */
  table: TableId | null;
  row: string | null;
  col: string | null;
  section: number | null;
  expected: number | null;
  actual: number | null;
  cells: AuditCell[];
}

export interface AuditRow {
  /** As the user gave it: a URL, or a local file's name. */
  input: string;
  /** The address after redirects (the report opened from the row), or null for a local file. */
  url: string | null;
  state: RowState;
  /** Why a row failed or is not a report, in both languages. */
  why: Text | null;
  title: string | null;
  agency: string | null;
  year: number | null;
  format: string | null;
  errors: number;
  warnings: number;
  infos: number;
  findings: AuditFinding[];
  notices: Text[];
  /** A hash of the content read: a review made on other content says it may be stale. */
  hash: string | null;
  /** Failed for want of host access to this origin pattern ("https://example.org/*"): the page asks once per site. */
  needsAccess?: string | null;
  /** A PDF or Word file (it opens in our viewer), not a page. */
  file?: boolean;
  /** A list page of reports (not a report itself): the report links found on it, for the user to tick. */
  links?: { url: string; text: string; kind: 'page' | 'pdf' | 'word' | 'other'; year: number | null }[];
  /** What the cross-year rules compared this report with, or why nothing (CrossYear.note of lib/history/chain.ts). */
  compared?: Text | null;
}

/** A finding's identity within its report: rule, section and cells (not the message: wording changes). */
export const findingKey = (f: Pick<Finding, 'rule' | 'section' | 'cells' | 'rows'>) => reviewKeyOf(f);

export function auditFindingOf(f: Finding): AuditFinding {
  const at = f.cells[f.cells.length - 1];
  return {
    key: findingKey(f),
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    table: at?.table ?? null,
    row: at?.row ?? null,
    col: at?.col ?? null,
    section: f.section ?? null,
    expected: f.expected,
    actual: f.actual,
    cells: f.cells.map((c) => ({ table: c.table, row: c.row, col: c.col, value: c.value })),
  };
}

/** The command line's `detected`: a report, or a table read on its own (a picture). */
export const isDetected = (r: CheckResult) => r.detection.isReport || Object.values(r.report?.tables ?? {}).some((t) => t.found);

const NOT_REPORT: Text = { zh: '未检测到政府信息公开工作年度报告', en: 'No government information-disclosure annual report was detected' };

export function auditRowOf(input: string, result: CheckResult, extra: { url?: string | null; hash?: string | null } = {}): AuditRow {
  const r = result.report;
  const detected = isDetected(result);
  const counts = countBySeverity(result.findings);
  return {
    input,
    url: extra.url ?? null,
    state: detected ? 'done' : 'not-report',
    why: detected ? null : NOT_REPORT,
    title: r?.title ?? null,
    agency: agencyFromTitle(r?.title)?.name ?? null,
    year: r?.year ?? null,
    format: r?.format ?? null,
    errors: counts.errors,
    warnings: counts.warnings,
    infos: counts.infos,
    findings: detected ? result.findings.map(auditFindingOf) : [],
    notices: result.notices,
    hash: extra.hash ?? null,
  };
}

export const pendingRow = (input: string): AuditRow => ({
  input,
  url: null,
  state: 'queued',
  why: null,
  title: null,
  agency: null,
  year: null,
  format: null,
  errors: 0,
  warnings: 0,
  infos: 0,
  findings: [],
  notices: [],
  hash: null,
});

export const failedRow = (input: string, why: Text, url: string | null = null): AuditRow => ({ ...pendingRow(input), url, state: 'failed', why });

/** A short hash of the content read (lib/review/keys.ts: the page's UI makes the same without the engine). */
export const contentHash = hashText;

/** The hash of what was read of a report: its lines, table rows included (what the rules saw). */
export const sourceHash = (doc: SourceDoc) => readHash(doc);
