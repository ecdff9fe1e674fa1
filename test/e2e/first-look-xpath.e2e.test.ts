// The first look's XPath (lib/ext/first-look.ts smallPageNamesReport) as Chromium answers it, against
// the DOM reading the unit tests stand it in with (lib/ext/detect-page.test.ts withXPath, happy-dom
// having no XPath): the body's text, the elements, the body's text nodes, on every seed layout, the
// real report pages and pages with what bodies also hold (scripts, styles, comments, SVG, forms).
import { readdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../lib/read/decode';
import { LAYOUTS, SEED_IDS, layoutOf } from '../fixtures/render';
import { REPORTS_DIR, reportSource } from '../helpers';
import { CHROMIUM } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function pages(): { name: string; html: string }[] {
  const out: { name: string; html: string }[] = [];
  for (const id of SEED_IDS)
    for (const layout of LAYOUTS) {
      const { kind, bytes } = layoutOf(id, layout);
      const { text } = decodeBytes(bytes, { html: kind === 'html' });
      out.push({ name: `seed ${id} ${layout}`, html: kind === 'text' ? `<html><body><pre>${esc(text)}</pre></body></html>` : text });
    }
  for (const id of readdirSync(REPORTS_DIR).filter((d) => /^\d+$/.test(d))) {
    const { kind, bytes } = reportSource(id);
    if (kind === 'html') out.push({ name: `report ${id}`, html: decodeBytes(bytes, { html: true }).text });
  }
  out.push(
    {
      name: 'what bodies hold besides text',
      html: `<html><head><title>政府信息公开</title><style>p{}</style></head><body><!-- 2023年年报 --><script>var a = "本年新收";</script><style>.x{}</style><svg><text>2023年度报告</text></svg><form><textarea>第二十条</textarea><select><option>年报</option></select></form><noscript>勾稽关系</noscript><template><p>本年接收</p></template><p>正文&nbsp;<b>一</b>、总体情况</p></body></html>`,
    },
    { name: 'no body text', html: '<html><head><title>某某县人民政府</title></head><body></body></html>' },
    { name: 'a frameset', html: '<html><head><title>政府信息公开</title></head><frameset><frame src="about:blank"></frameset></html>' },
  );
  return out;
}

describe('the first look\'s XPath in Chromium', () => {
  it('gives the body\'s text, its elements and its text nodes as the DOM does', async () => {
    const page = await browser.newPage();
    let checked = 0;
    for (const p of pages()) {
      await page.setContent(p.html, { waitUntil: 'domcontentloaded' });
      const got = await page.evaluate(() => {
        const number = (e: string) => document.evaluate(e, document, null, 1, null).numberValue;
        const walked = () => {
          let n = 0;
          if (document.body) for (const w = document.createTreeWalker(document.body, 4); w.nextNode(); ) n++;
          return n;
        };
        return {
          xpath: { elements: number('count(//*)'), text: document.evaluate('string(//body)', document, null, 2, null).stringValue, textNodes: number('count(//body//text())') },
          dom: { elements: document.getElementsByTagName('*').length, text: document.body?.textContent ?? '', textNodes: walked() },
        };
      });
      expect(got.xpath, p.name).toEqual(got.dom);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    await page.close();
  });
});
