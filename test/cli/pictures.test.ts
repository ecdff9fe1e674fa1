// The command line reads the table pictures of a page, as the extension does: seed 001's Word page
// with tables 二/三/四 as PNG pictures (rendered by Chromium) beside it, from files and over http.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../lib/check';
import { nodeRecognizer } from '../../lib/ocr/node';
import { STYLES, withBrowser } from '../fixtures/images';
import { checkPicturePage, picturePage, type PicturePage } from '../fixtures/picture-page';
import { loadSeed, renderWord } from '../fixtures/render';

const BIN = fileURLToPath(new URL('../../bin/nianbao-check.mjs', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
async function cli(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as Run;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
const jsonLines = (r: Run) => r.stdout.trim().split('\n').map((l) => JSON.parse(l));

interface FindingJ {
  rule: string;
  severity: string;
  section?: number;
  cells: { table: string }[];
}
const rulesOf = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.rule}:${f.severity}`).sort();
const tableMissing = (findings: FindingJ[], n: number) => findings.filter((f) => f.rule === 'table-missing' && f.section === n);

let page: PicturePage;
let expected: CheckResult;
let dir: string;
let paragraph: Uint8Array;

/** The page and (some of) its pictures in a directory of their own. */
function writePage(name: string, pictures: string[], html = page.html): string {
  const at = join(dir, name);
  for (const [path, bytes] of page.pictures)
    if (pictures.some((p) => path.endsWith(p))) {
      mkdirSync(dirname(join(at, path)), { recursive: true });
      writeFileSync(join(at, path), bytes);
    }
  mkdirSync(at, { recursive: true });
  writeFileSync(join(at, 'page.html'), html);
  return join(at, 'page.html');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nbc-pictures-'));
  await withBrowser(async (browser) => {
    page = await picturePage(browser, loadSeed('001'), STYLES[0], 'img');
    // A picture of prose, not of a table: a paragraph of a report as a screenshot.
    const p = await browser.newPage();
    await p.setContent('<p style="font: 18px \'Noto Sans CJK SC\', sans-serif; width: 640px; margin: 16px">本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，进一步加强政府信息公开工作。现将本年度工作情况报告如下。</p>');
    paragraph = new Uint8Array(await (await p.$('p'))!.screenshot({ type: 'png' }));
    await p.close();
  });
  const rec = await nodeRecognizer();
  try {
    expected = await checkPicturePage(page, rec);
  } finally {
    await rec.close();
  }
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command line reads the table pictures beside a page', () => {
  it('reads tables 二/三/四 from the pictures as the extension does, and a missing picture is a notice, not table-missing', async () => {
    const full = writePage('full', ['t2.png', 't3.png', 't4.png']);
    // Without width attributes the size is unknown until the picture is read: that rules nothing out.
    const missing = writePage('missing', ['t2.png', 't4.png'], page.html.replace(/ width="\d+"/g, ''));
    const run = await cli('--json', full, missing);
    const [a, b] = jsonLines(run);
    // The same pipeline as in Node (lib/ext/pictures with OCR in Node): the same findings, the same values.
    expect(a.detected).toBe(true);
    expect(rulesOf(a.findings)).toEqual(rulesOf(expected.findings));
    expect(a.report.tables.t3.rows.a).toEqual(expected.report!.tables.t3.rows.a.cells.map((c) => (c.state === 'number' ? c.value : null)));
    expect(Object.keys(a.report.tables.t3.rows).length).toBeGreaterThan(20);
    expect(a.report.tables.t4.cells).toHaveLength(15);
    expect(a.findings.filter((f: FindingJ) => f.rule === 'table-missing')).toEqual([]);
    expect(a.notices).toEqual(expected.notices.map((n) => n.zh));
    // Table 三's picture is not there: said in a notice, its table not reported missing, the others still read.
    expect(b.notices.join('\n')).toMatch(/图片「t3\.png」未能识别（图片文件不存在）/);
    expect(tableMissing(b.findings, 3)).toEqual([]);
    expect(b.report.tables.t3.rows).toEqual({});
    expect(b.report.tables.t4.cells).toEqual(a.report.tables.t4.cells);
    expect(b.findings.filter((f: FindingJ) => f.cells.some((c) => c.table === 't3'))).toEqual([]);
    // Exit code: errors found or not, pictures or no pictures.
    const errors = [...a.findings, ...b.findings].some((f: FindingJ) => f.severity === 'error');
    expect(run.code).toBe(errors ? 1 : 0);
  }, 180_000);

  it('prints the notices in the summary (missing, not PNG/JPEG, no table in it); a lone picture without a table exits 2 with a message, never 「未发现问题」', async () => {
    const blank = join(dir, 'blank.png');
    const png = new PNG({ width: 400, height: 200 });
    png.data.fill(255);
    writeFileSync(blank, PNG.sync.write(png));
    // Table 二 a blank picture, table 三 missing, table 四 a GIF under a .png name.
    const odd = writePage('odd', []);
    mkdirSync(join(dirname(odd), 'img'), { recursive: true });
    writeFileSync(join(dirname(odd), 'img', 't2.png'), PNG.sync.write(png));
    writeFileSync(join(dirname(odd), 'img', 't4.png'), new TextEncoder().encode('GIF89a\x01\x00\x01\x00'));
    const text = join(dir, 'paragraph.png');
    writeFileSync(text, paragraph);
    const run = await cli(odd, text, blank);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('⚠ 图片「t3.png」未能识别（图片文件不存在），其中的表格未做核对，请人工核对');
    expect(run.stdout).toContain('⚠ 图片「t4.png」未能识别（不是 PNG 或 JPEG 图片）');
    expect(run.stdout).toContain('⚠ 第二部分的图片中未能识别出表格，请人工核对');
    expect(run.stdout).not.toContain('table-missing');
    expect(run.stdout).not.toContain('  未发现问题。');
    expect(run.stderr).toContain(`未在图片中找到年报表格：${text}`);
    expect(run.stderr).toContain(`No annual-report table was found in the picture: ${blank}`);
    expect(run.stdout).not.toContain(text);
    expect(run.stdout).not.toContain(blank);
    const en = await cli('--json', '--lang', 'en', blank);
    expect(en.code).toBe(2);
    expect(jsonLines(en)[0]).toMatchObject({ input: blank, detected: false, notices: [], error: `No annual-report table was found in the picture: ${blank}` });
  }, 180_000);
});

describe('an icon is not a table', () => {
  it('a small picture where table 三 should stand is not read (as in the browser, once its size is known): table-missing stands', async () => {
    const icon = new PNG({ width: 24, height: 24 });
    icon.data.fill(0);
    let k = 0;
    const html = renderWord(loadSeed('001')).replace(/<table[\s\S]*?<\/table>/g, (t) => (k++ === 1 ? '<p><img src="icon.png"></p>' : t));
    const at = join(dir, 'icon');
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, 'icon.png'), PNG.sync.write(icon));
    writeFileSync(join(at, 'page.html'), html);
    const [r] = jsonLines(await cli('--json', join(at, 'page.html')));
    expect(tableMissing(r.findings, 3)).toHaveLength(1);
    expect(r.notices).toEqual([]);
  });
});

describe('pictures are taken only from where the page came from', () => {
  let site: Server;
  let other: Server;
  const otherRequests: string[] = [];
  const origin = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

  beforeAll(async () => {
    other = createServer((req, res) => {
      otherRequests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end(page.pictures.get('img/t4.png'));
    });
    site = createServer((req, res) => {
      const url = req.url ?? '';
      if (url === '/r/page.html') {
        // t3 by an absolute address on the same site, t4 on another site.
        // And a preload link to the other site: happy-dom would fetch it by itself.
        const html = page.html
          .replace('src="img/t3.png"', `src="${origin(site)}/r/img/t3.png"`)
          .replace('src="img/t4.png"', `src="${origin(other)}/img/t4.png"`)
          .replace('</head>', `<link rel="preload" as="fetch" href="${origin(other)}/preload"></head>`);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      } else if (url === '/r/moved.png') res.writeHead(302, { location: `${origin(other)}/img/t4.png` }).end();
      else if (url.startsWith('/r/img/') && page.pictures.has(url.slice(3))) res.writeHead(200, { 'content-type': 'image/png' }).end(page.pictures.get(url.slice(3)));
      else res.writeHead(404).end();
    });
    await Promise.all([site, other].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
  });
  afterAll(async () => {
    await Promise.all([site, other].map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('a web page: its own site (relative and absolute addresses), never another site; a local page: files, never the web', async () => {
    const local = writePage('local', ['t2.png', 't4.png'], page.html.replace('src="img/t3.png"', `src="${origin(other)}/img/t3.png"`).replace('src="img/t4.png"', `src="${origin(site)}/r/moved.png"`));
    const run = await cli('--json', '--lang', 'en', `${origin(site)}/r/page.html`, local);
    const [web, file] = jsonLines(run);
    expect(web.report.tables.t2.rows).toEqual(expect.objectContaining({ regulations: expect.any(Array) }));
    expect(web.report.tables.t3.rows.a).toEqual(expected.report!.tables.t3.rows.a.cells.map((c) => (c.state === 'number' ? c.value : null)));
    expect(web.notices.join('\n')).toContain(`the picture is on another site (127.0.0.1:${(other.address() as AddressInfo).port}) and was not fetched`);
    expect(tableMissing(web.findings, 4)).toEqual([]);
    expect(file.notices.join('\n')).toContain('a local page refers to a picture on the web');
    expect(file.report.tables.t2.rows.regulations).toEqual(web.report.tables.t2.rows.regulations);
    expect(tableMissing(file.findings, 3)).toEqual([]);
    expect(tableMissing(file.findings, 4)).toEqual([]);
    expect(otherRequests).toEqual([]);
  }, 180_000);

  it('a redirect from the page\'s site to another is not followed', async () => {
    const { pictureBytes } = await import('../../lib/cli/pictures');
    const got = await pictureBytes(`${origin(site)}/r/moved.png`, `${origin(site)}/r/page.html`);
    expect(got).toMatchObject({ why: { en: expect.stringContaining('on another site') } });
    expect(otherRequests).toEqual([]);
    const ok = await pictureBytes('img/t2.png', `${origin(site)}/r/page.html`);
    expect('bytes' in ok && ok.bytes.length).toBe(page.pictures.get('img/t2.png')!.length);
    // A data: URL is the page's own copy: read wherever the page came from.
    const png = page.pictures.get('img/t4.png')!;
    const inline = await pictureBytes(`data:image/png;base64,${Buffer.from(png).toString('base64')}`, 'file:///nowhere/page.html');
    expect('bytes' in inline && Buffer.from(inline.bytes).equals(Buffer.from(png))).toBe(true);
  });

  it('a file:// address on the command line is a file, its pictures beside it', async () => {
    const path = writePage('by-url', ['t2.png', 't3.png', 't4.png']);
    const run = await cli('--json', `file://${path}`);
    const [r] = jsonLines(run);
    expect(r.input).toBe(`file://${path}`);
    expect(r.report.tables.t3.rows.a).toEqual(expected.report!.tables.t3.rows.a.cells.map((c) => (c.state === 'number' ? c.value : null)));
    expect(r.notices).toEqual([]);
  }, 180_000);
});
