import { describe, expect, it } from 'vitest';
import { checkDoc, parseStep } from '../check';
import type { Token } from '../model';
import { readText } from '../read/text';
import { baseReport, t3row, COL } from '../../test/fixtures/base';
import { renderTsv, type SeedData } from '../../test/fixtures/render';
import { makeReport } from '../../test/fixtures/generate';
import { identitiesOf, lookAlike, singleCellExplanations, valuesOf, verifyIdentities, type Reading } from './verify';

// The identities and the re-reading logic on a document read from text, with the "misread" made in
// the data: a fake re-reader says what a second look at the cell would give.
const docOf = (change: (d: SeedData) => void) => {
  const d = baseReport();
  change(d);
  return readText(renderTsv(d));
};
const arith = (doc: ReturnType<typeof readText>) =>
  checkDoc(doc)
    .findings.filter((f) => /^t[34]-/.test(f.rule))
    .map((f) => `${f.rule}:${f.severity}`)
    .sort();

describe('identities of tables 三 and 四', () => {
  it('all hold on a consistent report, and one changed cell is the single explanation of what fails', () => {
    const ok = parseStep(readText(renderTsv(baseReport())), { force: true }).report!;
    const ids = identitiesOf(ok);
    // A row total per row, a column total and a balance per column, a total per block of table 四.
    expect(ids.length).toBeGreaterThan(30);
    expect(ids.filter((i) => i.residual !== 0)).toEqual([]);

    const doc = docOf((d) => (t3row(d, 'c').values[COL.natural] = String(Number(t3row(d, 'c').values[COL.natural]) + 5)));
    const report = parseStep(doc, { force: true }).report!;
    const all = identitiesOf(report);
    expect(all.filter((i) => i.residual !== 0)).toHaveLength(2);
    const tokens = new Map(doc.lines.flatMap((l) => l.tokens.map((t) => [t.anchor, t] as const)));
    const hyps = singleCellExplanations(all, (a) => (a ? tokens.get(a) : undefined));
    const truth = Number(t3row(baseReport(), 'c').values[COL.natural]);
    expect(hyps.map((h) => [h.token.raw, ...valuesOf(h)])).toEqual([[String(truth + 5), truth]]);
  });
});

describe('a misread is never an error', () => {
  const truth = Number(t3row(baseReport(), 'c').values[COL.natural]);
  const misread = (d: SeedData) => (t3row(d, 'c').values[COL.natural] = String(truth + 5));

  it('takes a re-reading that makes the identities hold', async () => {
    const doc = docOf(misread);
    expect(arith(doc)).toEqual(['t3-outcome-total:error', 't3-row-total:error']);
    const seen: string[] = [];
    const stats = await verifyIdentities(doc, async (t: Token) => {
      seen.push(t.raw);
      return [{ text: String(truth), confidence: 92 }];
    });
    expect(seen).toEqual([String(truth + 5)]);
    expect(stats.fixed).toBe(1);
    expect(arith(doc)).toEqual([]);
  });

  it('leaves the cell unsure when the re-reading neither gives that value nor firmly repeats the printed one', async () => {
    const doc = docOf(misread);
    const unsure: Reading[] = [
      { text: String(truth + 5), confidence: 55 },
      { text: '', confidence: 0 },
    ];
    await verifyIdentities(doc, async () => unsure);
    expect(arith(doc)).toEqual(['t3-outcome-total:warning', 't3-row-total:warning']);
  });

  it('keeps a real wrong total an error when every re-reading firmly gives the printed value', async () => {
    const doc = docOf((d) => (t3row(d, 'c').values[COL.total] = String(Number(t3row(d, 'c').values[COL.total]) + 3)));
    const stats = await verifyIdentities(doc, async (t) => [
      { text: t.raw, confidence: 93 },
      { text: t.raw, confidence: 90 },
      { text: t.raw, confidence: 88 },
    ]);
    expect(stats.confirmed).toBe(1);
    expect(arith(doc)).toEqual(['t3-outcome-total:error', 't3-row-total:error']);
  });

  it('a glyph dropped ("41" read "4") is never confirmed by reading again the same way: a warning', async () => {
    // Row （一） printed 20 + 21 = 41, its total read "4".
    const detail = Array.from({ length: 21 }, (_, i) => (i === 0 ? [20, 21, 0, 0, 0, 0] : [i % 4, i % 2, 0, 0, 0, 0]));
    const d = makeReport(detail, [2, 0, 0, 0, 1, 0], [3, 1, 0, 0, 0, 0], [[3, 1, 0, 2], [1, 0, 1, 0], [0, 2, 0, 1]]);
    expect(t3row(d, 'c').values[COL.total]).toBe('41');
    t3row(d, 'c').values[COL.total] = '4';
    const doc = readText(renderTsv(d));
    expect(arith(doc).some((f) => f.endsWith(':error'))).toBe(true);
    const stats = await verifyIdentities(doc, async (t) => [93, 90, 88].map((confidence) => ({ text: t.raw, confidence })));
    expect(stats.confirmed).toBe(0);
    expect(arith(doc).filter((f) => f.endsWith(':error'))).toEqual([]);
  });

  it('tells look-alike readings from other wrong values', () => {
    expect(lookAlike(4, 41)).toBe('length');
    expect(lookAlike(1138, 138)).toBe('length');
    expect(lookAlike(80, 60)).toBe('digit');
    expect(lookAlike(17, 11)).toBe('digit');
    expect(lookAlike(1584, 1581)).toBeNull();
    expect(lookAlike(22, 20)).toBeNull();
    expect(lookAlike(94, 89)).toBeNull();
  });

  it('table 四: one failing block, each of its cells a candidate; a re-reading that resolves it counts, otherwise the unsure cells are unsure', async () => {
    const wrong = (d: SeedData) => (d.t4.values[1] = String(Number(d.t4.values[1]) + 2));
    const doc = docOf(wrong);
    expect(arith(doc)).toEqual(['t4-block-total:error']);
    const asked: string[] = [];
    // Only the misread cell, re-read, gives another value: the right one.
    const right = baseReport().t4.values[1];
    const row = doc.lines.find((l) => l.tokens.filter((t) => t.kind === 'number').length === 15)!;
    const misreadCell = row.tokens.filter((t) => t.kind === 'number')[1];
    expect(misreadCell.raw).toBe(String(Number(right) + 2));
    await verifyIdentities(doc, async (t) => {
      asked.push(t.raw);
      return t === misreadCell ? [{ text: right, confidence: 90 }] : [{ text: t.raw, confidence: 90 }, { text: t.raw, confidence: 90 }];
    });
    // Every cell of the block but the 0 (it cannot be 2 less).
    expect(asked).toHaveLength(4);
    expect(arith(doc)).toEqual([]);

    const doc2 = docOf(wrong);
    await verifyIdentities(doc2, async (t) => [{ text: t.raw, confidence: 60 }]);
    expect(arith(doc2)).toEqual(['t4-block-total:warning']);
  });

  it('two misreads in one column: each cell explains its row, a re-reading of each that gives it is taken', async () => {
    const d0 = baseReport();
    const truthC = t3row(d0, 'c').values[COL.natural];
    const truthE = t3row(d0, 'e1').values[COL.natural];
    const doc = docOf((d) => {
      t3row(d, 'c').values[COL.natural] = String(Number(truthC) + 10);
      t3row(d, 'e1').values[COL.natural] = String(Number(truthE) + 20);
    });
    expect(arith(doc).filter((f) => f.endsWith('error')).length).toBeGreaterThan(0);
    const truth = new Map([
      [String(Number(truthC) + 10), truthC],
      [String(Number(truthE) + 20), truthE],
    ]);
    const stats = await verifyIdentities(doc, async (t) => (truth.has(t.raw) ? [{ text: truth.get(t.raw)!, confidence: 90 }] : []));
    expect(stats.fixed).toBe(2);
    expect(arith(doc)).toEqual([]);
  });
});
