import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_KINDS, attachmentPage } from '../../test/fixtures/attachment-pages';
import { layoutOf } from '../../test/fixtures/render';
import { findAttachments } from './attachments';
import { classifyPage } from './detect-page';

const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

function docOf(html: string, url = 'https://www.example.gov.cn/a/b.html'): Document {
  const w = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  windows.push(w);
  w.document.write(html);
  return w.document as unknown as Document;
}

describe('classifyPage: the detector cheap pass', () => {
  it('lets through every page whose report files the overlay would find', () => {
    let pages = 0;
    for (const kind of PAGE_KINDS)
      for (let seed = 20; seed < 32; seed++) {
        const page = attachmentPage(seed, kind);
        const doc = docOf(page.html, page.url);
        const files = findAttachments(doc);
        if (files.length === 0) continue;
        pages++;
        expect(classifyPage(doc), `${kind} ${seed}`).toBe('attachments');
      }
    expect(pages).toBeGreaterThan(40);
  });

  it('stops pages with none of the words, and pages whose files name no report', () => {
    expect(classifyPage(docOf('<html><head><title>新闻</title></head><body><p>会议召开</p><a href="/a.pdf">会议纪要.pdf</a></body></html>'))).toBeNull();
    expect(classifyPage(docOf('<html><head><title>政府信息公开</title></head><body><a href="/a.html">目录</a></body></html>'))).toBeNull();
    expect(classifyPage(docOf('<html><head><title>政府信息公开</title></head><body><a href="/a.pdf">政府信息公开指南.pdf</a></body></html>'))).toBeNull();
    expect(classifyPage(docOf('<html><head><title>政务公开</title></head><body><p>附件：2023年政府信息公开工作年度报告</p><p><a href="/P0201.PDF">P0201.PDF</a></p></body></html>'))).toBe('attachments');
  });

  it('still finds a report first', () => {
    const { bytes } = layoutOf('001', 'word');
    const html = new TextDecoder().decode(bytes).replace('</body>', '<a href="/r.pdf">2023年年报.pdf</a></body>');
    expect(classifyPage(docOf(html))).toBe('report');
  });
});
