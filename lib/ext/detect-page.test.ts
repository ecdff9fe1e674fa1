import { readdirSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_KINDS, attachmentPage } from '../../test/fixtures/attachment-pages';
import { LAYOUTS, SEED_IDS, layoutOf } from '../../test/fixtures/render';
import { REPORTS_DIR, reportSource } from '../../test/helpers';
import { decodeBytes } from '../read/decode';
import { detect } from '../parse/detect';
import { findAttachments } from './attachments';
import { REPORT_STRINGS, classifyPage, hasAny } from './detect-page';
import { firstLook, titleNamesOnlySite } from './first-look';

// detect() counted: the cheap test must keep it (and its NFKC copy of the text) off ordinary pages.
vi.mock('../parse/detect', async (actual) => {
  const m = await actual<typeof import('../parse/detect')>();
  return { ...m, detect: vi.fn(m.detect) };
});
beforeEach(() => {
  vi.mocked(detect).mockClear();
});

const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

/** How the first look reads a page in these tests: the walk (happy-dom has no XPath), or the whole small page's text as the browsers' XPath gives it. */
let searchWith: 'walk' | 'xpath' = 'walk';

/**
 * The three XPath expressions of smallPageNamesReport, as Chromium and Firefox answer them (a
 * browser test holds them equal: test/e2e/first-look-xpath.e2e.test.ts); any other one throws.
 */
function withXPath(doc: Document): Document {
  const textNodes = () => {
    let n = 0;
    if (doc.body) for (const w = doc.createTreeWalker(doc.body, 4); w.nextNode(); ) n++;
    return n;
  };
  const answers: Record<string, () => object> = {
    'count(//*)': () => ({ numberValue: doc.getElementsByTagName('*').length }),
    'string(//body)': () => ({ stringValue: doc.body?.textContent ?? '' }),
    'count(//body//text())': () => ({ numberValue: textNodes() }),
  };
  Object.defineProperty(doc, 'evaluate', {
    value: (expr: string) => {
      const answer = answers[expr];
      if (!answer) throw new Error(`an XPath the test does not know: ${expr}`);
      return answer();
    },
  });
  return doc;
}

function docOf(html: string, url = 'https://www.example.gov.cn/a/b.html'): Document {
  const w = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  windows.push(w);
  w.document.write(html);
  const doc = w.document as unknown as Document;
  return searchWith === 'xpath' ? withXPath(doc) : doc;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A text file as the browser shows it: one <pre>. */
const textPage = (text: string) => docOf(`<html><head></head><body><pre>${esc(text)}</pre></body></html>`);
const pageOf = (kind: 'text' | 'html', bytes: Uint8Array) => {
  const { text } = decodeBytes(bytes, { html: kind === 'html' });
  return kind === 'text' ? textPage(text) : docOf(text);
};

/** One phrase per signal of detect(), as reports write them. */
const SIGNAL_PHRASES = [
  '2023年度政府信息公开工作年度报告',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '各项数据的勾稽关系',
  '本年新收政府信息公开申请数量',
  '第二十条第（一）项',
];

describe('the report strings: the cheap test before detect()', () => {
  it('are in every text detect() calls a report (every combination of its signals)', () => {
    let reports = 0;
    for (let mask = 1; mask < 1 << SIGNAL_PHRASES.length; mask++) {
      const text = SIGNAL_PHRASES.filter((_, i) => mask & (1 << i)).join('\n本机关认真落实。\n');
      if (!detect('', text).isReport) continue;
      reports++;
      expect(hasAny(text, REPORT_STRINGS), text).toBe(true);
    }
    expect(reports).toBeGreaterThan(100);
  });

  it('are not the navigation words of every government portal', () => {
    const nav = ['政府信息公开', '政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '依申请公开', '政府信息公开年报', '政务公开', '年度报告', '政府工作报告'];
    expect(hasAny(nav.join(' '), REPORT_STRINGS)).toBe(false);
  });
});

describe.each(['walk', 'xpath'] as const)('classifyPage: the detector cheap pass (%s)', (mode) => {
  beforeAll(() => {
    searchWith = mode;
  });
  it('finds every seed in every layout, and every real report of ../shared', () => {
    for (const id of SEED_IDS)
      for (const layout of LAYOUTS) {
        const { kind, bytes } = layoutOf(id, layout);
        const doc = pageOf(kind, bytes);
        expect(firstLook(doc), `seed ${id} ${layout}`).toBe('look');
        expect(classifyPage(doc), `seed ${id} ${layout}`).toBe('report');
      }
    const ids = readdirSync(REPORTS_DIR).filter((d) => /^\d+$/.test(d));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const { kind, bytes } = reportSource(id);
      const doc = pageOf(kind, bytes);
      expect(firstLook(doc), `report ${id}`).toBe('look');
      expect(classifyPage(doc), `report ${id}`).toBe('report');
    }
  });

  it('lets through every page whose report files the overlay would find, but notices titled with other things', () => {
    let pages = 0;
    let left = 0;
    for (const kind of PAGE_KINDS)
      for (let seed = 20; seed < 32; seed++) {
        const page = attachmentPage(seed, kind);
        const doc = docOf(page.html, page.url);
        const files = findAttachments(doc);
        if (files.length === 0) continue;
        pages++;
        expect(classifyPage(doc), `${kind} ${seed}`).toBe('attachments');
        // The price of the floor: a page with a title of its own that names no report (「关于公开征求意见的公告」)
        // is left even when it links a report file (the popup's 「检查此页」 still checks it).
        const ownTitle = !/报告|年报|信息公开|政务公开/.test(doc.title) && !/gknb|ndbg/.test(page.url) && !titleNamesOnlySite(doc.title);
        if (ownTitle) left++;
        expect(firstLook(doc), `${kind} ${seed}`).toBe(ownTitle ? 'leave' : 'look');
      }
    expect(pages).toBeGreaterThan(40);
    expect(left).toBeLessThan(pages / 8);
  });

  it('stops pages with none of the words, and pages whose files name no report', () => {
    expect(classifyPage(docOf('<html><head><title>新闻</title></head><body><p>会议召开</p><a href="/a.pdf">会议纪要.pdf</a></body></html>'))).toBeNull();
    expect(classifyPage(docOf('<html><head><title>政府信息公开</title></head><body><a href="/a.html">目录</a></body></html>'))).toBeNull();
    expect(classifyPage(docOf('<html><head><title>政府信息公开</title></head><body><a href="/a.pdf">政府信息公开指南.pdf</a></body></html>'))).toBeNull();
    expect(classifyPage(docOf('<html><head><title>政务公开</title></head><body><p>附件：2023年政府信息公开工作年度报告</p><p><a href="/P0201.PDF">P0201.PDF</a></p></body></html>'))).toBe('attachments');
    // A report's name only in a link's title: the attribute query finds it.
    expect(classifyPage(docOf('<html><head><title>工作动态</title></head><body><p><a href="/W01.pdf" title="2023年政府信息公开工作年度报告.pdf">点击下载</a></p></body></html>'))).toBe('attachments');
  });

  it('ends on most pages at the title, the address and the first text', () => {
    const para = '<p>今天召开了工作会议，会议强调要抓好各项工作落实。</p>';
    const nav = `<div class="nav">${'<a href="/c.html">栏目</a>'.repeat(300)}</div>`;
    expect(firstLook(docOf(`<html><head><title>通知公告</title></head><body>${nav}<h1>关于开展工作的通知</h1>${para.repeat(20)}</body></html>`))).toBe('leave');
    expect(firstLook(docOf(`<html><head><title>数据表</title></head><body><table>${'<tr><td>1</td><td>2</td></tr>'.repeat(500)}</table></body></html>`))).toBe('leave');
    // A file link far down a page that names no report anywhere near its top: left (the popup still checks it).
    expect(firstLook(docOf(`<html><head><title>通知</title></head><body>${nav}${para}<a href="/x.pdf">附件</a></body></html>`))).toBe('leave');
    // A title of a report or a report column, a page without a title, a report column's address: a closer look.
    expect(firstLook(docOf(`<html><head><title>2023年政府信息公开工作年度报告</title></head><body>${para}</body></html>`))).toBe('look');
    expect(firstLook(docOf(`<html><head><title>政府信息公开年报</title></head><body>${nav}</body></html>`))).toBe('look');
    expect(firstLook(docOf(`<html><head></head><body>${para}</body></html>`))).toBe('look');
    expect(firstLook(docOf(`<html><head><title>某某县人民政府</title></head><body>${nav}</body></html>`, 'https://x.gov.cn/zfxxgk/zfxxgknb/index.html'))).toBe('look');
  });

  it('watches a page whose body is still to come, and a disclosure page only when its first text names a report', () => {
    expect(firstLook(docOf('<html><head><title>政府信息公开</title></head><body><div id="c">加载中…</div></body></html>'))).toBe('watch');
    expect(firstLook(docOf('<html><head><title>某某县人民政府</title></head><body><div id="c"></div></body></html>'))).toBe('watch');
    const menu = Array.from({ length: 300 }, (_, i) => `<li><a href="/col/${i}.html">${['政府信息公开', '政府信息公开年报', '年度报告', '依申请公开'][i % 4]}</a></li>`).join('');
    expect(firstLook(docOf(`<html><head><title>政府信息公开_某某区</title></head><body><ul>${menu}</ul><h1>关于召开会议的通知</h1></body></html>`))).toBe('leave');
    expect(firstLook(docOf(`<html><head><title>政府信息公开_某某区</title></head><body><ul>${menu}</ul><h1>某某区2023年政府信息公开工作年度报告</h1></body></html>`))).toBe('look');
    // Each text node is tested alone: a menu's 「年报」 beside a date names no report.
    expect(firstLook(docOf(`<html><head><title>政府信息公开_某某区</title></head><body><ul>${menu}</ul><p><a>年报</a><span>2023</span></p></body></html>`))).toBe('leave');
    // Under xxgk, an article's own title says what the page is; a title of the site's name alone does not.
    expect(firstLook(docOf(`<html><head><title>关于开展工作的通知_某某区人民政府</title></head><body><h1>某某区2023年政府信息公开工作年度报告</h1></body></html>`, 'https://x.gov.cn/xxgk/2024/01/t1.html'))).toBe('leave');
    expect(firstLook(docOf(`<html><head><title>某某区人民政府</title></head><body><ul>${menu}</ul><h1>某某区2023年政府信息公开工作年度报告</h1></body></html>`, 'https://x.gov.cn/xxgk/2024/01/t1.html'))).toBe('look');
    expect(firstLook(docOf(`<html><head><title>某某区人民政府</title></head><body><ul>${menu}</ul><p><a href="/W01.pdf" title="2023年政府信息公开工作年度报告.pdf">点击下载</a></p></body></html>`, 'https://x.gov.cn/xxgk/2024/01/t1.html'))).toBe('look');
    // The report's name only in a link's title attribute: found on disclosure pages.
    expect(firstLook(docOf(`<html><head><title>召开政务公开工作推进会</title></head><body><ul>${menu}</ul><p><a href="/W01.pdf" title="2023年政府信息公开工作年度报告.pdf">点击下载</a></p></body></html>`))).toBe('look');
  });

  it('runs detect() on no portal page, however often it names 信息公开', () => {
    const nav = Array.from({ length: 200 }, (_, i) => `<li><a href="/col/${i}.html">${['政府信息公开', '政府信息公开年报', '主动公开', '依申请公开', '政务公开'][i % 5]}</a></li>`).join('');
    const html = `<html><head><title>政府信息公开_某某区人民政府</title></head><body><ul>${nav}</ul><p>${'今天召开了工作会议。'.repeat(500)}</p></body></html>`;
    expect(classifyPage(docOf(html))).toBeNull();
    expect(detect).not.toHaveBeenCalled();
  });

  it('leaves a report in a script string to the observer (not shown yet), as before', () => {
    const { bytes } = layoutOf('001', 'word');
    const report = new TextDecoder().decode(bytes);
    const shell = `<html><head><title>政府信息公开</title></head><body><div id="c">加载中…</div><script>var body = ${JSON.stringify(report)};</script></body></html>`;
    expect(classifyPage(docOf(shell))).toBeNull();
  });

  it('still finds a report first', () => {
    const { bytes } = layoutOf('001', 'word');
    const html = new TextDecoder().decode(bytes).replace('</body>', '<a href="/r.pdf">2023年年报.pdf</a></body>');
    expect(classifyPage(docOf(html))).toBe('report');
  });
});

describe('a title that names only its site', () => {
  it('is a site\'s name or a template\'s word, alone or joined', () => {
    for (const t of ['某某县人民政府', '某某市人民政府门户网站', '正文_某某县人民政府', '详情 - 某某区政府网', '某某县发展和改革局', '首页', 'Document'])
      expect(titleNamesOnlySite(t), t).toBe(true);
  });
  it('is not an article\'s or a column\'s title', () => {
    for (const t of ['通知公告', '新闻中心', '关于开展工作的通知_某某县人民政府', '区领导调研重点项目 - 某某区政府网', '数据表'])
      expect(titleNamesOnlySite(t), t).toBe(false);
  });
});

describe.each(['walk', 'xpath'] as const)('a report on a page titled only with its site\'s name (%s)', (mode) => {
  beforeAll(() => {
    searchWith = mode;
  });
  const make = (body: string) => docOf(`<!doctype html><html><head><title>某某县人民政府</title></head><body>${body}</body></html>`);
  it('is looked at when a heading, a title block or the first text of the body names it', () => {
    expect(firstLook(make('<div class="nav">首页 新闻</div><h1>某某县2024年政府信息公开工作年度报告</h1>'))).toBe('look');
    expect(firstLook(make('<div class="nav">首页 新闻</div><div class="art-bt">某某县二〇二四年政府信息公开工作年度报告</div>'))).toBe('look');
    expect(firstLook(make(`<div class="nav">${'<a>栏目</a>'.repeat(50)}</div><p><span>2024</span>年度政府信息公开工作年度报告</p><p>正文</p>`))).toBe('look');
    // Named nowhere but in the title it no longer has: its first section headings are the report's own strings.
    expect(firstLook(make('<p>根据条例编制本报告。</p><p>一、总体情况</p><p>二、主动公开政府信息情况</p>'))).toBe('look');
  });
  it('is not looked at when nothing near the top names a report', () => {
    const nav = `<div class="nav">${'<a>栏目</a>'.repeat(300)}</div>`;
    expect(firstLook(make(`${nav}<h1>区领导调研重点项目</h1><p>11月28日，区领导深入项目现场调研。</p>`))).toBe('leave');
  });
});
