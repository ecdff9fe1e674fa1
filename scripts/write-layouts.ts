// Writes every seed in every layout to a folder (for looking at them, serving them, or the CLI).
import { mkdirSync, writeFileSync } from 'node:fs';
import { LAYOUTS, SEED_IDS, layoutOf } from '../test/fixtures/render';

const out = process.argv[2] ?? 'artifacts/layouts';
mkdirSync(out, { recursive: true });
for (const id of SEED_IDS)
  for (const layout of LAYOUTS) {
    const { kind, bytes } = layoutOf(id, layout);
    writeFileSync(`${out}/${id}.${layout}.${kind === 'html' ? 'html' : 'txt'}`, bytes);
  }
console.log(`wrote ${SEED_IDS.length * LAYOUTS.length} files to ${out}`);
