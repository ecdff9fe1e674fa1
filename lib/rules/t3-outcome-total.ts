// Each column of table 三: （七）总计 = the sum of all outcome rows (spec §3.4 identity 3).
import type { Rule } from '../findings';
import { formats } from '../spec';
import { byRow, checkSum, whereCol } from './arith';

export const t3OutcomeTotal: Rule = {
  id: 't3-outcome-total',
  run(report) {
    const t3 = report.tables.t3;
    if (!t3.found || !t3.layout) return [];
    const format = formats[t3.layout];
    const identity = format.identities.find((i) => i.kind === 'column-sum');
    if (identity?.kind !== 'column-sum') return [];
    const detailKeys = format.t3.rows.filter((r) => r.role === identity.partsRole).map((r) => r.key);
    // A detail row we could not find makes every column sum unknowable: table-unreadable says so.
    if (detailKeys.some((k) => !t3.rows[k]) || !t3.rows[identity.total]) return [];
    return format.t3.columns.flatMap((col) => {
      const at = (rowKey: string) => t3.rows[rowKey].cells.find((c) => c.ref.col === col.key)!;
      const total = at(identity.total);
      const f = checkSum('t3-outcome-total', whereCol(total), detailKeys.map((k) => byRow(at(k))), byRow(total));
      return f ? [f] : [];
    });
  },
};
