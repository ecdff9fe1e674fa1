// Table 四, each of its three blocks: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (spec §3.5).
import type { Rule } from '../findings';
import { formats } from '../spec';
import { byCol, checkSum, whereRow } from './arith';

export const t4BlockTotal: Rule = {
  id: 't4-block-total',
  run(report) {
    const t4 = report.tables.t4;
    if (!t4.found) return [];
    const format = formats[report.format === '2019' ? '2019' : '2021'];
    const identity = format.identities.find((i) => i.kind === 'block-sum');
    if (identity?.kind !== 'block-sum') return [];
    return format.t4.blocks.flatMap((block) => {
      const row = t4.rows[block.key];
      if (!row) return [];
      const cell = (k: string) => row.cells.find((c) => c.ref.col === k)!;
      const total = cell(identity.total);
      const f = checkSum('t4-block-total', whereRow(total), identity.parts.map((k) => byCol(cell(k))), byCol(total));
      return f ? [f] : [];
    });
  },
};
