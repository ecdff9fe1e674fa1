// What the running text says about the tables should agree with them (spec §5; real cases §7 E5:
// 洪泽区 2024 says 「受理政府信息公开申请 17 件」 while row 一 totals 95; 上海市政府办公厅 2019 says
// 「予以公开及部分公开258件」「无法提供265件」 while table 三 gives 275 and 337, and its outcomes add
// up to 716, not its own 「答复805件」). The text may speak of a wider or narrower scope (the whole
// district, the office alone), so: a warning for a human look, unless the text uses the table's own
// wording and every cell was read for sure. One finding per claim; a claim the table agrees with
// (in any of its readings) gives none.
import { finding, toFindingCell, type Finding, type Rule } from '../findings';
import type { ClaimRead } from '../parse/claims';
import { OUTCOMES } from '../parse/claims/lexicon';
import type { Report } from '../parse/types';
import { figuresOf, sectionOf } from './text-table/figures';
import { claimMessage, sumMessage } from './text-table/messages';

/** A government's own report (district, county, city, a 管委会): 「全区」 is the table's scope. */
const GOVERNMENT = /人民政府(?!办公)|管委会|管理委员会|综合实验区|政府$/u;

/** The claim speaks of this year (a carry-over into next year may name the next year). */
function ofThisYear(report: Report, c: ClaimRead): boolean {
  if (!c.year || !report.year) return true;
  return c.year === report.year || (c.kind === 'carried' && c.year === report.year + 1);
}

const key = (c: ClaimRead) => [c.kind, c.block, c.col, c.doc, c.action, c.value, c.wording].join('|');

function checkClaim(report: Report, claim: ClaimRead): Finding | null {
  const figures = figuresOf(report, claim);
  if (!figures.length || figures.some((f) => f.value === claim.value)) return null;
  const [main, ...others] = figures;
  // No doubt only when the text uses the table's own wording for this very figure.
  const sure = !!claim.exact && !claim.scope;
  const government = GOVERNMENT.test((report.title ?? '').replace(/\d{4}年.*$/u, ''));
  const cells = main.parts.flatMap((p) => p.cells);
  return finding('text-table', sure ? 'error' : 'warning', claimMessage(claim, main, others, { sure, government }), {
    cells: [...cells, ...others.flatMap((o) => o.parts.flatMap((p) => p.cells)).filter((c) => !cells.includes(c))].map(toFindingCell),
    expected: main.value,
    actual: claim.value,
    section: sectionOf(claim),
    anchor: claim.anchor,
  });
}

const COMPLETE: string[][] = [['open', 'partial'], ['open-partial']];
const REST = ['refused', 'unavailable', 'unprocessed', 'other-outcome'];

/**
 * The outcomes the text lists, when it lists every category, against the total it states just
 * before them (「答复…805件…。予以公开及部分公开258件…其他处理0件」).
 */
function checkOutcomeSums(report: Report, claims: ClaimRead[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < claims.length; ) {
    if (!OUTCOMES.includes(claims[i].kind as never) || claims[i].wording) {
      i++;
      continue;
    }
    let j = i;
    while (j < claims.length && OUTCOMES.includes(claims[j].kind as never) && !claims[j].wording) j++;
    const run = claims.slice(i, j);
    const kinds = run.map((c) => c.kind as string);
    const complete = new Set(kinds).size === kinds.length && REST.every((k) => kinds.includes(k)) && COMPLETE.some((set) => set.every((k) => kinds.includes(k)) && kinds.length === set.length + REST.length);
    // The total: the 办结/答复 number just before the list, with only carry-overs between.
    let total: ClaimRead | undefined;
    for (let k = i - 1; k >= 0 && claims[i].pos - claims[k].pos <= 400; k--) {
      if (claims[k].kind === 'handled' && !claims[k].wording) {
        total = claims[k];
        break;
      }
      if (!['carried-in', 'carried', 'received'].includes(claims[k].kind)) break;
    }
    if (complete && total && ofThisYear(report, total)) {
      const sum = run.reduce((a, c) => a + c.value, 0);
      if (sum !== total.value) {
        const v = report.tables.t3.rows.v?.cells.find((c) => c.ref.col === 'total');
        const tableTotal = v && v.confident && v.state === 'number' ? v : undefined;
        out.push(
          finding('text-table', 'warning', sumMessage(run, total, sum, tableTotal?.value ?? null), {
            cells: tableTotal ? [toFindingCell(tableTotal)] : [],
            expected: sum,
            actual: total.value,
            section: 3,
            anchor: total.anchor,
          }),
        );
      }
    }
    i = j;
  }
  return out;
}

export const textTable: Rule = {
  id: 'text-table',
  scope: 'report',
  run(report) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    const claims = report.claims.filter((c) => ofThisYear(report, c));
    for (const claim of claims) {
      const k = key(claim);
      if (seen.has(k)) continue;
      seen.add(k);
      const f = checkClaim(report, claim);
      if (f) out.push(f);
    }
    return [...out, ...checkOutcomeSums(report, claims)];
  },
};
