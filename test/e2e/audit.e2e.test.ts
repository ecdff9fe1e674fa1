// The audit page in the built extension (Debian's Chromium): real reports from ../shared (two years
// of 平潭's web pages, two years of 洪泽's PDFs), a generated .docx, a page that is no report, a list
// page of reports with site chrome, one address that answers 404 and one slower than the timeout,
// all through audit.html?urls=. Each row's state and counts equal the command line's on the same
// addresses given together; the CSV and the workbook are downloaded and read back; a reload resumes
// without fetching again; no request goes anywhere but to the listed addresses.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedReport, writeDocx } from '../fixtures/docx';
import { cli } from '../fixtures/cli';
import { REPORTS_DIR } from '../helpers';
import { hook, launch, type Harness } from './harness';

let h: Harness;
let page: Page;

const LIST_PAGE = (base: string) => `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报_平潭综合实验区</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zfxxgk/">政府信息公开</a><a href="/zfxxgk/ndbg/">政府信息公开年报</a><a href="/zfxxgk/zn/">政府信息公开指南</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk/">信息公开</a> &gt; 政府信息公开年报</div>
<ul class="list">
<li><a href="/r/pt2024.html" title="平潭综合实验区2024年政府信息公开工作年度报告">平潭综合实验区2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li>
<li><a href="${base}/r/pt2023.html">平潭综合实验区2023年政府信息公开工作年度报告</a><span>2024-01-19</span></li>
<li><a href="/r/pt2022.html">平潭综合实验区2022年政府信息公开工作年度报告</a><span>2023-01-18</span></li>
</ul>
<div class="page"><a href="?page=2">下一页</a></div>
<div class="footer"><a href="/about.html">关于我们</a> 主办：平潭综合实验区管委会</div>
</body></html>`;

const NEWS = '<!doctype html><html><head><meta charset="utf-8"><title>区领导调研重点项目建设</title></head><body><h1>区领导调研重点项目建设</h1><p>11月28日，区领导深入重点项目现场调研，强调要加快推进项目建设。</p></body></html>';

const stateOf = (p: Page) => p.evaluate(() => document.getElementById('audit')?.getAttribute('data-nianbao-audit-state'));
const rowsOf = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-nianbao-row]')].map((r) => ({ url: r.dataset.url!, state: r.dataset.state!, errors: Number(r.dataset.errors), warnings: Number(r.dataset.warnings) })),
  );

async function download(p: Page, label: RegExp): Promise<Buffer> {
  const [dl] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: label }).click()]);
  const path = await dl.path();
  return readFileSync(path!);
}

let urls: Record<string, string>;

beforeAll(async () => {
  h = await launch();
  const read = (id: string, file: string) => readFileSync(`${REPORTS_DIR}${id}/${file}`);
  const g = generatedReport(3301);
  const routes: Record<string, { body: Uint8Array | string; type: string; delayMs?: number }> = {
    '/r/pt2024.html': { body: read('008', 'source.html'), type: 'text/html' },
    '/r/pt2023.html': { body: read('013', 'source.html'), type: 'text/html' },
    '/r/pt2022.html': { body: read('009', 'source.txt'), type: 'text/plain; charset=utf-8' },
    '/r/hz2023.pdf': { body: read('002', 'source.pdf'), type: 'application/pdf' },
    '/r/hz2024.pdf': { body: read('003', 'source.pdf'), type: 'application/pdf' },
    '/r/gen.docx': { body: await writeDocx(g.data, 3301), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    '/news.html': { body: NEWS, type: 'text/html; charset=utf-8' },
    '/zfxxgk/ndbg/': { body: LIST_PAGE(h.base), type: 'text/html; charset=utf-8' },
    '/slow.html': { body: NEWS, type: 'text/html; charset=utf-8', delayMs: 30_000 },
  };
  for (const [path, r] of Object.entries(routes)) h.route(path, r);
  urls = Object.fromEntries(Object.keys(routes).map((p) => [p, `${h.base}${p}`]));
  page = await h.context.newPage();
}, 180_000);
afterAll(async () => {
  await h?.close();
});

/** A site off *.gov.cn, which the extension may not read until the user allows it. */
const foreign = () => `${h.base.replace('report.test.gov.cn', 'test.example')}/elsewhere.html`;
const listed = () => [...['/r/pt2024.html', '/r/pt2023.html', '/r/hz2023.pdf', '/r/hz2024.pdf', '/r/gen.docx', '/news.html', '/zfxxgk/ndbg/', '/missing.html', '/slow.html'].map((p) => urls[p] ?? `${h.base}${p}`), foreign()];
const auditUrl = (list: string[], extra = '') => `chrome-extension://${h.extensionId}/audit.html?urls=${encodeURIComponent(list.join('\n'))}${extra}`;

describe('audit page', () => {
  it('checks every listed address and gives each row the command line\'s state and counts', async () => {
    const before = h.requests.length;
    await page.goto(auditUrl(listed(), '&timeout=3'));
    await expect.poll(() => stateOf(page), { timeout: 240_000, interval: 500 }).toBe('done');
    const rows = await rowsOf(page);
    expect(rows.map((r) => r.url)).toEqual(listed());
    const by = Object.fromEntries(rows.map((r) => [new URL(r.url).pathname, r]));
    expect(by['/missing.html'].state).toBe('failed');
    expect(by['/slow.html'].state).toBe('failed');
    expect(by['/news.html'].state).toBe('not-report');
    expect(by['/zfxxgk/ndbg/'].state).toBe('not-report');
    // Off gov.cn without access: failed, saying so, and the page offers to ask for that site once.
    const off = rows.find((r) => r.url === foreign())!;
    expect(off.state).toBe('failed');
    expect(await page.locator('p.access').textContent()).toContain('test.example');
    // The command line on the same addresses, given together (the batch is chained year with year);
    // Node reaches the test server by its address, not by the gov.cn name Chromium maps.
    const local = (u: string) => u.replace(/^http:\/\/report\.test\.gov\.cn:/, 'http://127.0.0.1:');
    const inputs = listed().filter((u) => !/slow|missing/.test(u) && u !== foreign());
    const out = await cli('--json', ...inputs.map(local));
    const json = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { detected: boolean; findings: { severity: string; rule: string }[]; error?: string });
    inputs.forEach((u, i) => {
      const row = by[new URL(u).pathname];
      const j = json[i];
      const state = j.error ? 'failed' : j.detected ? 'done' : 'not-report';
      expect({ state: row.state, errors: row.errors, warnings: row.warnings }, u).toEqual({
        state,
        errors: j.findings.filter((f) => f.severity === 'error').length,
        warnings: j.findings.filter((f) => f.severity === 'warning').length,
      });
    });
    // The chains the batch holds were compared (平潭 2023 → 2024, 洪泽 2023 → 2024).
    expect(json.some((j) => j.findings.some((f) => f.rule.startsWith('cross-year')))).toBe(true);
    // Nothing requested but the listed addresses (and the extension's own files).
    const asked = h.requests.slice(before).filter((u) => /^https?:/.test(u));
    for (const u of asked) expect(listed(), u).toContain(u);
    expect(asked).not.toContain(foreign());
    const host = await page.evaluate(() => {
      const a = document.getElementById('audit')!;
      return { reports: a.dataset.reports, errors: Number(a.dataset.errors), warnings: Number(a.dataset.warnings) };
    });
    expect(host.reports).toBe(String(listed().length));
    expect(host.errors).toBe(rows.reduce((n, r) => n + r.errors, 0));
  }, 300_000);

  it('a finding reviewed on the audit page is kept and exported with its note', async () => {
    const row = page.locator('[data-nianbao-row][data-url$="/r/pt2024.html"]');
    await row.locator('button.expand').click();
    const first = page.locator('.details li').first();
    await first.locator('[data-review-action="confirmed"]').click();
    await first.locator('textarea[data-review-note]').fill('已与原表核对');
    await first.locator('textarea[data-review-note]').blur();
    await expect.poll(() => first.locator('[data-review-saved]').getAttribute('data-review-saved'), { timeout: 10_000 }).toBe('saved');
    await row.locator('button.expand').click();
  }, 60_000);

  it('exports the findings as CSV (BOM, one line per finding) and as a workbook of two sheets', async () => {
    const rows = await rowsOf(page);
    const csv = await download(page, /导出 CSV|Export CSV/);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(csv.toString('utf8').slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...lines] = parsed.data;
    expect(header.slice(0, 3)).toEqual(['输入', '机关', '标题']);
    const rule = header.indexOf('规则');
    const severity = header.indexOf('级别');
    // Finding lines name their rule; status lines (failed, not a report, a notice) leave it empty.
    const findings = lines.filter((l) => l[rule] !== '');
    for (const r of rows) {
      const mine = findings.filter((l) => l[0] === r.url);
      expect(mine.filter((l) => l[severity] === '错误').length, r.url).toBe(r.errors);
      expect(mine.filter((l) => l[severity] === '警告').length, r.url).toBe(r.warnings);
      if (r.state !== 'done') expect(lines.some((l) => l[0] === r.url && l[rule] === ''), r.url).toBe(true);
    }
    const reviewed = findings.filter((l) => l[header.indexOf('审核')] === '确认');
    expect(reviewed.map((l) => l[header.indexOf('备注')])).toEqual(['已与原表核对']);
    expect(reviewed[0][0]).toBe(`${h.base}/r/pt2024.html`);
    const book = await JSZip.loadAsync(await download(page, /导出 Excel|Export Excel/));
    const wb = await book.file('xl/workbook.xml')!.async('string');
    expect(wb).toContain('报告');
    expect(wb).toContain('问题');
  }, 60_000);

  it('prints a memo with every report and each error\'s equation', async () => {
    await page.getByRole('button', { name: /打印核查意见|Print the memo/ }).click();
    const memo = page.locator('[data-nianbao-memo]');
    await expect.poll(() => memo.count()).toBe(1);
    const text = (await memo.textContent()) ?? '';
    expect(text).toContain('年报核查意见');
    expect(text).toContain('平潭');
    expect(text).toMatch(/相差|gap/);
    await page.getByRole('button', { name: /返回|Back/ }).click();
  }, 60_000);

  it('a row opens its report with its marks: a page in a tab, a file in the viewer, with the row\'s counts', async () => {
    const rows = await rowsOf(page);
    for (const path of ['/r/pt2024.html', '/r/hz2024.pdf']) {
      const row = rows.find((r) => r.url.endsWith(path))!;
      // The tab checks the report alone (the harness keeps no history): the batch's cross-year findings aside.
      const line = page.locator(`[data-nianbao-row][data-url$="${path}"]`);
      await line.locator('button.expand').click();
      const cross = (sev: string) => page.locator(`.details li.${sev}[data-rule^="cross-year"]`).count();
      const alone = { errors: row.errors - (await cross('error')), warnings: row.warnings - (await cross('warning')) };
      await line.locator('button.expand').click();
      const [tab] = await Promise.all([h.context.waitForEvent('page'), page.locator(`[data-nianbao-row][data-url$="${path}"] button.open`).click()]);
      const got = await hook(tab, 120_000);
      expect({ state: got.state, errors: got.errors, warnings: got.warnings }, path).toEqual({ state: 'done', ...alone });
      if (path.endsWith('.pdf')) expect(tab.url()).toContain('/viewer.html?src=');
      await tab.close();
    }
  }, 240_000);

  it('a list page offers its report links; the ones ticked are added and checked', async () => {
    const row = page.locator('[data-nianbao-row][data-url$="/zfxxgk/ndbg/"]');
    await row.getByRole('button', { name: /选择要核查的报告|Choose the reports/ }).click();
    const boxes = page.locator('.picker input[type=checkbox]');
    const links = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.link));
    expect(links).toEqual([`${h.base}/r/pt2024.html`, `${h.base}/r/pt2023.html`, `${h.base}/r/pt2022.html`]);
    await page.locator('.picker .add-links').click();
    await expect.poll(() => stateOf(page), { timeout: 120_000 }).toBe('done');
    const rows = await rowsOf(page);
    const added = rows.find((r) => r.url === `${h.base}/r/pt2022.html`);
    expect(added?.state).toBe('done');
    // Already listed: not twice.
    expect(rows.filter((r) => r.url === `${h.base}/r/pt2024.html`).length).toBe(1);
  }, 180_000);

  it('a reload resumes the audit: the rows done are kept, nothing is fetched again', async () => {
    const before = h.requests.filter((u) => u.endsWith('/r/pt2024.html')).length;
    const rows = await rowsOf(page);
    await page.reload();
    await expect.poll(() => stateOf(page), { timeout: 60_000 }).toMatch(/done|cancelled/);
    expect(await rowsOf(page)).toEqual(rows);
    expect(h.requests.filter((u) => u.endsWith('/r/pt2024.html')).length).toBe(before);
  }, 120_000);
  // Last: it starts an audit of its own, which replaces the one kept.
  it('a reload in the middle of an audit goes on: the rows done are not fetched again, the others are', async () => {
    h.route('/later.html', { body: readFileSync(`${REPORTS_DIR}012/source.html`), type: 'text/html', delayMs: 4000 });
    const list = [`${h.base}/r/pt2024.html`, `${h.base}/news.html`, `${h.base}/later.html`];
    const tab = await h.context.newPage();
    const count = (path: string) => h.requests.filter((u) => u.endsWith(path)).length;
    const before = { report: count('/r/pt2024.html'), later: count('/later.html') };
    await tab.goto(auditUrl(list, '&jobs=1'));
    // The first two are done, the slow one is being fetched: reload now.
    await expect.poll(async () => (await rowsOf(tab)).filter((r) => r.state === 'done' || r.state === 'not-report').length, { timeout: 60_000 }).toBe(2);
    await tab.reload();
    await expect.poll(() => stateOf(tab), { timeout: 60_000 }).toBe('done');
    const rows = await rowsOf(tab);
    expect(rows.map((r) => r.state)).toEqual(['done', 'not-report', 'done']);
    expect(count('/r/pt2024.html') - before.report).toBe(1);
    expect(count('/later.html') - before.later).toBeGreaterThanOrEqual(2);
    await tab.close();
  }, 120_000);


  it('the panel on a report page opens the desk (「批量核查」)', async () => {
    const report = await h.context.newPage();
    await report.goto(`${h.base}/r/pt2024.html`);
    await hook(report, 60_000);
    const [desk] = await Promise.all([
      h.context.waitForEvent('page'),
      report.evaluate(() => (document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-action="audit"]') as HTMLButtonElement).click()),
    ]);
    await desk.waitForLoadState();
    expect(desk.url()).toBe(`chrome-extension://${h.extensionId}/audit.html`);
    await expect.poll(() => stateOf(desk)).toMatch(/idle|done|cancelled/);
    await desk.close();
    await report.close();
  }, 90_000);
});
