// The viewer in the real browser, side by side in one run:
// - time from opening viewer.html?src= to the marks, as a ratio to pdf.js's own load +
//   getTextContent of every page of the same file, measured in the same page right after;
// - memory of the viewer tab (JS heap) for a 30-page PDF, as a ratio to the empty viewer;
// - the extension's size, and the PDF viewer's share of it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPORTS_DIR } from '../test/helpers';
import { EXT_DIR } from '../test/e2e/harness';
import { hook, launch } from '../test/e2e/harness';
import { loadSeed, renderWord } from '../test/fixtures/render';

const RUNS = Number(process.env.RUNS ?? 3);

/** A 30-page report: a real seed's report with its sections made long (prose pages before the tables). */
async function longPdf(): Promise<Uint8Array> {
  const html = renderWord(loadSeed('001'));
  const para = '<p>本机关持续深化政务公开，围绕重点领域信息公开、政策解读、回应关切等方面开展工作，各项工作有序推进，取得了积极成效。</p>';
  // After the heading of section 一 (the prose section), before the tables.
  const at = html.indexOf('</p>', html.indexOf('一、总体情况')) + 4;
  const padded = html.slice(0, at) + para.repeat(400) + html.slice(at);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(padded);
    return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } }));
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((a, e) => a + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

const h = await launch();
try {
  const files: { name: string; bytes: Uint8Array }[] = ['001', '002', '003'].map((id) => ({ name: `${id}.pdf`, bytes: new Uint8Array(readFileSync(join(REPORTS_DIR, id, 'source.pdf'))) }));
  files.push({ name: 'long30.pdf', bytes: await longPdf() });
  for (const f of files) h.route(`/${f.name}`, { body: f.bytes, type: 'application/pdf' });
  console.log('file           pages  open→marks ms  pdf.js load+text ms  ratio');
  const ratios: number[] = [];
  for (const f of files) {
    const ours: number[] = [];
    const base: number[] = [];
    let pages = 0;
    for (let r = 0; r < RUNS; r++) {
      const tab = await h.context.newPage();
      await tab.goto(`chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(`${h.base}/${f.name}`)}`);
      await hook(tab, 120_000);
      ours.push(Number(await tab.getAttribute('nianbao-check', 'data-open-to-marks')));
      // pdf.js alone on the same bytes in the same page: load, then the text of every page.
      const b = await tab.evaluate(async (url) => {
        const lib = (globalThis as unknown as { pdfjsLib: typeof import('pdfjs-dist') }).pdfjsLib;
        const data = new Uint8Array(await (await fetch(url)).arrayBuffer());
        const t0 = performance.now();
        const doc = await lib.getDocument({ data, cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/', isEvalSupported: false }).promise;
        for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
        const ms = performance.now() - t0;
        const pages = doc.numPages;
        await doc.destroy();
        return { ms, pages };
      }, `${h.base}/${f.name}`);
      base.push(b.ms);
      pages = b.pages;
      await tab.close();
    }
    const ratio = median(ours) / median(base);
    ratios.push(ratio);
    console.log(`${f.name.padEnd(14)} ${String(pages).padStart(5)}  ${median(ours).toFixed(0).padStart(13)}  ${median(base).toFixed(0).padStart(19)}  ${ratio.toFixed(2)}`);
  }
  console.log(`geomean ratio open→marks / (pdf.js load + getTextContent): ${Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length).toFixed(2)}`);

  // Memory: the viewer tab's JS heap with the 30-page file, against the empty viewer.
  const heap = async (url: string, wait: boolean) => {
    const tab = await h.context.newPage();
    const cdp = await h.context.newCDPSession(tab);
    await tab.goto(url);
    if (wait) await hook(tab, 120_000);
    else await tab.waitForSelector('[data-message]');
    await tab.waitForTimeout(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await tab.close();
    return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1048576;
  };
  const empty = await heap(`chrome-extension://${h.extensionId}/viewer.html`, false);
  const full = await heap(`chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(`${h.base}/long30.pdf`)}`, true);
  console.log(`viewer tab JS heap, 30-page PDF: ${full.toFixed(1)} MB; empty viewer ${empty.toFixed(1)} MB; ratio ${(full / empty).toFixed(2)}`);
  const total = dirSize(EXT_DIR);
  const pdfjs = dirSize(join(EXT_DIR, 'pdfjs')) + readdirSync(join(EXT_DIR, 'chunks')).filter((n) => /^pdf/.test(n)).reduce((a, n) => a + statSync(join(EXT_DIR, 'chunks', n)).size, 0);
  console.log(`extension size ${(total / 1048576).toFixed(2)} MB, of which the PDF viewer (pdf.js, worker, CMaps, fonts, wasm) ${(pdfjs / 1048576).toFixed(2)} MB`);
} finally {
  await h.close();
}
