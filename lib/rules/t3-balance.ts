// The identity printed in table 三: 第一项 + 第二项 = 第三项（七）总计 + 第四项, in every column (spec §3.4 identity 1).
import type { Rule } from '../findings';
import { formats } from '../spec';
import { byRow, checkBalance, whereCol } from './arith';

export const t3Balance: Rule = {
  id: 't3-balance',
  run(report) {
    const t3 = report.tables.t3;
    if (!t3.found) return [];
    const format = formats[t3.layout ?? '2021'];
    const identity = format.identities.find((i) => i.kind === 'column-balance');
    if (identity?.kind !== 'column-balance') return [];
    const keys = [...identity.left, ...identity.right];
    if (keys.some((k) => !t3.rows[k])) return [];
    return format.t3.columns.flatMap((col) => {
      const at = (rowKey: string) => t3.rows[rowKey].cells.find((c) => c.ref.col === col.key)!;
      const f = checkBalance('t3-balance', whereCol(at(keys[0])), identity.left.map((k) => byRow(at(k))), identity.right.map((k) => byRow(at(k))));
      return f ? [f] : [];
    });
  },
};
