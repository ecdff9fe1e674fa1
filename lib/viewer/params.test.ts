import { describe, expect, it } from 'vitest';
import { fileNameOf, parseViewerParams } from './params';

describe('parseViewerParams', () => {
  it('reads an encoded src and ref', () => {
    const r = parseViewerParams(`?src=${encodeURIComponent('https://a.gov.cn/x/报告.pdf?id=1&t=2')}&ref=${encodeURIComponent('https://a.gov.cn/p.html')}`);
    expect(r).toEqual({ ok: true, target: { src: 'https://a.gov.cn/x/%E6%8A%A5%E5%91%8A.pdf?id=1&t=2', ref: 'https://a.gov.cn/p.html', alt: [] } });
  });
  it('takes the raw rest of the address after src= (redirect rules cannot encode)', () => {
    const r = parseViewerParams('?raw=1&ref=&src=https://a.gov.cn/down.jsp?a=1&filename=b.pdf');
    expect(r.ok && r.target?.src).toBe('https://a.gov.cn/down.jsp?a=1&filename=b.pdf');
  });
  it('keeps the other versions of the report the page links (web addresses only)', () => {
    const r = parseViewerParams(`?src=${encodeURIComponent('https://a.gov.cn/r.ofd')}&alt=${encodeURIComponent('https://a.gov.cn/r.pdf')}&alt=${encodeURIComponent('javascript:x')}`);
    expect(r.ok && r.target?.alt).toEqual(['https://a.gov.cn/r.pdf']);
  });
  it('has no target without src (the file picker)', () => {
    expect(parseViewerParams('')).toEqual({ ok: true, target: null });
    expect(parseViewerParams('?ref=x')).toEqual({ ok: true, target: null });
  });
  it('refuses addresses that are not files on the web or disk', () => {
    const r = parseViewerParams(`?src=${encodeURIComponent('javascript:alert(1)')}`);
    expect(r.ok).toBe(false);
    expect(parseViewerParams('?src=not%20a%20url').ok).toBe(false);
  });
  it('drops a referring page that is not a web page', () => {
    const r = parseViewerParams(`?src=${encodeURIComponent('https://a.gov.cn/a.pdf')}&ref=${encodeURIComponent('chrome://settings')}`);
    expect(r.ok && r.target?.ref).toBe(null);
  });
});

describe('fileNameOf', () => {
  it('names a download by its filename parameter or its last path part', () => {
    expect(fileNameOf('https://a.gov.cn/module/download/downfile.jsp?classid=0&filename=2023年报.pdf')).toBe('2023年报.pdf');
    expect(fileNameOf('https://a.gov.cn/a/%E5%B9%B4%E6%8A%A5.pdf')).toBe('年报.pdf');
  });
});
