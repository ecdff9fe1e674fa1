// A total left blank while its parts are not all zero (spec §7 E2): the reader cannot see the total.
// Totals of one column left blank row after row (Shanghai 2019: every 总计 of the outcome rows) are
// one finding listing each row with the sum its parts give.
import { finding, toFindingCell, type Finding, type Rule } from '../findings';
import type { TotalOf } from './totals';
import { cellName, colName, rowName, tableEn, tableZh } from './names';
import { totalsOf } from './totals';

interface Blank extends TotalOf {
  sum: number;
  nonZero: TotalOf['parts'];
}

const sure = (b: Blank) => b.total.confident && b.nonZero.every((p) => p.confident);

function single(b: Blank): Finding {
  const { total, parts, sum, nonZero } = b;
  return finding(
    'total-blank',
    sure(b) ? 'error' : 'warning',
    {
      zh: `${cellName(total.ref, 'zh')}为空白，但其分项合计为 ${sum}（${nonZero.map((p) => `${cellName(p.ref, 'zh')} ${p.value}`).join('、')}）`,
      en: `${cellName(total.ref, 'en')} is blank, but its parts add up to ${sum} (${nonZero.map((p) => `${cellName(p.ref, 'en')} ${p.value}`).join('; ')})`,
    },
    { cells: [...parts, total].map(toFindingCell), expected: sum, actual: null },
  );
}

function grouped(group: Blank[]): Finding {
  const ref = group[0].total.ref;
  const byRow = group[0].parts[0]?.ref.row === ref.row;
  // Row totals (总计 of each row) are named by row; column totals by column.
  const name = (b: Blank, lang: 'zh' | 'en') => (byRow ? rowName(b.total.ref, lang) : colName(b.total.ref, lang));
  const what = byRow ? { zh: `「${colName(ref, 'zh')}」`, en: colName(ref, 'en') } : { zh: `「${rowName(ref, 'zh')}」`, en: rowName(ref, 'en') };
  return finding(
    'total-blank',
    group.every(sure) ? 'error' : 'warning',
    {
      zh: `${tableZh(ref.table)}有 ${group.length} 处${what.zh}为空白，但其分项合计不为 0：${group.map((b) => `${name(b, 'zh')} ${b.sum}`).join('；')}`,
      en: `${tableEn(ref.table)}: ${what.en} is blank in ${group.length} places whose parts do not add up to 0: ${group.map((b) => `${name(b, 'en')} ${b.sum}`).join('; ')}`,
    },
    { cells: group.flatMap((b) => [...b.parts, b.total]).map(toFindingCell), expected: null, actual: null, rows: group.map((b) => (byRow ? b.total.ref.row! : b.total.ref.col!)) },
  );
}

export const totalBlank: Rule = {
  id: 'total-blank',
  run(report) {
    const seen = new Set<string>();
    const groups = new Map<string, Blank[]>();
    for (const t of totalsOf(report)) {
      const key = `${t.total.ref.table}.${t.total.ref.row}.${t.total.ref.col}`;
      if (t.total.state !== 'blank' || seen.has(key)) continue;
      const nonZero = t.parts.filter((p) => p.state === 'number' && p.value !== 0);
      if (nonZero.length === 0) continue;
      seen.add(key);
      const sum = t.parts.reduce((a, p) => a + (p.value ?? 0), 0);
      const byRow = t.parts[0]?.ref.row === t.total.ref.row;
      const g = `${t.total.ref.table}|${byRow ? `col:${t.total.ref.col}` : `row:${t.total.ref.row}`}|${sure({ ...t, sum, nonZero })}`;
      groups.set(g, [...(groups.get(g) ?? []), { ...t, sum, nonZero }]);
    }
    return [...groups.values()].map((g) => (g.length === 1 ? single(g[0]) : grouped(g)));
  },
};
