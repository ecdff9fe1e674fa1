// The report page's gate before the attachment controls (lib/ext/attachment-gate.ts) as Chromium
// answers it: wherever findAttachments (read in happy-dom, as the unit tests do) finds a file on a
// report page, the gate says yes; on pages that link only web pages it says no (else it gates nothing).
import { Window } from 'happy-dom';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_HINT_SELECTOR, FILE_TEXT_XPATH } from '../../lib/ext/attachment-gate';
import { findAttachments } from '../../lib/ext/attachments';
import { PAGE_KINDS, attachmentPage } from '../fixtures/attachment-pages';
import { CHROMIUM } from './harness';

let browser: Browser;
let tab: Page | undefined;
const windows: Window[] = [];
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const w of windows) await w.happyDOM.close();
});

const URL_OF = 'https://www.example.gov.cn/xxgk/2024/t20240110_1.html';
const wrap = (body: string) => `<html><head><title>2023年政府信息公开工作年度报告</title></head><body>${body}</body></html>`;

function filesFound(html: string, url: string): number {
  const w = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  windows.push(w);
  w.document.write(html);
  return findAttachments(w.document as unknown as Document, { pageIsReport: true }).length;
}

async function gate(html: string): Promise<boolean> {
  const page = (tab ??= await browser.newPage());
  await page.setContent(html);
  return page.evaluate(([selector, xpath]) => !!document.querySelector(selector) || document.evaluate(xpath, document, null, XPathResult.BOOLEAN_TYPE, null).booleanValue, [FILE_HINT_SELECTOR, FILE_TEXT_XPATH] as const);
}

/** Links of every kind findAttachments reads (attachments.test.ts has each alone). */
const ONE_EACH = [
  '<a href="/static/pdfjs/web/viewer.html?file=..%2F..%2Fupload%2F2023年报.pdf">在线阅读</a>',
  '<a href="/module/download/downfile.jsp?classid=0&filename=24d0d17a60844d13aa2718b912d919ec.pdf"><img src="/module/jslib/icons/acrobat.png">年度报告</a>',
  '<p>附件：<a href="/module/download/downfile.jsp?id=77"><img src="/icons/word.gif">2023年年报</a></p>',
  '<a href="/attach/8812">2023年年报.PDF</a>',
  '<a href="/getFile?id=8812">2023年年报.Docx</a>',
  '<a href="/f?id=1" title="2023年度报告.pdf">点击下载</a>',
  '<a href="/f?id=2" download="年报.wps">下载</a>',
  '<a href="/f?id=3" appendix="true">附件：年报.pdf</a>',
  '<a href="/f?id=4" data-appendix="1">附件：年报.doc</a>',
  '<a href="./P020240110.pdf">关于开展检查的通知</a>',
  '<a href="./P020240111.DOCX">申请表</a>',
  '<a href="/u/2024/年报.ofd">年报</a>',
  '<iframe src="/u/2024/a.pdf"></iframe>',
  '<iframe src="/show?id=9" type="application/pdf"></iframe>',
  '<embed src="/show?id=10" type="application/pdf">',
  '<object data="/u/c.pdf" type="application/pdf"></object>',
];

/** Report pages that link web pages only: the gate must say no. */
const NO_FILES = [
  '<p>正文</p><a href="/art/2024/1/2/art_1_2.html">2023年年报</a><a href="/col/col12/index.html">政府信息公开</a>',
  `<ul>${Array.from({ length: 300 }, (_, i) => `<li><a href="/art/2024/${i}.html" title="关于${i}号的通知">关于${i}号的通知</a></li>`).join('')}</ul>`,
  '<p>本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p><a href="mailto:gk@example.gov.cn">联系我们</a>',
];

describe('the attachment gate in Chromium', () => {
  it('says yes wherever findAttachments finds a file, one kind of link at a time', async () => {
    for (const body of ONE_EACH) {
      const html = wrap(`<div class="article"><p>正文</p>${body}</div>`);
      expect(filesFound(html, URL_OF), body).toBeGreaterThan(0);
      expect(await gate(html), body).toBe(true);
    }
  });

  it('says yes on every generated CMS page whose files findAttachments finds', async () => {
    // Seeds other than the finder's own tests (1–12).
    for (const kind of PAGE_KINDS)
      for (let seed = 40; seed < 46; seed++) {
        const page = attachmentPage(seed, kind);
        if (filesFound(page.html, page.url) > 0) expect(await gate(page.html), `${kind} ${seed}`).toBe(true);
      }
  });

  it('says no on report pages that link only web pages', async () => {
    for (const body of NO_FILES) {
      const html = wrap(body);
      expect(filesFound(html, URL_OF)).toBe(0);
      expect(await gate(html), body.slice(0, 60)).toBe(false);
    }
  });
});
