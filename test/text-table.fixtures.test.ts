// The text against the tables on generated reports (test/fixtures/claims.ts): every stated figure
// that contradicts its table found, one finding each, and none where text and table agree. The
// wordings were tuned on seeds 1–40; seeds 1001–1040 are held out.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../lib/check';
import { HELD_OUT_SEEDS, TUNING_SEEDS, claimFixture, renderFixture, type ClaimFixture } from './fixtures/claims';
import { checkBytes } from './helpers';

async function check(f: ClaimFixture): Promise<CheckResult> {
  const { kind, bytes } = renderFixture(f);
  return checkBytes(kind, bytes);
}

/**
 * Findings and disagreements matched: each text number found once, against the table's figure
 * (or one of the figures the wording may mean: 「共受理」 is 一 or 一 + 二).
 */
function match(r: CheckResult, f: ClaimFixture): { unmatched: string[]; missed: string[] } {
  const findings = r.findings.filter((x) => x.rule === 'text-table');
  const missed = [...f.wrong];
  const unmatched: string[] = [];
  for (const x of findings) {
    const i = missed.findIndex((w) => w.text === x.actual && [w.table, ...(w.also ?? [])].includes(x.expected!));
    if (i >= 0) missed.splice(i, 1);
    else unmatched.push(x.message.zh);
  }
  return { unmatched, missed: missed.map((m) => JSON.stringify(m)) };
}

describe.each([
  ['tuning', TUNING_SEEDS],
  ['held-out', HELD_OUT_SEEDS],
])('generated reports (%s seeds)', (_name, seeds) => {
  it.each(seeds)('seed %i: each disagreement found once, nothing where text and table agree', async (seed) => {
    const f = claimFixture(seed);
    const r = await check(f);
    expect(match(r, f), f.layout).toEqual({ unmatched: [], missed: [] });
    // Errors only where the text uses the table's own wording (「上年结转政府信息公开申请 N 件」).
    const errors = r.findings.filter((x) => x.rule === 'text-table' && x.severity === 'error');
    for (const e of errors) expect(e.message.zh).toMatch(/^正文称「(?:全年)?(?:本年新收|上年结转)政府信息公开申请\d+件」|^正文称「结转下年度继续办理/);
  });

  it('the seeds hold disagreements of every kind, and agreements', () => {
    const all = seeds.map(claimFixture);
    const kinds = new Set(all.flatMap((f) => f.wrong.map((w) => w.what.split(':').slice(0, 2).join(':'))));
    for (const k of ['t3:a', 't3:v', 't3:e', 't3:f', 't4:review', 't2:normative', 'sum']) expect(kinds).toContain(k);
    // Most stated figures agree: those must give nothing.
    const stated = all.flatMap((f) => f.stated).length;
    const wrong = all.flatMap((f) => f.wrong.filter((w) => w.what !== 'sum')).length;
    expect(stated - wrong).toBeGreaterThan(2 * wrong);
  });
});
