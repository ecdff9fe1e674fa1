// Accuracy of the OCR table reader on generated pictures (test/fixtures/images.ts): numeric cells
// read right, tables found and errors that come from a misread, on the tuning seeds and on the
// held-out test seeds, printed separately.
// Usage: tsx scripts/ocr-accuracy.ts [tuning|test|all] [--limit N] [--seeds 3,7,1004] [--quiet]
import { decodeImage, nodeRecognizer } from '../lib/ocr/node';
import { readTableImage } from '../lib/ocr/table';
import { TEST_SEEDS, TUNING_SEEDS, casesOf, tableImage, withBrowser } from '../test/fixtures/images';
import { scorePicture } from '../test/fixtures/picture-style-score';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const which = args.find((a) => ['tuning', 'test', 'all'].includes(a)) ?? 'all';
const limit = Number(opt('--limit') ?? Infinity);
const quiet = args.includes('--quiet');
const only = opt('--seeds')?.split(',').map(Number);
const ranges: [string, number[]][] = only
  ? [['chosen', only]]
  : [
      ...(which !== 'test' ? [['tuning (seeds 1–40)', TUNING_SEEDS.slice(0, limit)] as [string, number[]]] : []),
      ...(which !== 'tuning' ? [['test (seeds 1001–1040)', TEST_SEEDS.slice(0, limit)] as [string, number[]]] : []),
    ];

const rec = await nodeRecognizer();
const summary: string[] = [];
await withBrowser(async (browser) => {
  for (const [range, seeds] of ranges) {
    let right = 0;
    let all = 0;
    let pictures = 0;
    let found = 0;
    let ms = 0;
    const misread: string[] = [];
    for (const seed of seeds)
      for (const c of casesOf(seed)) {
        const bytes = await tableImage(browser, c.data, c.table, c.style);
        const t0 = performance.now();
        const doc = await readTableImage(decodeImage(bytes), rec, c.name);
        const t = performance.now() - t0;
        ms += t;
        const s = scorePicture(doc, c.data, c.table);
        right += s.right;
        all += s.all;
        pictures++;
        if (s.found) found++;
        misread.push(...s.misreadErrors.map((e) => `${c.seed} ${c.table}: ${e}`));
        if (!quiet || s.misses.length || s.misreadErrors.length || !s.found)
          console.log(
            `${String(c.seed).padStart(4)} ${c.table} ${c.name.padEnd(22)} ${c.style.name.padEnd(70)} ${s.right}/${s.all} ${t.toFixed(0)}ms` +
              `${s.found ? '' : ' NOT FOUND'}${s.misses.length ? ` MISS ${s.misses.slice(0, 6).join(', ')}` : ''}` +
              `${s.realErrors.length ? ` real errors: ${s.realErrors.join('; ')}` : ''}${s.misreadErrors.length ? ` MISREAD ERRORS: ${s.misreadErrors.join('; ')}` : ''}`,
          );
      }
    const line = `${range}: numeric cells read right ${right}/${all} = ${((100 * right) / Math.max(1, all)).toFixed(2)}%, tables found ${found}/${pictures}, misread errors ${misread.length}, ${(ms / Math.max(1, pictures)).toFixed(0)} ms per picture`;
    summary.push(line, ...misread.map((m) => `  ${m}`));
    console.log(line);
  }
});
console.log(`\n${summary.join('\n')}`);
await rec.close();
