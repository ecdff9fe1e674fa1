// Writes every seed's tables as pictures in every style (test/fixtures/images.ts) to a folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { STYLES, tableImage, withBrowser } from '../test/fixtures/images';
import { SEED_IDS, loadSeed } from '../test/fixtures/render';

const out = process.argv[2] ?? 'artifacts/images';
mkdirSync(out, { recursive: true });
await withBrowser(async (browser) => {
  for (const id of SEED_IDS)
    for (const style of STYLES)
      for (const table of ['t2', 't3', 't4'] as const) {
        const bytes = await tableImage(browser, loadSeed(id), table, style);
        writeFileSync(`${out}/${id}-${table}-${style.name}.${style.jpeg ? 'jpg' : 'png'}`, bytes);
      }
});
console.log(`wrote ${SEED_IDS.length * STYLES.length * 3} images to ${out}`);
