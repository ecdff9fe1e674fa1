import { describe, expect, it } from 'vitest';
import { fetchPage, parseFetchPage, parsePageReply } from './page-fetch';

const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]); // 年报 in GBK
const page = (body: Uint8Array | string, init: ResponseInit = {}) => (async () => new Response(body as BodyInit, init)) as unknown as typeof fetch;

describe('page-fetch', () => {
  it('asks only for http(s) addresses and checks the answer’s shape', () => {
    expect(parseFetchPage({ type: 'fetch-page', url: 'https://a.gov.cn/2022.html' })).toEqual({ url: 'https://a.gov.cn/2022.html' });
    expect(parseFetchPage({ type: 'fetch-page', url: 'file:///etc/passwd' })).toBeNull();
    expect(parseFetchPage({ type: 'open-viewer', url: 'https://a.gov.cn/' })).toBeNull();
    expect(parsePageReply(undefined)).toEqual({ ok: false, message: 'no answer from the extension' });
  });

  it('decodes the page by its declared charset; an HTTP error is said', async () => {
    const html = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk"><title>'), ...gbk, ...new TextEncoder().encode('</title>')]);
    const r = await fetchPage('https://a.gov.cn/2022.html', page(html, { headers: { 'content-type': 'text/html' } }));
    expect(r.ok && r.text).toContain('<title>年报</title>');
    expect(await fetchPage('https://a.gov.cn/x', page('', { status: 404 }))).toEqual({ ok: false, message: 'HTTP 404' });
    const failing = (async () => {
      throw new Error('net::ERR_FAILED');
    }) as unknown as typeof fetch;
    expect(await fetchPage('https://a.gov.cn/x', failing)).toEqual({ ok: false, message: 'net::ERR_FAILED' });
  });
});
