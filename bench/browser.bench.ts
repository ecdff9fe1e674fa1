// The extension in the real browser, side by side in one run (Chromium traces):
// - pages that are not reports: our main-thread time as a ratio to an extension whose content
//   script does nothing;
// - report pages: our main-thread time as a ratio to the browser's own cost of loading the page,
//   the longest task of ours (every task should stay under 50 ms), and the time from idle to marks.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, EXT_DIR, ROOT, chromiumArgs, ensureBuilt } from '../test/e2e/harness';
import { STYLES, withBrowser } from '../test/fixtures/images';
import { picturePage, type PicturePage } from '../test/fixtures/picture-page';
import { layoutOf, loadSeed } from '../test/fixtures/render';
import { sniffHtmlCharset } from '../lib/read/decode';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; name?: string };
}

const RUNS = Number(process.env.RUNS ?? 3);

function nullExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-null-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'null', version: '1.0', content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['cs.js'], run_at: 'document_idle', all_frames: true }] }),
  );
  writeFileSync(join(dir, 'cs.js'), 'void 0;\n');
  return dir;
}

interface BenchPage {
  name: string;
  report: boolean;
  body: string | Uint8Array;
  /** Other files of the page (its pictures), by path. */
  files?: Map<string, Uint8Array>;
}

function pages(pictures: PicturePage): BenchPage[] {
  const para = '<p>本网站为政务服务平台，提供办事指南、政策文件和新闻动态。今天召开了工作会议，会议强调要抓好各项工作落实。</p>';
  const long = `<html><head><meta charset="utf-8"><title>新闻中心</title></head><body>${para.repeat(Math.ceil(1_500_000 / para.length))}</body></html>`;
  const cells = Array.from({ length: 2000 }, (_, i) => `<tr>${Array.from({ length: 9 }, (_, j) => `<td>${i * 9 + j}</td>`).join('')}</tr>`).join('');
  const many = `<html><head><meta charset="utf-8"><title>数据表</title></head><body><table>${cells}</table></body></html>`;
  const small = `<html><head><meta charset="utf-8"><title>通知公告</title></head><body><h1>关于开展工作的通知</h1>${para.repeat(20)}</body></html>`;
  const out: BenchPage[] = [
    { name: 'news page (small)', report: false, body: small },
    { name: 'long page 1.5 MB text', report: false, body: long },
    { name: '20,000 elements', report: false, body: many },
    { name: 'seed 003 cms', report: true, body: layoutOf('003', 'cms').bytes },
    { name: 'seed 001 word', report: true, body: layoutOf('001', 'word').bytes },
    // Its tables as pictures: OCR runs in the extension's offscreen page, the page's thread stays free.
    { name: 'seed 001, tables as pictures', report: true, body: pictures.html, files: pictures.pictures },
  ];
  for (const id of ['013', '014', '015']) {
    const f = join(ROOT, `../shared/reports/${id}/source.html`);
    if (existsSync(f)) out.push({ name: `report ${id} (real page)`, report: true, body: readFileSync(f) });
  }
  return out;
}

async function measure(extDir: string, extId: 'ours' | 'null', page: BenchPage) {
  const server = createServer((req, res) => {
    const file = page.files?.get(req.url ?? '');
    if (file) return void res.writeHead(200, { 'content-type': 'image/png' }).end(file);
    if (req.url !== '/p.html') return void res.writeHead(404).end();
    // A page that declares a legacy charset (GB2312) is served as it declares; others as UTF-8.
    const declared = typeof page.body === 'string' ? null : sniffHtmlCharset(page.body);
    res.writeHead(200, { 'content-type': declared && declared !== 'utf-8' ? 'text/html' : 'text/html; charset=utf-8' });
    res.end(page.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const userDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(extDir),
  });
  await context.route(/.*/, (r) => {
    const url = new URL(r.request().url());
    return !url.protocol.startsWith('http') || url.port === String(port) ? r.continue() : r.abort();
  });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.on('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', '__metadata'] }, transferMode: 'ReportEvents' });
  await tab.goto(`http://bench.report.gov.cn:${port}/p.html`, { waitUntil: 'load' });
  let idleToMarks: number | null = null;
  let longestStep = 0;
  if (page.report && extId === 'ours') {
    await tab.waitForSelector('nianbao-check[data-nianbao-state="done"]', { state: 'attached', timeout: 90_000 });
    const info = await tab.evaluate(() => {
      const h = document.querySelector('nianbao-check')!;
      return { idle: Number(h.getAttribute('data-idle-to-marks')), timing: h.getAttribute('data-timing'), step: Number(h.getAttribute('data-longest-step')) };
    });
    idleToMarks = info.idle;
    longestStep = info.step;
    if (process.env.VERBOSE) console.log('   phases', info.timing, 'longest step', info.step);
  }
  await tab.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  server.close();
  rmSync(userDir, { recursive: true, force: true });
  const traced = attribute(events);
  if (process.env.VERBOSE) console.log('   traced longest', traced.longestMs.toFixed(1));
  // Our timer callbacks do not always carry our script's URL in the trace: take our own measure too.
  return { ...traced, longestMs: Math.max(traced.longestMs, longestStep), idleToMarks };
}

/** Main-thread time of the page's renderer: ours (extension scripts) and the page's own. */
function attribute(events: TraceEvent[]) {
  // The page's renderer only: the one our detector ran in (the offscreen OCR page has a renderer of its own).
  const pagePids = new Set(events.filter((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').endsWith('/detector.js')).map((e) => e.pid));
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pagePids.size === 0 || pagePids.has(e.pid))).map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const isOurs = (e: TraceEvent) => (e.args?.data?.url ?? '').startsWith('chrome-extension://');
  const scripts = onMain.filter((e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile') && isOurs(e));
  if (process.env.DUMP) for (const e of scripts) if ((e.dur ?? 0) > 5000) console.log('   ', e.name, ((e.dur ?? 0) / 1000).toFixed(2), e.args?.data?.url?.split('/').pop());
  // Our time: extension script events, nested ones counted once.
  let ours = 0;
  let end = -1;
  for (const e of scripts.sort((a, b) => a.ts - b.ts)) {
    if (e.ts >= end) {
      ours += e.dur ?? 0;
      end = e.ts + (e.dur ?? 0);
    } else if (e.ts + (e.dur ?? 0) > end) {
      ours += e.ts + (e.dur ?? 0) - end;
      end = e.ts + (e.dur ?? 0);
    }
  }
  let longest = 0;
  for (const t of tasks) {
    const tEnd = t.ts + (t.dur ?? 0);
    if (scripts.some((s) => s.ts >= t.ts && s.ts < tEnd)) longest = Math.max(longest, t.dur ?? 0);
  }
  if (process.env.DUMP) {
    const t0 = Math.min(...tasks.map((t) => t.ts));
    for (const t of tasks.filter((x) => (x.dur ?? 0) > 30_000)) {
      const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0) && ((e.dur ?? 0) > 3000 || isOurs(e)));
      console.log(`    task at ${((t.ts - t0) / 1000).toFixed(0)} ms: ${((t.dur ?? 0) / 1000).toFixed(1)} ms`, inside.map((e) => `${e.name}:${((e.dur ?? 0) / 1000).toFixed(1)}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop()})` : ''}${e.name === 'Layout' ? JSON.stringify((e.args as { beginData?: unknown })?.beginData ?? {}) : ''}`).join(' '));
    }
  }
  const total = tasks.reduce((a, t) => a + (t.dur ?? 0), 0);
  return { oursMs: ours / 1000, longestMs: longest / 1000, mainMs: total / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

ensureBuilt();
const nullExt = nullExtension();
const pictures = await withBrowser((b) => picturePage(b, loadSeed('001'), STYLES[0], ''));
console.log(`Chromium traces, median of ${RUNS} runs; ours = main-thread time in our extension's scripts`);
console.log(`${'page'.padEnd(26)} ${'ours ms'.padStart(8)} ${'null ms'.padStart(8)} ${'ratio'.padStart(7)} ${'page main ms'.padStart(12)} ${'ours/page'.padStart(9)} ${'longest'.padStart(8)} ${'idle→marks'.padStart(10)}`);
// ONLY=text: just the pages whose name holds it.
for (const p of pages(pictures).filter((x) => !process.env.ONLY || x.name.includes(process.env.ONLY))) {
  const ours = [];
  const nul = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await measure(EXT_DIR, 'ours', p));
    nul.push(await measure(nullExt, 'null', p));
  }
  const o = median(ours.map((r) => r.oursMs));
  const n = median(nul.map((r) => r.oursMs));
  const pageMain = median(nul.map((r) => r.mainMs));
  const longest = Math.max(...ours.map((r) => r.longestMs));
  const idle = p.report ? median(ours.map((r) => r.idleToMarks ?? NaN)) : NaN;
  console.log(
    `${p.name.padEnd(26)} ${o.toFixed(1).padStart(8)} ${n.toFixed(1).padStart(8)} ${(o / Math.max(n, 0.01)).toFixed(1).padStart(7)} ${pageMain.toFixed(1).padStart(12)} ${(o / pageMain).toFixed(2).padStart(9)} ${longest.toFixed(1).padStart(8)} ${Number.isNaN(idle) ? '-'.padStart(10) : idle.toFixed(0).padStart(10)}`,
  );
}
rmSync(nullExt, { recursive: true, force: true });
mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
