// The real PDF reports of ../shared (001–003, text PDFs in layouts this repository did not make)
// turned into scans (rasterised, grain, a turn, JPEG: test/fixtures/scan-pdf.ts) and read by OCR;
// their tables' cells compared with the same PDFs read by their text layers, and the findings too.
// Usage: tsx scripts/scan-real.ts [001,002,003] [--dpi 200]
import { readFileSync, writeFileSync } from 'node:fs';
import { checkDoc } from '../lib/check';
import { readScannedPdf } from '../lib/cli/scan';
import { pdfText } from '../lib/read/pdf';
import { pdfItems } from '../lib/read/pdf-node';
import { openPdfNode, renderPageNode } from '../lib/read/pdf-render-node';
import { readText } from '../lib/read/text';
import { encodeJpeg, imagePdf, scanLook, scanStyleOf, type ImagePage } from '../test/fixtures/scan-pdf';

const args = process.argv.slice(2);
const ids = (args.find((a) => /^\d{3}(,\d{3})*$/.test(a)) ?? '001,002,003').split(',');
const dpiAt = args.indexOf('--dpi');
const dpi = dpiAt >= 0 ? Number(args[dpiAt + 1]) : 200;
let right = 0;
let all = 0;
for (const [k, id] of ids.entries()) {
  const bytes = new Uint8Array(readFileSync(`../shared/reports/${id}/source.pdf`));
  const style = { ...scanStyleOf(3000 + k), dpi };
  const doc = await openPdfNode(bytes);
  const pages: ImagePage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const { gray } = await renderPageNode(page, dpi / 72);
    const look = scanLook(gray, style, style.turns[n % style.turns.length], 7 * n + k);
    pages.push({ jpeg: encodeJpeg(look, style.jpeg), width: look.width, height: look.height, pageW: x1 - x0, pageH: y1 - y0 });
  }
  await doc.destroy();
  const text = checkDoc(readText(pdfText(await pdfItems(bytes))));
  const t0 = performance.now();
  const pdf = imagePdf(pages);
  if (process.env.KEEP) writeFileSync(`${process.env.KEEP}/real-${id}.pdf`, pdf);
  const read = await readScannedPdf(id, pdf);
  const ms = performance.now() - t0;
  const scan = checkDoc(read.source, { force: true, scope: 'tables' });
  const misses: string[] = [];
  let r = 0;
  let a = 0;
  for (const t of ['t2', 't3', 't4'] as const) {
    const want = text.report?.tables[t];
    const got = scan.report?.tables[t];
    if (!want?.found) continue;
    for (const [key, row] of Object.entries(want.rows))
      row.cells.forEach((c, i) => {
        if (c.state !== 'number') return;
        a++;
        const g = got?.rows[key]?.cells[i];
        if (g?.state === 'number' && g.value === c.value) r++;
        else misses.push(`${t}.${key}[${i}] ${c.value}→${g ? (g.value ?? g.state) : 'none'}`);
      });
  }
  right += r;
  all += a;
  const brief = (f: { rule: string; severity: string; cells: { table: string; row: string | null; col: string | null }[] }) => `${f.rule}:${f.severity}:${f.cells.map((c) => `${c.table}.${c.row}.${c.col}`).join(',')}`;
  const textTable = text.findings.filter((f) => f.cells.length).map(brief);
  const scanFindings = scan.findings.map(brief);
  const textErrors = new Set(text.findings.filter((f) => f.severity === 'error').map((f) => brief(f)));
  const falseErrors = scan.findings.filter((f) => f.severity === 'error' && !textErrors.has(brief(f))).map(brief);
  console.log(`${id} (${style.name.replace(/^s\d+-\d+dpi/, `${dpi}dpi`)}): ${r}/${a} cells, ${read.pagesRead.length} pages, ${(ms / read.pagesRead.length).toFixed(0)} ms/page, tables per page ${read.tables.map((t) => t.count).join('')}`);
  console.log(`  text-layer table findings: ${textTable.join(' ') || '-'}\n  scan findings: ${scanFindings.join(' ') || '-'}${falseErrors.length ? `\n  FALSE ERRORS ${falseErrors.join(' ')}` : ''}${misses.length ? `\n  MISS ${misses.join(', ')}` : ''}`);
}
console.log(`cells ${right}/${all} = ${((100 * right) / Math.max(1, all)).toFixed(2)}%`);
