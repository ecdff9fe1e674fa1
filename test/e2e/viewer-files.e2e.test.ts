// The viewer on files of every kind we generate (PDFs printed by Chromium, .docx written by script,
// .doc/RTF/Word-XML written by LibreOffice, a scanned PDF): the same counts as the command line on
// the same bytes, and the findings marked on the rendered pages.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInput } from '../../lib/cli/main';
import { countBySeverity } from '../../lib/findings';
import { DOC_FIXTURES, docFixtureBytes } from '../fixtures/doc-files';
import { generatedReport, writeDocx } from '../fixtures/docx';
import { pdfFixture, printPdfs } from '../fixtures/pdf-print';
import { picturePdf } from '../fixtures/pdf-pictures';
import { scanCaseOf, scanPdf } from '../fixtures/scan-pdf';
import { styleOf, tableImage } from '../fixtures/images';
import { hook, launch, type Harness } from './harness';

interface FileCase {
  name: string;
  bytes: Uint8Array;
  /** Totals broken on purpose: the viewer must mark at least this many errors. */
  broken: number;
}

const cases: FileCase[] = [];
let h: Harness;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-viewer-files-'));
  const pdfs = [3101, 3102, 3103].map(pdfFixture);
  (await printPdfs(pdfs)).forEach((bytes, i) => cases.push({ name: `print-${pdfs[i].seed}.pdf`, bytes, broken: pdfs[i].broken.length }));
  for (const seed of [3201, 3202]) {
    const g = generatedReport(seed);
    cases.push({ name: `gen-${seed}.docx`, bytes: await writeDocx(g.data, seed), broken: g.broken.length });
  }
  for (const f of DOC_FIXTURES.filter((d) => ['gen-2001', 'gen-2007', 'gen-2008'].includes(d.name))) cases.push({ name: `${f.name}.${f.format === 'xml' ? 'doc' : f.format}`, bytes: docFixtureBytes(f), broken: -1 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // Table 四 pasted into the .docx as a picture: read by OCR in both.
    const g = generatedReport(3203);
    const picture = await tableImage(browser, g.data, 't4', styleOf(3203));
    cases.push({ name: 'pic-3203.docx', bytes: await writeDocx(g.data, 3203, { pictures: { 4: picture } }), broken: -1 });
    // A text PDF whose tables are pictures, with a wrong total in the picture of table 三.
    const wrong = generatedReport(3204);
    cases.push({ name: 'pictures-3204.pdf', bytes: await picturePdf(browser, wrong.data, 3204), broken: -1 });
    const scan = scanCaseOf(2003);
    cases.push({ name: 'scan-2003.pdf', bytes: (await scanPdf(browser, scan)).pdf, broken: -1 });
  } finally {
    await browser.close();
  }
  h = await launch();
}, 300_000);
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('viewer = command line, on generated files', () => {
  it('every file: the same state and counts, marks on the page for each error', async () => {
    expect(cases.length).toBe(11);
    for (const c of cases) {
      const file = join(dir, c.name);
      writeFileSync(file, c.bytes);
      const cli = await checkInput(file, false).then(
        (r) => ({ state: r.report ? 'done' : 'not-report', ...countBySeverity(r.findings) }),
        () => ({ state: 'failed', errors: 0, warnings: 0, infos: 0 }),
      );
      h.route(`/f/${c.name}`, { body: c.bytes, type: c.name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream' });
      const tab = await h.context.newPage();
      await tab.goto(`chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(`${h.base}/f/${c.name}`)}`);
      const got = await hook(tab, 180_000);
      expect(got, c.name).toEqual(cli);
      if (c.broken > 0) expect(got.errors, c.name).toBeGreaterThanOrEqual(c.broken);
      if (got.errors > 0) {
        // Each error has a badge on its total, over the page (a PDF page, or the Word file's table).
        // (The first measure of the marks runs a frame after the panel is shown.)
        const badges = () => tab.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('.badge').length);
        await expect.poll(badges, { timeout: 5000, message: c.name }).toBeGreaterThanOrEqual(got.errors);
      }
      await tab.close();
    }
  }, 600_000);
});
