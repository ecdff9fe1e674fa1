// What the running text says about table 三 should agree with the table (spec §5; real cases §7 E5:
// 洪泽区 2024 says 「受理政府信息公开申请 17 件」 while row 一 totals 95). The text may speak of a
// wider or narrower scope (the whole district, the office alone), so: a warning for a human look.
import { finding, toFindingCell, type Finding, type Rule } from '../findings';
import type { CellRead } from '../parse/types';
import { cellName } from './names';

const totalOf = (report: Parameters<Rule['run']>[0], row: string): CellRead | undefined => {
  const cell = report.tables.t3.rows[row]?.cells.find((c) => c.ref.col === 'total');
  return cell && cell.state === 'number' && cell.confident ? cell : undefined;
};

export const textTable: Rule = {
  id: 'text-table',
  scope: 'report',
  run(report) {
    const out: Finding[] = [];
    const a = totalOf(report, 'a');
    const b = totalOf(report, 'b');
    const w = totalOf(report, 'w');
    const seen = new Set<string>();
    for (const claim of report.claims) {
      const key = `${claim.kind}:${claim.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (claim.kind === 'received' && a) {
        // "共受理…749件" often counts the carried-over requests too (一 + 二).
        const withCarried = b ? a.value! + b.value! : null;
        if (claim.value === a.value || claim.value === withCarried) continue;
        const cells = b ? [a, b] : [a];
        out.push(
          finding(
            'text-table',
            'warning',
            {
              zh: `正文称「${claim.text}」，但${cellName(a.ref, 'zh')}为 ${a.value}${withCarried != null ? `（加上年结转为 ${withCarried}）` : ''}，相差 ${Math.abs(claim.value - a.value!)}；如统计口径不同（如仅指本机关或全辖区），请在正文中说明，请人工核对`,
              en: `The text says "${claim.text}", but ${cellName(a.ref, 'en')} is ${a.value}${withCarried != null ? ` (${withCarried} with the carried-over requests)` : ''}, a gap of ${Math.abs(claim.value - a.value!)}; if the text speaks of another scope (the office alone, the whole district), it should say so; please check by eye`,
            },
            { cells: cells.map(toFindingCell), expected: a.value, actual: claim.value, section: 3, anchor: claim.anchor },
          ),
        );
      } else if (claim.kind === 'carried' && w && claim.value !== w.value) {
        out.push(
          finding(
            'text-table',
            'warning',
            {
              zh: `正文称「${claim.text}」，但${cellName(w.ref, 'zh')}为 ${w.value}，相差 ${Math.abs(claim.value - w.value!)}，请人工核对`,
              en: `The text says "${claim.text}", but ${cellName(w.ref, 'en')} is ${w.value}, a gap of ${Math.abs(claim.value - w.value!)}; please check by eye`,
            },
            { cells: [toFindingCell(w)], expected: w.value, actual: claim.value, section: 3, anchor: claim.anchor },
          ),
        );
      }
    }
    return out;
  },
};
