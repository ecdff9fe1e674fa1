// Each row of table 三: 总计 = the six applicant columns (spec §3.4 identity 2).
import type { Rule } from '../findings';
import { formats } from '../spec';
import { byCol, checkSum, whereRow } from './arith';

export const t3RowTotal: Rule = {
  id: 't3-row-total',
  run(report) {
    const t3 = report.tables.t3;
    if (!t3.found) return [];
    const identity = formats[t3.layout ?? '2021'].identities.find((i) => i.kind === 'row-sum');
    if (identity?.kind !== 'row-sum') return [];
    return Object.values(t3.rows).flatMap((row) => {
      const cell = (k: string) => row.cells.find((c) => c.ref.col === k)!;
      const total = cell(identity.total);
      const f = checkSum('t3-row-total', whereRow(total), identity.parts.map((k) => byCol(cell(k))), byCol(total));
      return f ? [f] : [];
    });
  },
};
