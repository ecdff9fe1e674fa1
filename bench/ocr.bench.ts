// OCR of table pictures, side by side in one run on the same pictures: our reader (tesseract.js in
// Node, grid + digit re-reading) and Debian's native `tesseract` (psm 6, its text then read by our
// text reader). Per picture: time and numeric cells read right. Needs tesseract-ocr(-chi-sim) for the
// native side; without it, only ours is measured.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStep, rulesStep, type CheckResult } from '../lib/check';
import { decodeImage, nodeRecognizer } from '../lib/ocr/node';
import { readTableImage } from '../lib/ocr/table';
import { readText } from '../lib/read/text';
import type { SourceDoc } from '../lib/model';
import { TUNING_SEEDS, casesOf, tableImage, withBrowser, type TableId } from '../test/fixtures/images';
import type { SeedData } from '../test/fixtures/render';

const hasNative = (() => {
  try {
    execFileSync('tesseract', ['--list-langs'], { stdio: 'pipe' }).toString();
    return true;
  } catch {
    return false;
  }
})();

function score(doc: SourceDoc, data: SeedData, table: TableId): [number, number] {
  const parsed = parseStep(doc, { force: true });
  const r: CheckResult = parsed.report ? rulesStep(parsed, { scope: 'tables' }) : parsed;
  const expected = table === 't3' ? data.t3.rows.map((row) => [row.key, row.values] as const) : [['cells', data.t4.values] as const];
  let ok = 0;
  let n = 0;
  for (const [key, vals] of expected) {
    const got = r.report?.tables[table].rows[key]?.cells;
    vals.forEach((v, i) => {
      if (v === '') return;
      n++;
      if (got?.[i]?.state === 'number' && String(got[i].value) === v) ok++;
    });
  }
  return [ok, n];
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-ocr-bench-'));
const pictures: { name: string; table: TableId; file: string; bytes: Uint8Array; data: SeedData }[] = [];
// The pictures of the first tuning seeds' styles (test/fixtures/images.ts).
await withBrowser(async (b) => {
  for (const c of TUNING_SEEDS.slice(0, 4).flatMap(casesOf)) {
    const bytes = await tableImage(b, c.data, c.table, c.style);
    const file = join(dir, `${c.table}-s${c.seed}.${c.style.jpeg ? 'jpg' : 'png'}`);
    writeFileSync(file, bytes);
    pictures.push({ name: `${c.table} s${c.seed}`, table: c.table, file, bytes, data: c.data });
  }
});

const rec = await nodeRecognizer();
const totals = { ours: [0, 0, 0], native: [0, 0, 0] };
console.log(`${'picture'.padEnd(26)} ${'ours ms'.padStart(8)} ${'ours right'.padStart(11)} ${'native ms'.padStart(10)} ${'native right'.padStart(13)}`);
for (const p of pictures) {
  let t = performance.now();
  const ours = score(await readTableImage(decodeImage(p.bytes), rec, p.name), p.data, p.table);
  const oursMs = performance.now() - t;
  totals.ours = [totals.ours[0] + oursMs, totals.ours[1] + ours[0], totals.ours[2] + ours[1]];
  let nativeCell = '-';
  let nativeMs = NaN;
  if (hasNative) {
    t = performance.now();
    const text = execFileSync('tesseract', [p.file, 'stdout', '-l', 'chi_sim', '--psm', '6'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    nativeMs = performance.now() - t;
    const nat = score(readText(text), p.data, p.table);
    totals.native = [totals.native[0] + nativeMs, totals.native[1] + nat[0], totals.native[2] + nat[1]];
    nativeCell = `${nat[0]}/${nat[1]}`;
  }
  console.log(`${p.name.padEnd(26)} ${oursMs.toFixed(0).padStart(8)} ${`${ours[0]}/${ours[1]}`.padStart(11)} ${Number.isNaN(nativeMs) ? '-'.padStart(10) : nativeMs.toFixed(0).padStart(10)} ${nativeCell.padStart(13)}`);
}
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`ours: ${(totals.ours[0] / pictures.length).toFixed(0)} ms per picture, ${pct(totals.ours[1], totals.ours[2])} numeric cells right`);
if (hasNative) console.log(`native tesseract: ${(totals.native[0] / pictures.length).toFixed(0)} ms per picture, ${pct(totals.native[1], totals.native[2])} numeric cells right; time ratio ours/native ${(totals.ours[0] / totals.native[0]).toFixed(2)}`);
await rec.close();
rmSync(dir, { recursive: true, force: true });

// The extension's size with its OCR assets (worker, one core, chi_sim data), against the same build
// without them: what a user downloads for reading pictures offline.
const ext = join(import.meta.dirname, '../.output/chrome-mv3');
if (!existsSync(join(ext, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { cwd: join(import.meta.dirname, '..'), stdio: 'pipe' });
const sizeOf = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((a, f) => a + sizeOf(join(p, f)), 0) : statSync(p).size);
const all = sizeOf(ext);
const ocr = sizeOf(join(ext, 'ocr'));
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
console.log(`extension: ${mb(all)} in all, ${mb(ocr)} of it OCR assets; without them ${mb(all - ocr)} (size ratio ${(all / (all - ocr)).toFixed(1)}x)`);
for (const f of readdirSync(join(ext, 'ocr'), { recursive: true }) as string[]) if (statSync(join(ext, 'ocr', f)).isFile()) console.log(`  ocr/${f}: ${mb(statSync(join(ext, 'ocr', f)).size)}`);
