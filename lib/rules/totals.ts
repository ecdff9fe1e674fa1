// Which cells are totals, and of which parts: derived from the identities in the spec.
import { formats } from '../spec';
import type { CellRead, Report } from '../parse/types';

export interface TotalOf {
  total: CellRead;
  parts: CellRead[];
}

export function totalsOf(report: Report): TotalOf[] {
  const out: TotalOf[] = [];
  const { t3, t4 } = report.tables;
  const format = formats[t3.layout ?? (report.format === '2019' ? '2019' : '2021')];
  for (const id of format.identities) {
    if (id.kind === 'row-sum' && t3.found) {
      for (const row of Object.values(t3.rows)) {
        const total = row.cells.find((c) => c.ref.col === id.total);
        if (total) out.push({ total, parts: row.cells.filter((c) => id.parts.includes(c.ref.col!)) });
      }
    }
    if (id.kind === 'column-sum' && t3.found && t3.rows[id.total]) {
      const details = format.t3.rows.filter((r) => r.role === id.partsRole && t3.rows[r.key]).map((r) => t3.rows[r.key]);
      for (const total of t3.rows[id.total].cells) {
        out.push({ total, parts: details.map((r) => r.cells.find((c) => c.ref.col === total.ref.col)!) });
      }
    }
    if (id.kind === 'block-sum' && t4.found) {
      for (const b of format.t4.blocks) {
        const row = t4.rows[b.key];
        const total = row?.cells.find((c) => c.ref.col === id.total);
        if (row && total) out.push({ total, parts: row.cells.filter((c) => id.parts.includes(c.ref.col!)) });
      }
    }
  }
  return out;
}
