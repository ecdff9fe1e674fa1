// PDF reports read from their text layer: fixtures printed by headless Chromium (and converted by
// LibreOffice) from this repository's layouts, on a seed range never used for tuning (tuning:
// 0–24, 1000–1040, 2000–2060). The generator knows every value and every total it broke.
import { describe, expect, it } from 'vitest';
import { checkDoc } from '../lib/check';
import { pdfSource } from '../lib/read/pdf';
import { pdfPages } from '../lib/read/pdf-node';
import { LO_SEEDS, loPdf } from './fixtures/pdf-files';
import { pdfFixture, printPdfs, scorePdf, type PdfFixture } from './fixtures/pdf-print';

const HELD_OUT = Array.from({ length: 12 }, (_, i) => 7000 + i);

async function scoreAll(fixtures: PdfFixture[], pdfs: Uint8Array[]) {
  const scores = [];
  for (const [i, f] of fixtures.entries()) scores.push({ f, s: scorePdf(f, checkDoc(pdfSource(await pdfPages(pdfs[i])))) });
  const cells = scores.reduce((a, x) => a + x.s.cells, 0);
  const right = scores.reduce((a, x) => a + x.s.right, 0);
  return { scores, cells, right };
}

function expectFindings(scores: { f: PdfFixture; s: ReturnType<typeof scorePdf> }[]) {
  // Every total broken on purpose is an error; no other error (a misread cell is never the report's error).
  expect(scores.flatMap((x) => x.s.missed.map((m) => `${x.f.id} ${m.table}.${m.row}.${m.col}`))).toEqual([]);
  expect(scores.flatMap((x) => x.s.falseErrors.map((e) => `${x.f.id} ${e.rule} ${e.cells.join(',')}`))).toEqual([]);
  // The range does break totals (the test can fail).
  expect(scores.reduce((a, x) => a + x.f.broken.length, 0)).toBeGreaterThan(5);
}

describe('PDF fixtures printed by Chromium (held-out seeds)', () => {
  it('reads ≥ 99.5 % of the cells right, finds every broken total as an error and no other error', async () => {
    const fixtures = HELD_OUT.map(pdfFixture);
    // Varied: ruled and not, tagged and not, two layouts.
    expect(new Set(fixtures.map((f) => `${f.style.ruled}`)).size).toBe(2);
    expect(new Set(fixtures.map((f) => `${f.style.tagged}`)).size).toBe(2);
    const { scores, cells, right } = await scoreAll(fixtures, await printPdfs(fixtures));
    expect(right / cells).toBeGreaterThanOrEqual(0.995);
    expectFindings(scores);
  }, 60_000);
});

describe('PDF fixtures converted by LibreOffice (another producer; files kept, CI has no LibreOffice)', () => {
  it('reads them as well', async () => {
    const fixtures = LO_SEEDS.map(pdfFixture);
    const { scores, cells, right } = await scoreAll(fixtures, LO_SEEDS.map(loPdf));
    expect(right / cells).toBeGreaterThanOrEqual(0.995);
    expect(scores.flatMap((x) => x.s.falseErrors)).toEqual([]);
    expect(scores.flatMap((x) => x.s.missed)).toEqual([]);
  }, 60_000);
});
