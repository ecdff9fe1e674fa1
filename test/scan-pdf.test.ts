// Scanned PDFs: which pages are scans (unit tests on pdf.js-like page objects and on real fixture
// PDFs), the tables found on a page, and held-out seeded scans (test/fixtures/scan-pdf.ts: Chromium
// print -> raster -> grain, turn, blur, JPEG -> image-only PDF) read by OCR: cells against the
// generator's values, every total broken on purpose named by a finding, no error the same data as
// text does not give. The command line on one of them gives its findings as JSON.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../lib/cli/load';
import { checkScannedPdf, readScannedPdf } from '../lib/cli/scan';
import { continues, findTables, rowCut, garbageCount, imageCover, needsOcr, ocrPdf, PDFJS_OPS, scanInfo, type ScanDocLike, type ScanPageLike } from '../lib/read/pdf-scan';
import type { Recognizer } from '../lib/ocr/table';
import { openPdfNode, pdfjsNode } from '../lib/read/pdf-render-node';
import { readPdfDoc } from '../lib/read/pdf-doc';
import { PDF_OPS } from '../lib/read/pdf-extract';
import { pagePictures } from '../lib/read/pdf-pictures';
import type { Gray } from '../lib/ocr/image';
import { withBrowser } from './fixtures/images';
import { encodeJpeg, imagePdf, SCAN_TEST_SEEDS, scanCaseOf, scanPdf, type ScanCase } from './fixtures/scan-pdf';
import { brokenCell, scoreScan } from './fixtures/scan-score';

const A4: number[] = [0, 0, 595.28, 841.89];
const page = (strs: string[], ops: { fnArray: number[]; argsArray: unknown[] }): ScanPageLike => ({
  view: A4,
  getTextContent: async () => ({ items: strs.map((str) => ({ str })) }),
  getOperatorList: async () => ops,
});
const O = PDFJS_OPS;
const fullPagePicture = { fnArray: [O.save, O.transform, O.paintImageXObject, O.restore], argsArray: [null, [595.28, 0, 0, 841.89, 0, 0], ['img_p0_1', 1654, 2339], null] };

describe('which pages are scans', () => {
  it('pdf.js still numbers its operators as this file assumes', async () => {
    const { OPS } = await pdfjsNode();
    for (const [name, n] of Object.entries(PDFJS_OPS)) expect(OPS[name as keyof typeof OPS]).toBe(n);
  });

  it('a page-sized picture without text is a scan; the picture cover follows the transforms', async () => {
    // 1654 pixels across 595.28 pt: 200 dpi.
    expect(await scanInfo(page([], fullPagePicture))).toMatchObject({ scan: true, why: 'no-text', imageCover: 1, imageDpi: 200 });
    // A small picture (a seal) on a page of text: a page of text.
    const seal = { fnArray: [O.save, O.transform, O.transform, O.paintImageXObject, O.restore], argsArray: [null, [1, 0, 0, 1, 400, 100], [120, 0, 0, 120, 0, 0], ['seal', 100, 100], null] };
    expect(imageCover(seal, A4)).toBeCloseTo((120 * 120) / (595.28 * 841.89), 4);
    const text = ['一、总体情况', '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。'];
    expect(await scanInfo(page(text, seal))).toMatchObject({ scan: false, why: 'text' });
  });

  it('a text layer of garbage (mojibake, private-use or replacement characters) is a scan', async () => {
    const mojibake = ['ÕþÆÐÐÅÏ¢¹«¿ª¹¤×÷Äê¶È±¨¸æ', 'ÊÕ·¢ ×ÜÊý'];
    expect(await scanInfo(page(mojibake, fullPagePicture))).toMatchObject({ scan: true, why: 'garbage-text' });
    expect(garbageCount('\ue000\ue001\ufffd\ufffd一')).toBe(4);
    expect(needsOcr(['\ue000\ue013\ue020'.repeat(10)])).toBe(true);
    // Chinese with full-width punctuation, radicals (⼈ U+2F08) and numbers is text.
    expect(needsOcr(['（一）主动公开政府信息情况：本年制发⼈件数12件，废止3件；现行有效 128 件。'])).toBe(false);
    expect(garbageCount('第二十条第（一）项 12 ①—·×')).toBe(0);
  });
});

/** A page's ink mask drawn by hand: rectangles of ink on paper. */
function drawn(width: number, height: number, boxes: [number, number, number, number][]): Gray {
  const data = new Uint8Array(width * height).fill(255);
  for (const [x, y, w, h] of boxes) for (let yy = y; yy < y + h; yy++) data.fill(0, yy * width + x, yy * width + x + w);
  return { width, height, data };
}
/** A ruled grid: rules at the given rows and columns (2 px). */
const grid = (xs: number[], ys: number[]): [number, number, number, number][] => [
  ...ys.map((y): [number, number, number, number] => [xs[0], y, xs[xs.length - 1] - xs[0] + 2, 2]),
  ...xs.map((x): [number, number, number, number] => [x, ys[0], 2, ys[ys.length - 1] - ys[0] + 2]),
];

describe('tables on a page', () => {
  it('finds each ruled table apart (text between them joins nothing), and where each stands on the page', () => {
    const cols = [100, 300, 400, 500, 600];
    const text: [number, number, number, number][] = Array.from({ length: 12 }, (_, i) => [100 + i * 30, 520, 24, 24]);
    const heading: [number, number, number, number][] = Array.from({ length: 8 }, (_, i) => [100 + i * 30, 100, 24, 24]);
    const mask = drawn(800, 1200, [...heading, ...grid(cols, [200, 240, 280, 320, 360]), ...text, ...grid(cols, [600, 640, 680, 720, 760, 800, 840, 880, 920, 960, 1000, 1040, 1080, 1120, 1160])]);
    const found = findTables(mask);
    expect(found.map((t) => [t.y, t.rows])).toEqual([
      [200, 4],
      [600, 14],
    ]);
    expect(found[0].headOfPage).toBe(false);
    expect(found[1].footOfPage).toBe(true);
    expect(found[1].lastCols.length).toBe(5);
  });

  it('joins the head of a page to the table at the foot of the page before only when the columns are the same', () => {
    const cols = [100, 300, 400, 500, 600];
    const foot = findTables(drawn(800, 1200, grid(cols, [900, 940, 980, 1020, 1060, 1100, 1140])))[0];
    const head = findTables(drawn(800, 1200, grid(cols.map((x) => x + 3), [60, 100, 140, 180])))[0];
    const other = findTables(drawn(800, 1200, grid([100, 200, 250, 450, 600], [60, 100, 140, 180])))[0];
    expect(continues(foot, head)).toBe(true);
    expect(continues(foot, other)).toBe(false);
  });

  it('tells a row cut through by the page break from two rows without a rule between them', () => {
    const cols = [100, 300, 400, 500, 600];
    // Upright rules running on past the last rule (below) and before the first (above) by `open` px.
    const foot = (open: number) => findTables(drawn(800, 1200, [...grid(cols, [900, 940, 980, 1020, 1060, 1100]), ...cols.map((x): [number, number, number, number] => [x, 1100, 2, open])]))[0];
    const head = (open: number) => findTables(drawn(800, 1200, [...grid(cols, [60 + open, 100 + open, 140 + open, 180 + open]), ...cols.map((x): [number, number, number, number] => [x, 60, 2, open])]))[0];
    // A 40 px row: 16 px of it on one page, 24 on the next.
    expect(rowCut(foot(17), head(24))).toBe(true);
    // A whole row left open on each page: two rows.
    expect(rowCut(foot(40), head(40))).toBe(false);
    // A rule on one side: nothing is cut.
    expect(rowCut(findTables(drawn(800, 1200, grid(cols, [900, 940, 980, 1020])))[0], head(28))).toBe(false);
  });
});

describe('JPEG 2000 scans', () => {
  it('are decoded at their full size in Node, as in the viewer (pdf.js would halve one over 2048 px)', async () => {
    const jp2 = new Uint8Array(readFileSync(fileURLToPath(new URL('./fixtures/pdf-files/tall-1200x2400.jp2', import.meta.url))));
    const doc = await openPdfNode(imagePdf([{ jpeg: jp2, jpx: true, width: 1200, height: 2400, pageW: 432, pageH: 864 }]));
    try {
      const [pic] = await pagePictures((await doc.getPage(1)) as never, 1, () => true, PDF_OPS);
      expect([pic.gray.width, pic.gray.height]).toEqual([1200, 2400]);
    } finally {
      await doc.destroy();
    }
  });
});

describe('reading the pages', () => {
  // Pages of two ruled tables each, read by a recognizer that sees nothing: the pages, the
  // progress and the cancel are what is tested here, not OCR.
  const blank: Recognizer = { words: async () => [], digits: async () => ({ text: '', confidence: 0 }) };
  const cols = [100, 300, 400, 500, 600];
  const doc: ScanDocLike = { numPages: 3, getPage: async () => page([], fullPagePicture) };
  const render = async () => {
    const gray = drawn(800, 1100, [...grid(cols, [100, 140, 180, 220]), ...grid(cols, [500, 540, 580, 620])]);
    return { gray, width: gray.width, height: gray.height };
  };

  it('says how far it is after each page, and stops between pages when cancelled', async () => {
    const seen: string[] = [];
    const r = await ocrPdf(doc, { render, recognizer: blank, onPage: (d, t) => seen.push(`${d}/${t}`) });
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
    expect(r.pagesRead).toEqual([1, 2, 3]);
    expect(r.tables).toEqual([1, 2, 3].map((page) => ({ page, count: 2 })));
    const stop = new AbortController();
    const reading = ocrPdf(doc, { render, recognizer: blank, signal: stop.signal, onPage: () => stop.abort() });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a scan without any table is an input error on the command line (exit 2), in both languages', async () => {
    const paper: Gray = { width: 620, height: 877, data: new Uint8Array(620 * 877).fill(240) };
    const pdf = imagePdf([{ jpeg: encodeJpeg(paper, 70), width: 620, height: 877, pageW: 595.28, pageH: 841.89 }]);
    const failure = await checkScannedPdf('blank.pdf', pdf, false).catch((e) => e);
    expect(failure).toBeInstanceOf(InputError);
    expect(failure.zh).toMatch(/未在扫描版 PDF 中找到年报表格.*blank\.pdf/);
    expect(failure.en).toMatch(/No annual-report table/);
  }, 30_000);

  it('says which page could not be rendered, and reads the others', async () => {
    let n = 0;
    const r = await ocrPdf(doc, { render: async () => (++n === 2 ? Promise.reject(new Error('broken image')) : render()), recognizer: blank });
    expect(r.pagesRead).toEqual([1, 3]);
    expect(r.notices.map((x) => x.zh)).toEqual(['第 2 页无法渲染，未识别：broken image']);
  });
});

// Held-out scans: a few seeds with table 三 over two pages and totals broken on purpose, one read by the CLI.
const chosen: ScanCase[] = SCAN_TEST_SEEDS.map(scanCaseOf)
  .filter((c) => c.style.dpi >= 200 && c.style.t3Offset !== null && c.broken.length > 0)
  .slice(0, 3);
const pdfs = new Map<number, Uint8Array>();
let garbagePdf: Uint8Array;
// A held-out seed printed without table rules.
const unruled: ScanCase = ((c) => ({ ...c, style: { ...c.style, rules: false } }))(SCAN_TEST_SEEDS.map(scanCaseOf).find((c) => c.style.dpi >= 200 && !chosen.some((x) => x.seed === c.seed))!);
let unruledPdf: Uint8Array;


describe('seeded scans (held-out seeds)', () => {
  beforeAll(async () => {
    await withBrowser(async (browser) => {
      for (const c of chosen) pdfs.set(c.seed, (await scanPdf(browser, c)).pdf);
      garbagePdf = (await scanPdf(browser, { ...scanCaseOf(SCAN_TEST_SEEDS[0]), garbageText: true })).pdf;
      unruledPdf = (await scanPdf(browser, unruled)).pdf;
    });
  }, 120_000);

  it('finds the fixture PDFs to be scans, the one with a garbage text layer too', async () => {
    for (const bytes of [pdfs.get(chosen[0].seed)!, garbagePdf]) {
      const doc = await openPdfNode(bytes);
      const info = await scanInfo(await doc.getPage(1));
      expect(info.scan).toBe(true);
      expect(info.imageCover).toBeGreaterThan(0.99);
      expect(info.imageDpi).toBeGreaterThanOrEqual(150);
      await doc.destroy();
    }
    const doc = await openPdfNode(garbagePdf);
    expect((await scanInfo(await doc.getPage(1))).why).toBe('garbage-text');
    await doc.destroy();
  });

  it('the whole-PDF check (CLI and viewer) reads a PDF whose text layer is garbage as a scan', async () => {
    const doc = await openPdfNode(garbagePdf);
    const pdfjs = await pdfjsNode();
    try {
      expect((await readPdfDoc(doc as never, pdfjs.OPS as never)).scanned).toBe(true);
    } finally {
      await doc.destroy();
    }
  });

  it('reads a scan whose tables have no rules page by page, whole, and says the columns are a guess', async () => {
    const c = unruled;
    const read = await readScannedPdf(`scan-${c.seed}-unruled`, unruledPdf);
    const s = scoreScan(read.source, c);
    console.log(`unruled scan ${c.seed}: ${s.right}/${s.all} cells${s.misses.length ? `, misses ${s.misses.join(', ')}` : ''}`);
    expect(read.wholePages).toEqual(read.pagesRead);
    expect(read.notices.map((n) => n.zh).join('\n')).toMatch(/未找到表格线，已按整页文字行识别/);
    expect(s.notFound).toEqual([]);
    expect(s.right / s.all).toBeGreaterThanOrEqual(0.95);
    expect(s.falseErrors).toEqual([]);
  }, 240_000);

  it.each(chosen.slice(0, 2).map((c) => [c.style.name, c] as const))('%s: cells read right, broken totals named, no false error', async (_, c) => {
    const read = await readScannedPdf(`scan-${c.seed}`, pdfs.get(c.seed)!);
    const s = scoreScan(read.source, c);
    console.log(`scan ${c.seed}: ${s.right}/${s.all} cells, pages ${read.pagesRead.length}, tables per page ${read.tables.map((t) => t.count).join('')}${s.misses.length ? `, misses ${s.misses.join(', ')}` : ''}`);
    expect(s.notFound).toEqual([]);
    expect(s.right / s.all).toBeGreaterThanOrEqual(0.99);
    expect(s.missedBroken).toEqual([]);
    expect(s.falseErrors).toEqual([]);
    // The anchors point at the page renders: page, scale and size of the render.
    const anchors = read.source.lines.flatMap((l) => l.tokens.map((t) => t.anchor));
    expect(anchors.every((a) => a.kind === 'image' && typeof (a.image as { page: number }).page === 'number')).toBe(true);
    expect(new Set(anchors.map((a) => (a.kind === 'image' ? (a.image as { page: number }).page : 0))).size).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('the command line gives the findings as JSON, every broken total named', async () => {
    const c = chosen[2] ?? chosen[0];
    const dir = mkdtempSync(join(tmpdir(), 'scan-cli-'));
    const file = join(dir, `scan-${c.seed}.pdf`);
    writeFileSync(file, pdfs.get(c.seed)!);
    const main = fileURLToPath(new URL('../lib/cli/main.ts', import.meta.url));
    let stdout = '';
    let code = 0;
    try {
      ({ stdout } = await promisify(execFile)('npx', ['tsx', main, '--json', file], { cwd: fileURLToPath(new URL('..', import.meta.url)), maxBuffer: 1 << 26 }));
    } catch (e) {
      ({ stdout, code } = e as { stdout: string; code: number });
    }
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(out.error).toBeUndefined();
    expect(code).toBe(out.findings.some((f: { severity: string }) => f.severity === 'error') ? 1 : 0);
    expect(out.notices.join(' ')).toMatch(/扫描版 PDF/);
    for (const b of c.broken) {
      const cell = brokenCell(b);
      expect(out.findings.some((f: { cells: { table: string; row: string; col: string }[] }) => f.cells.some((x) => x.table === cell.table && x.row === cell.row && x.col === cell.col))).toBe(true);
    }
  }, 120_000);
});
