// The audit page in the real browser, side by side in one run, on 200 local report pages (the real
// web pages in ../shared, each served under 25 addresses with its own agency in the title):
// - reports per minute through audit.html?urls=, as a ratio to fetching and DOMParser alone of the
//   same pages, 4 at a time, in an extension page of the same browser;
// - the peak JS heap of each (sampled twice a second), as a ratio;
// - the audit page's longest main-thread task (Chromium's long-task timing; the target is < 50 ms).
import { readFileSync, readdirSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { REPORTS_DIR } from '../test/helpers';
import { launch } from '../test/e2e/harness';

const N = Number(process.env.AUDIT_N ?? 200);

const pages = readdirSync(REPORTS_DIR)
  .filter((d) => /^\d+$/.test(d))
  .flatMap((d) => {
    try {
      return [readFileSync(`${REPORTS_DIR}${d}/source.html`, 'utf8')];
    } catch {
      return [];
    }
  });

const NAMES = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/** Page `i`: one of the real pages, its body renamed so that no two are one body's same year. */
const pageOf = (i: number) => {
  const html = pages[i % pages.length];
  const name = `${NAMES[i % 10]}${NAMES[Math.floor(i / 10) % 10]}${NAMES[Math.floor(i / 100) % 10]}县`;
  return html.replace(/<title>[^<]*/i, (t) => `${t}（${name}）`).replace(/平潭综合实验区管委会|平潭综合实验区|上海市人民政府办公厅|上海市科学技术委员会|沭阳县发展和改革局|沭阳县人民政府|测试市/g, name);
};

async function heapSampler(cdp: CDPSession) {
  await cdp.send('Performance.enable');
  let peak = 0;
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] as { name: string; value: number }[] }));
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return async () => {
    stop = true;
    await loop;
    return peak / 1048576;
  };
}

const h = await launch();
try {
  for (let i = 0; i < N; i++) h.route(`/a/${i}.html`, { body: pageOf(i), type: 'text/html; charset=utf-8' });
  const urls = Array.from({ length: N }, (_, i) => `${h.base}/a/${i}.html`);

  // Baseline: fetch + DOMParser of the same pages, 4 at a time, in an extension page.
  const base: Page = await h.context.newPage();
  await base.goto(`chrome-extension://${h.extensionId}/popup.html`);
  const baseCdp = await h.context.newCDPSession(base);
  await baseCdp.send('HeapProfiler.collectGarbage');
  const basePeak = await heapSampler(baseCdp);
  // (A string: tsx would wrap named functions in a helper the page does not have.)
  const baseMs = (await base.evaluate(`(async (list) => {
    const t0 = performance.now();
    let next = 0;
    let kept = 0;
    const one = async () => {
      while (next < list.length) {
        const url = list[next++];
        const html = await (await fetch(url)).text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        kept += doc.body ? doc.body.childElementCount : 0;
      }
    };
    await Promise.all([one(), one(), one(), one()]);
    return performance.now() - t0 + kept * 0;
  })(${JSON.stringify(urls)})`)) as number;
  const baseHeap = await basePeak();
  await base.close();

  // Ours: the audit page on the same addresses.
  const tab: Page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(tab);
  const peak = await heapSampler(cdp);
  const t0 = Date.now();
  await tab.goto(`chrome-extension://${h.extensionId}/audit.html?urls=${encodeURIComponent(urls.join('\n'))}&jobs=4`);
  await tab.waitForFunction(() => document.getElementById('audit')?.getAttribute('data-nianbao-audit-state') === 'done', null, { timeout: 1_800_000, polling: 500 });
  const oursMs = Date.now() - t0;
  const heap = await peak();
  const host = await tab.evaluate(() => {
    const a = document.getElementById('audit')!;
    const rows = [...document.querySelectorAll<HTMLElement>('[data-nianbao-row]')];
    return { longest: Number(a.dataset.longestTask ?? 0), longTasks: Number(a.dataset.longTasks ?? 0), done: rows.filter((r) => r.dataset.state === 'done').length, rows: rows.length };
  });
  await tab.close();

  const perMin = (ms: number) => (N / ms) * 60_000;
  console.log(`audit of ${N} local report pages (${host.done}/${host.rows} checked)`);
  console.log(`reports per minute: audit page ${perMin(oursMs).toFixed(0)}; fetch + DOMParser alone ${perMin(baseMs).toFixed(0)}; time ratio ${(oursMs / baseMs).toFixed(2)}`);
  console.log(`peak JS heap: audit page ${heap.toFixed(1)} MB; fetch + DOMParser alone ${baseHeap.toFixed(1)} MB; ratio ${(heap / baseHeap).toFixed(2)}`);
  console.log(`audit page's longest main-thread task: ${host.longest} ms (${host.longTasks} task(s) of 50 ms or more)${host.longest >= 50 ? '  ← over the 50 ms target' : ''}`);
  if (host.longest >= 50) process.exitCode = 1;
  if (host.done !== N) {
    console.error(`only ${host.done} of ${N} reports were checked`);
    process.exitCode = 1;
  }
} finally {
  await h.close();
}
