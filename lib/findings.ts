// Findings: what the rules report. The JSON shape is a public contract (see README).
import type { HistoryRecord } from './history/model';
import type { Anchor } from './model';
import type { CellRead, Report, TableId } from './parse/types';

export const RULE_IDS = [
  'section-missing',
  'section-heading-variant',
  'table-missing',
  'table-unreadable',
  't3-row-total',
  't3-outcome-total',
  't3-balance',
  't4-block-total',
  'total-blank',
  'cell-blank',
  'cell-invalid',
  'row-length',
  'label-variant',
  'format-mismatch',
  'stat-period',
  'text-table',
  'cross-year-carryover',
  'cross-year-in-force',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type Severity = 'error' | 'warning' | 'info';

export interface Text {
  zh: string;
  en: string;
}

export interface FindingCell {
  table: TableId;
  row: string | null;
  col: string | null;
  value: number | null;
  anchor?: Anchor;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: Text;
  cells: FindingCell[];
  expected: number | null;
  actual: number | null;
  /** For findings about a section (or a table of a section). */
  section?: number;
  /** Where to mark a finding that has no cell: a heading, a table, the place a section should stand. */
  anchor?: Anchor;
  /** The rows a finding repeated row after row stands for (one finding listing them). */
  rows?: string[];
  /** For a missing section: mark just before (or after) the anchor, between its neighbours. */
  where?: 'before' | 'after';
}

/** What a rule may know besides the report. */
export interface RuleContext {
  /** The same body's report of the year before, from the history (lib/history). */
  previous?: HistoryRecord;
}

export interface Rule {
  id: RuleId;
  /** Report-level rules (sections, template) do not apply to a table read on its own (a picture). */
  scope?: 'report';
  /** Compares with last year's report: runs (again) when one is given (check.ts historyStep). */
  needs?: 'previous';
  run(report: Report, context?: RuleContext): Finding[];
}

export const toFindingCell = (c: CellRead): FindingCell => ({ table: c.ref.table, row: c.ref.row, col: c.ref.col, value: c.value, anchor: c.anchor });

export function finding(rule: RuleId, severity: Severity, message: Text, extra: Partial<Finding> = {}): Finding {
  return { rule, severity, message, cells: [], expected: null, actual: null, ...extra };
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const countBySeverity = (findings: Finding[]) => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  infos: findings.filter((f) => f.severity === 'info').length,
});
