// npm start: builds the extension and opens Chromium with it on a bundled sample report, offline.
// The sample is served from 127.0.0.1 under a *.gov.cn name (Chromium maps the name itself), so the
// extension checks it automatically, as it would on a real government site.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../test/e2e/harness';
import { baseReport } from '../test/fixtures/base';
import { encodeGbk, layoutOf, renderCms, type SeedId } from '../test/fixtures/render';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const sample = process.env.SAMPLE ?? 'demo';

/** The demo: a made-up report with one wrong total and one missing section (labelled as such). */
function demoPage(): Uint8Array {
  const d = baseReport();
  d.title = '示例单位2023年政府信息公开工作年度报告（演示用，数字有意改错）';
  const c = d.t3.rows.find((r) => r.key === 'c')!;
  c.values[6] = String(Number(c.values[6]) - 1);
  d.sections = d.sections.filter((s) => s.n !== 5);
  d.t2.subtables[0].rows[1][0] = '规范性文件';
  return encodeGbk(renderCms(d));
}

if (!existsSync(CHROMIUM)) {
  console.error(`找不到 Chromium（${CHROMIUM}）。请先安装：sudo apt-get install -y chromium fonts-noto-cjk\nChromium not found at ${CHROMIUM}: install it with apt-get install -y chromium fonts-noto-cjk`);
  process.exit(2);
}
console.log('构建扩展 / building the extension…');
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });

const page = { bytes: sample === 'demo' ? demoPage() : layoutOf(sample as SeedId, 'cms').bytes };
const server = createServer((req, res) => {
  if (req.url === '/' || req.url?.startsWith('/report')) {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page.bytes);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const url = `http://sample.report.gov.cn:${port}/report.html`;
const ext = join(ROOT, '.output/chrome-mv3');
const userDir = mkdtempSync(join(tmpdir(), 'nianbao-start-'));
const args = [`--user-data-dir=${userDir}`, ...chromiumArgs(ext)];

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  // No screen (a server, CI): open it headless and save a screenshot of the marked report instead.
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(userDir, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, args: chromiumArgs(ext) });
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.waitForSelector('nianbao-check[data-nianbao-state="done"]', { state: 'attached', timeout: 20_000 });
  // Open the card of the first error (the wrong total), as a person would by clicking its badge.
  await tab.locator('nianbao-check .item').filter({ hasText: '相差' }).first().click();
  await tab.waitForTimeout(800);
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  const shot = join(ROOT, 'artifacts/start.png');
  await tab.screenshot({ path: shot });
  const counts = await tab.evaluate(() => {
    const h = document.querySelector('nianbao-check')!;
    return `${h.getAttribute('data-errors')} 错误 / ${h.getAttribute('data-warnings')} 警告 / ${h.getAttribute('data-infos')} 提示`;
  });
  console.log(`没有图形界面，已在无头模式打开样例报告：${counts}\nNo display: opened the sample headless; screenshot saved to ${shot}`);
  await context.close();
  server.close();
} else {
  console.log(`打开样例报告 / opening the sample report: ${url}\n关闭浏览器即可结束 / close the browser to stop.`);
  const child = spawn(CHROMIUM, [...args, url], { stdio: 'ignore' });
  child.on('exit', () => server.close());
}
