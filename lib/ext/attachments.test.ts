import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_KINDS, attachmentPage } from '../../test/fixtures/attachment-pages';
import { findAttachments, pageNamesReports } from './attachments';

const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

function docOf(html: string, url: string): Document {
  const w = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  windows.push(w);
  w.document.write(html);
  return w.document as unknown as Document;
}

const found = (doc: Document, pageIsReport?: boolean) => findAttachments(doc, { pageIsReport }).map((a) => ({ url: a.url, type: a.type }));

describe('findAttachments on generated CMS pages', () => {
  // Seeds 1000–1035 were used while writing the reader; these are others.
  for (const kind of PAGE_KINDS)
    for (let seed = 1; seed <= 12; seed++)
      it(`${kind} seed ${seed}`, () => {
        const page = attachmentPage(seed, kind);
        const doc = docOf(page.html, page.url);
        expect(pageNamesReports(doc)).toBe(page.reportPage);
        expect(found(doc)).toEqual(page.expected);
      });
});

describe('findAttachments, one case at a time', () => {
  const page = (body: string, title = '通知公告', url = 'https://www.example.gov.cn/xwzx/202401/t20240110_1.html') =>
    docOf(`<html><head><title>${title}</title></head><body>${body}</body></html>`, url);

  it('takes the file out of a site-hosted pdf.js viewer, relative to the viewer', () => {
    const doc = page('<a href="/static/pdfjs/web/viewer.html?file=..%2F..%2Fupload%2F2023年报.pdf">在线阅读</a>');
    expect(found(doc)).toEqual([{ url: 'https://www.example.gov.cn/static/upload/2023%E5%B9%B4%E6%8A%A5.pdf', type: 'pdf' }]);
  });

  it('reads the file a CMS download link names in its query', () => {
    const doc = page('<div id="zoom"><a href="/module/download/downfile.jsp?classid=0&filename=24d0d17a60844d13aa2718b912d919ec.pdf"><img src="/module/jslib/icons/acrobat.png">2023年度政府信息公开工作年度报告</a></div>');
    expect(found(doc)).toEqual([{ url: 'https://www.example.gov.cn/module/download/downfile.jsp?classid=0&filename=24d0d17a60844d13aa2718b912d919ec.pdf', type: 'pdf' }]);
  });

  it('knows a download link named by nothing but its icon', () => {
    const doc = page('<p>附件：<a href="/module/download/downfile.jsp?id=77"><img src="/icons/word.gif">2023年年报</a></p>');
    expect(found(doc)).toEqual([{ url: 'https://www.example.gov.cn/module/download/downfile.jsp?id=77', type: 'doc' }]);
  });

  it('takes a file named only by the link text, never a web page so named', () => {
    const doc = page('<a href="/attach/8812">2023年年报.PDF</a> <a href="/art/2024/1/2/art_1_2.html">2023年年报.pdf</a>');
    expect(found(doc)).toEqual([{ url: 'https://www.example.gov.cn/attach/8812', type: 'pdf' }]);
  });

  it('needs the words of a report unless the page is one', () => {
    const body = '<p><a href="./P020240110.pdf">关于开展检查的通知.pdf</a></p><p><a href="./P020240111.docx">政府信息公开申请表.docx</a></p>';
    expect(found(page(body))).toEqual([]);
    expect(found(page(body), true).map((f) => f.type)).toEqual(['pdf', 'docx']);
    expect(found(page(body, 'XX县2023年政府信息公开工作年度报告')).length).toBe(2);
  });

  it('reads a frame, an embed and an object showing a PDF, and skips other frames', () => {
    const doc = page(
      '<iframe src="/a.pdf"></iframe><embed src="/b" type="application/pdf"><object data="/c.pdf"></object><iframe src="/d.html"></iframe><embed src="/e.swf">',
      '2023年政府信息公开工作年度报告',
    );
    expect(found(doc).map((f) => f.url.split('/').pop())).toEqual(['a.pdf', 'b', 'c.pdf']);
  });

  it('finds each file once, whatever its fragment', () => {
    const doc = page('<a href="/r.pdf#page=2">2023年年报</a><a href="https://www.example.gov.cn/r.pdf">下载</a>', '年报');
    expect(found(doc)).toEqual([{ url: 'https://www.example.gov.cn/r.pdf', type: 'pdf' }]);
  });

  it('stays bounded on a list of thousands of links', () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `<li><a href="./t2024_${i}.html">新闻${i}</a></li>`).join('');
    const doc = page(`<ul>${rows}</ul><a href="/x.pdf">2023年年报</a>`);
    const t0 = performance.now();
    const got = findAttachments(doc);
    const ms = performance.now() - t0;
    expect(got.map((a) => a.url)).toEqual(['https://www.example.gov.cn/x.pdf']);
    // happy-dom is far slower than a browser; this only catches a pass per link gone quadratic.
    expect(ms).toBeLessThan(1500);
    expect(findAttachments(doc, { limit: 100 })).toEqual([]);
  });
});
