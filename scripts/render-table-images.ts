// Writes the pictures of table 三 and 四 of the given style seeds (test/fixtures/images.ts) to a folder;
// without seeds, the tuning seeds. Usage: tsx scripts/render-table-images.ts [out] [seed...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { TUNING_SEEDS, casesOf, tableImage, withBrowser } from '../test/fixtures/images';

const out = process.argv[2] ?? 'artifacts/images';
const seeds = process.argv.length > 3 ? process.argv.slice(3).map(Number) : TUNING_SEEDS;
mkdirSync(out, { recursive: true });
let n = 0;
await withBrowser(async (browser) => {
  for (const seed of seeds)
    for (const c of casesOf(seed)) {
      const bytes = await tableImage(browser, c.data, c.table, c.style);
      writeFileSync(`${out}/${c.table}-${c.style.name.replace(/#/g, '')}.${c.style.jpeg ? 'jpg' : 'png'}`, bytes);
      n++;
    }
});
console.log(`wrote ${n} images to ${out}`);
