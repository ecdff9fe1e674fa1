// PDFs with a text layer whose tables are pictures (a Word file with screenshots of its tables,
// printed to PDF): the report is read from its text, the pictures' pages by local OCR where a table
// is missing, and the same check runs as on a web page with table pictures. The pages are printed
// by Chromium from a report page whose tables are pictures (test/fixtures/picture-page.ts).
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRecognizer, type NodeRecognizer } from '../lib/ocr/node';
import { checkPdfDocument } from '../lib/read/pdf-doc';
import { openPdfNode, pdfjsNode, renderPageNode, type PDFPageProxy } from '../lib/read/pdf-render-node';
import { COL, baseReport, t3row } from './fixtures/base';
import { picturePdf } from './fixtures/pdf-pictures';

let rec: NodeRecognizer;
const pdfs: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    pdfs.clean = await picturePdf(browser, baseReport(), 1003);
    const wrong = baseReport();
    // 「（一）予以公开」 of natural persons 3 more: its row total and the column total no longer add up.
    t3row(wrong, 'c').values[COL.natural] = String(Number(t3row(wrong, 'c').values[COL.natural]) + 3);
    pdfs.wrong = await picturePdf(browser, wrong, 1007);
  } finally {
    await browser.close();
  }
  rec = await nodeRecognizer();
}, 120_000);
afterAll(async () => {
  await rec?.close();
});

async function check(bytes: Uint8Array) {
  const doc = await openPdfNode(bytes);
  const pdfjs = await pdfjsNode();
  try {
    return await checkPdfDocument(doc as never, {
      ops: pdfjs.OPS as never,
      force: false,
      ocr: { render: (page, scale) => renderPageNode(page as PDFPageProxy, scale), recognizer: async () => ({ words: (i) => rec.words(i), digits: (i) => rec.digits(i) }) },
    });
  } finally {
    await doc.destroy();
  }
}

describe('a text PDF whose tables are pictures', () => {
  it('reads the tables from the pictures: no table reported missing, no error in a consistent report', async () => {
    const c = await check(pdfs.clean);
    expect(c.kind).toBe('text+pictures');
    const tables = c.result.report!.tables;
    expect([tables.t2.found, tables.t3.found, tables.t4.found]).toEqual([true, true, true]);
    expect(c.result.findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
    expect(c.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(c.notices[0].zh).toMatch(/图片已在本机识别/);
  }, 120_000);

  it('finds the wrong total in the picture, marked on its page', async () => {
    const c = await check(pdfs.wrong);
    const row = c.result.findings.find((f) => f.rule === 't3-row-total' && f.cells.some((x) => x.row === 'c'));
    expect(row, JSON.stringify(c.result.findings.map((f) => [f.rule, f.severity, f.message.zh]))).toBeTruthy();
    const a = row!.cells[row!.cells.length - 1].anchor;
    expect(a?.kind).toBe('image');
    expect((a as { image: { page: number } }).image.page).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
