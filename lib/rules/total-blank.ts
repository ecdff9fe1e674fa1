// A total left blank while its parts are not all zero (spec §7 E2): the reader cannot see the total.
import { finding, toFindingCell, type Rule } from '../findings';
import { cellName } from './names';
import { totalsOf } from './totals';

export const totalBlank: Rule = {
  id: 'total-blank',
  run(report) {
    const seen = new Set<string>();
    return totalsOf(report).flatMap(({ total, parts }) => {
      const key = `${total.ref.table}.${total.ref.row}.${total.ref.col}`;
      if (total.state !== 'blank' || seen.has(key)) return [];
      const nonZero = parts.filter((p) => p.state === 'number' && p.value !== 0);
      if (nonZero.length === 0) return [];
      seen.add(key);
      const sum = parts.reduce((a, p) => a + (p.value ?? 0), 0);
      const sure = total.confident && nonZero.every((p) => p.confident);
      return [
        finding(
          'total-blank',
          sure ? 'error' : 'warning',
          {
            zh: `${cellName(total.ref, 'zh')}为空白，但其分项合计为 ${sum}（${nonZero.map((p) => `${cellName(p.ref, 'zh')} ${p.value}`).join('、')}）`,
            en: `${cellName(total.ref, 'en')} is blank, but its parts add up to ${sum} (${nonZero.map((p) => `${cellName(p.ref, 'en')} ${p.value}`).join('; ')})`,
          },
          { cells: [...parts, total].map(toFindingCell), expected: sum, actual: null },
        ),
      ];
    });
  },
};
