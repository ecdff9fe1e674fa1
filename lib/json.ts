// The command line's JSON contract: one object per input.
import type { CheckResult } from './check';
import type { FindingJson } from './json-schema';
import type { RowRead, TableRead } from './parse/types';

export type Lang = 'zh' | 'en';

const values = (row: RowRead) => row.cells.map((c) => (c.state === 'number' ? c.value : null));

function rowsOf(table: TableRead): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const [k, row] of Object.entries(table.rows)) out[k] = values(row);
  return out;
}

export function toJson(input: string, result: CheckResult, lang: Lang = 'zh') {
  const r = result.report;
  return {
    input,
    // A picture of a table is checked as a table: found when one of its tables was read.
    detected: result.detection.isReport || Object.values(result.report?.tables ?? {}).some((t) => t.found),
    report: r
      ? {
          title: r.title,
          year: r.year,
          format: r.format,
          sections: r.sections.map((s) => ({ n: s.n, heading: s.heading, found: s.found })),
          tables: {
            t2: { rows: r.tables.t2.found ? rowsOf(r.tables.t2) : {} },
            t3: { rows: r.tables.t3.found ? rowsOf(r.tables.t3) : {} },
            t4: { cells: r.tables.t4.found && r.tables.t4.rows.cells ? values(r.tables.t4.rows.cells) : [] },
          },
        }
      : null,
    findings: result.findings.map(
      (f): FindingJson => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message[lang],
        cells: f.cells.map((c) => ({ table: c.table, row: c.row, col: c.col, value: c.value })),
        expected: f.expected,
        actual: f.actual,
        ...(f.section != null && f.cells.length === 0 ? { section: f.section } : {}),
        ...(f.rows ? { rows: f.rows } : {}),
      }),
    ),
  };
}
