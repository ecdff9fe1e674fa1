// A table pasted into a Word file as a picture (a screenshot of Word or Excel) is read by the same
// OCR as a page's picture, never reported missing. Pictures made by Chromium from the generator's data.
import { describe, expect, it } from 'vitest';
import { checkWord } from '../lib/cli/word';
import { generatedReport, writeDocx } from './fixtures/docx';
import { styleOf, tableImage, withBrowser } from './fixtures/images';

describe('.docx with a table as a picture', () => {
  it('table 四 as a picture: its values read by OCR where the table should stand, the table not missing', async () => {
    const g = generatedReport(1013);
    const picture = await withBrowser((b) => tableImage(b, g.data, 't4', styleOf(1013)));
    const r = await checkWord('report.docx', await writeDocx(g.data, 1013, { pictures: { 4: picture } }), 'docx', false);
    expect(r.findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
    const read = r.report!.tables.t4.rows.cells.cells.map((c) => c.value);
    const right = read.filter((v, i) => v === Number(g.data.t4.values[i])).length;
    expect(right).toBeGreaterThanOrEqual(14);
    // Values read from a picture are never the base of an error unless read surely (the OCR's own rule).
    for (const f of r.findings.filter((x) => x.severity === 'error')) expect(f.cells.every((c) => c.table !== 't4' || g.broken.some((b) => b.table === 't4'))).toBe(true);
  });
});

describe('the viewer path in Chromium', () => {
  it('a .docx and a .doc rendered and read in a real browser give the command line\'s findings', async () => {
    const { build } = await import('esbuild');
    const { fileURLToPath } = await import('node:url');
    const { toJson } = await import('../lib/json');
    const { DOC_FIXTURES, docFixtureBytes } = await import('./fixtures/doc-files');
    // The viewer's Word path (lib/read/docx, doc, the DOM reader, the engine) bundled for the page.
    const bundle = await build({
      stdin: { contents: ENTRY, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    // Two broken totals: errors to compare, not only silence.
    const g = generatedReport(1024);
    const docx = await writeDocx(g.data, 1024);
    const doc = docFixtureBytes(DOC_FIXTURES.find((f) => f.format === 'doc')!);
    const inBrowser = await withBrowser(async (b) => {
      const page = await b.newPage();
      await page.setContent('<!doctype html><html><head><title>viewer</title></head><body><main></main></body></html>');
      await page.addScriptTag({ content: bundle.outputFiles[0].text });
      const run = (bytes: Uint8Array, type: string) =>
        page.evaluate(([b64, t]) => (globalThis as unknown as { checkWordInPage: (b: string, t: string) => Promise<{ json: unknown; scripts: number }> }).checkWordInPage(b64, t), [Buffer.from(bytes).toString('base64'), type] as const);
      return [await run(docx, 'docx'), await run(doc, 'ole')];
    });
    const cli = [await checkWord('x', docx, 'docx', false), await checkWord('x', doc, 'ole', false)];
    expect(cli[0].findings.filter((f) => f.severity === 'error').length).toBeGreaterThanOrEqual(2);
    inBrowser.forEach((r, i) => {
      expect(r.scripts).toBe(0);
      expect((r.json as { findings: unknown }).findings).toEqual(toJson('x', cli[i], 'zh').findings);
      expect((r.json as { report: unknown }).report).toEqual(toJson('x', cli[i], 'zh').report);
    });
  });
});

const ENTRY = `
import { checkDoc } from '../lib/check';
import { toJson } from '../lib/json';
import { readDoc, unsureTables } from '../lib/read/doc';
import { renderDocx } from '../lib/read/docx';
import { findReportRoot, readDocumentAt } from '../lib/source';
globalThis.checkWordInPage = async (b64, type) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const main = document.querySelector('main');
  let adjust = (s) => s;
  if (type === 'docx') await renderDocx(bytes, main);
  else {
    const doc = readDoc(bytes);
    main.replaceChildren(...Array.from(new DOMParser().parseFromString(doc.html, 'text/html').body.childNodes).map((n) => document.importNode(n, true)));
    if (doc.gridLost) adjust = unsureTables;
  }
  const result = checkDoc(adjust(readDocumentAt(document, findReportRoot(document))), { force: false });
  return { json: toJson('x', result, 'zh'), scripts: main.querySelectorAll('script, iframe, object, embed').length };
};
`;
