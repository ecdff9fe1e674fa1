// Accuracy of the OCR table reader on generated pictures: numeric cells read right, and whether any
// arithmetic error comes from a misread. Usage: tsx scripts/ocr-accuracy.ts [styles...]
import { decodeImage, nodeRecognizer } from '../lib/ocr/node';
import { readTableImage } from '../lib/ocr/table';
import { parseStep, rulesStep } from '../lib/check';
import { STYLES, tableImage, withBrowser } from '../test/fixtures/images';
import { SEED_IDS, loadSeed, type SeedData } from '../test/fixtures/render';
import { baseReport } from '../test/fixtures/base';

const want = process.argv.slice(2);
const styles = want.length ? STYLES.filter((s) => want.includes(s.name)) : STYLES;
const rec = await nodeRecognizer();
const reports: [string, SeedData][] = [...SEED_IDS.map((id) => [id, loadSeed(id)] as [string, SeedData]), ['generated', baseReport()]];
let right = 0;
let total = 0;
await withBrowser(async (browser) => {
  for (const [name, data] of reports)
    for (const style of styles)
      for (const table of ['t3', 't4'] as const) {
        const bytes = await tableImage(browser, data, table, style);
        const t0 = performance.now();
        const doc = await readTableImage(decodeImage(bytes), rec, name);
        const parsed = parseStep(doc, { force: true });
        const r = parsed.report ? rulesStep(parsed, { scope: 'tables' }) : parsed;
        const expected = table === 't3' ? data.t3.rows.map((row) => [row.key, row.values] as const) : [['cells', data.t4.values] as const];
        let ok = 0;
        let n = 0;
        const misses: string[] = [];
        // A row with more values than the table has columns cannot be placed (row-length): not an OCR miss.
        for (const [key, vals] of expected.filter(([, v]) => v.length === (table === 't3' ? 7 : 15))) {
          const got = r.report?.tables[table].rows[key]?.cells.map((c) => (c.state === 'blank' ? '' : c.value == null ? '?' : String(c.value)));
          vals.forEach((v, i) => {
            if (v === '') return;
            n++;
            if (got?.[i] === v) ok++;
            else misses.push(`${key}[${i}] ${v}→${got?.[i]}`);
          });
        }
        right += ok;
        total += n;
        const errs = r.findings.filter((f) => f.severity === 'error' && /t3-|t4-|total-blank/.test(f.rule));
        console.log(`${name} ${table} ${style.name.padEnd(20)} ${ok}/${n} ${(performance.now() - t0).toFixed(0)}ms${misses.length ? ' MISS ' + misses.slice(0, 6).join(', ') : ''}${errs.length ? ' ERRORS ' + errs.map((e) => e.rule).join(',') : ''}`);
      }
});
console.log(`numeric cells read right: ${right}/${total} = ${((100 * right) / total).toFixed(2)}%`);
await rec.close();
