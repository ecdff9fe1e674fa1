// Engine speed per fixture: read + parse + rules, as a ratio to parsing the same page into a DOM
// with the same DOM library (happy-dom), both measured here in the same run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkDoc } from '../lib/check';
import { parseHtml } from '../lib/cli/html';
import { decodeBytes } from '../lib/read/decode';
import { readText } from '../lib/read/text';
import { readDocument } from '../lib/source';
import { LAYOUTS, SEED_IDS, layoutOf, renderWord, loadSeed } from '../test/fixtures/render';

interface Case {
  name: string;
  html: string;
  /** For text inputs: the text the engine reads; the DOM baseline parses the Word layout of the same report. */
  text?: string;
}

const cases: Case[] = [];
for (const id of SEED_IDS)
  for (const layout of LAYOUTS) {
    const { kind, bytes } = layoutOf(id, layout);
    const decoded = decodeBytes(bytes, { html: kind === 'html' }).text;
    if (kind === 'html') cases.push({ name: `seed ${id} ${layout}`, html: decoded });
    else cases.push({ name: `seed ${id} ${layout}`, html: renderWord(loadSeed(id)), text: decoded });
  }
const reports = fileURLToPath(new URL('../../shared/reports/', import.meta.url));
if (existsSync(reports))
  for (const id of readdirSync(reports).sort()) {
    const file = `${reports}${id}/source.html`;
    if (existsSync(file)) cases.push({ name: `report ${id} html`, html: readFileSync(file, 'utf8') });
  }

function time(fn: () => void, minMs = 300): number {
  for (let i = 0; i < 3; i++) fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    n++;
  }
  return (performance.now() - start) / n;
}

console.log('engine = read + parse + rules; baseline = happy-dom parsing the same page (same run)');
console.log(`${'fixture'.padEnd(22)} ${'KB'.padStart(6)} ${'DOM parse ms'.padStart(13)} ${'engine ms'.padStart(10)} ${'ratio'.padStart(7)}`);
const ratios: number[] = [];
for (const c of cases) {
  const base = time(() => {
    const p = parseHtml(c.html);
    void p.document.body;
    void p.close();
  });
  let engine: number;
  if (c.text) {
    const text = c.text;
    engine = time(() => checkDoc(readText(text)));
  } else {
    const p = parseHtml(c.html);
    const doc = p.document;
    engine = time(() => checkDoc(readDocument(doc)));
    void p.close();
  }
  const ratio = engine / base;
  ratios.push(ratio);
  console.log(`${c.name.padEnd(22)} ${(c.html.length / 1024).toFixed(0).padStart(6)} ${base.toFixed(2).padStart(13)} ${engine.toFixed(2).padStart(10)} ${ratio.toFixed(2).padStart(7)}`);
}
const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
console.log(`geometric mean ratio engine / DOM parse: ${geo.toFixed(2)} over ${ratios.length} fixtures`);
