// Prints the HTML tables of a page as rows of cells (text, ^rowspan, >colspan): for reading real pages.
import { readFileSync } from 'node:fs';
import { parseHtml } from '../lib/cli/html';
const html = readFileSync(process.argv[2], 'utf8');
const p = parseHtml(html);
const tables = Array.from(p.document.querySelectorAll('table'));
const idx = Number(process.argv[3] ?? -1);
tables.forEach((t, i) => {
  if (idx >= 0 && i !== idx) return;
  console.log('=== table', i);
  for (const tr of Array.from(t.querySelectorAll('tr'))) console.log(Array.from(tr.children).map((c) => (c.textContent ?? '').replace(/\s+/g, '') + (c.getAttribute('rowspan') ? `^${c.getAttribute('rowspan')}` : '') + (c.getAttribute('colspan') ? `>${c.getAttribute('colspan')}` : '')).join(' | '));
});
await p.close();
