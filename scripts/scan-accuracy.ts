// Accuracy of scanned-PDF reading (lib/read/pdf-scan.ts) on generated scans (test/fixtures/scan-pdf.ts):
// numeric cells read right, broken totals named, false errors, time per page; tuning and held-out
// seeds reported apart. Usage: tsx scripts/scan-accuracy.ts [tuning|test] [--seeds 1,2] [--limit N] [--keep DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { readScannedPdf } from '../lib/cli/scan';
import { withBrowser } from '../test/fixtures/images';
import { SCAN_TEST_SEEDS, SCAN_TUNING_SEEDS, scanCaseOf, scanPdf } from '../test/fixtures/scan-pdf';
import { scoreScan } from '../test/fixtures/scan-score';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const limit = Number(opt('--limit') ?? Infinity);
const keep = opt('--keep');
const seeds = opt('--seeds')?.split(',').map(Number) ?? (args.includes('test') ? SCAN_TEST_SEEDS : SCAN_TUNING_SEEDS).slice(0, limit);
if (keep) mkdirSync(keep, { recursive: true });
let right = 0;
let all = 0;
let pages = 0;
let ms = 0;
const bad: string[] = [];
const broken = { n: 0, error: 0, warning: 0 };
await withBrowser(async (browser) => {
  for (const seed of seeds) {
    const c = scanCaseOf(seed);
    const { pdf } = await scanPdf(browser, c);
    if (keep) writeFileSync(`${keep}/scan-${seed}.pdf`, pdf);
    const t0 = performance.now();
    const read = await readScannedPdf(`scan-${seed}`, pdf);
    const t = performance.now() - t0;
    const s = scoreScan(read.source, c);
    right += s.right;
    all += s.all;
    pages += read.pagesRead.length;
    ms += t;
    broken.n += c.broken.length;
    broken.error += s.brokenAsError;
    broken.warning += s.brokenAsWarning;
    bad.push(...s.falseErrors.map((e) => `${seed}: FALSE ERROR ${e}`), ...s.missedBroken.map((e) => `${seed}: MISSED BROKEN ${e}`), ...s.notFound.map((e) => `${seed}: NOT FOUND ${e}`));
    console.log(
      `${String(seed).padStart(4)} ${c.style.name.padEnd(64)} ${s.right}/${s.all} pages ${read.pagesRead.length} ${(t / read.pagesRead.length).toFixed(0)} ms/page tables ${read.tables.map((x) => x.count).join('')}` +
        ` broken ${c.broken.length}: ${s.brokenAsError}E ${s.brokenAsWarning}W${s.missedBroken.length ? ` MISSED ${s.missedBroken.join(',')}` : ''}${s.falseErrors.length ? ` FALSE ERRORS ${s.falseErrors.join('; ')}` : ''}` +
        `${s.notFound.length ? ` NOT FOUND ${s.notFound.join(',')}` : ''}${s.misses.length ? ` MISS ${s.misses.slice(0, 8).join(', ')}` : ''}${read.notices.length ? ` NOTICES ${read.notices.map((n) => n.en).join('; ')}` : ''}`,
    );
  }
});
console.log(`\ncells read right ${right}/${all} = ${((100 * right) / Math.max(1, all)).toFixed(2)}%, broken totals ${broken.n}: ${broken.error} errors, ${broken.warning} warnings, pages ${pages}, ${(ms / Math.max(1, pages)).toFixed(0)} ms per page`);
for (const b of bad) console.log(b);
