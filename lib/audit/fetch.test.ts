import { describe, expect, it } from 'vitest';
import { loadBytes } from '../read/load-bytes';
import { failureText, FetchFailure, fetchReport, MAX_REPORT_BYTES, RetryableFetch, retryAfterMs } from './fetch';
import { Retryable } from './queue';

type Init = { status?: number; headers?: Record<string, string>; url?: string };

/** A Response as a fetch after redirects gives it (Response.url is read-only on a constructed one). */
function response(body: BodyInit | null, init: Init = {}): Response {
  const res = new Response(body, { status: init.status ?? 200, headers: init.headers });
  if (init.url) Object.defineProperty(res, 'url', { value: init.url });
  return res;
}

function fake(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return answer(String(input), init ?? {});
  }) as typeof fetch;
  return { fn, calls };
}

const signal = () => new AbortController().signal;

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('fetchReport', () => {
  it('returns the bytes, type, final address and status; sends cookies and follows redirects', async () => {
    const { fn, calls } = fake(() => response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'application/pdf' }, url: 'https://b.gov.cn/final.pdf' }));
    const r = await fetchReport('https://a.gov.cn/r.pdf', signal(), fn);
    expect(r).toEqual({ bytes: new Uint8Array([1, 2, 3]), contentType: 'application/pdf', url: 'https://b.gov.cn/final.pdf', status: 200 });
    expect(calls[0].init).toMatchObject({ credentials: 'include', redirect: 'follow' });
    expect(calls[0].init.signal).toBeDefined();
  });

  it('keeps the address asked for when the response names none', async () => {
    const { fn } = fake(() => response('<html></html>'));
    expect((await fetchReport('https://a.gov.cn/x.html', signal(), fn)).url).toBe('https://a.gov.cn/x.html');
  });

  it('429, 5xx and network errors are worth another try; the network error names the origin to ask access for', async () => {
    for (const status of [429, 500, 502, 503, 504, 408]) {
      const e = await failure(fetchReport('https://a.gov.cn/x', signal(), fake(() => response('busy', { status })).fn));
      expect(e).toBeInstanceOf(Retryable);
      expect((e as RetryableFetch).status).toBe(status);
    }
    const net = await failure(fetchReport('https://a.gov.cn/x', signal(), fake(() => Promise.reject(new TypeError('Failed to fetch'))).fn));
    expect(net).toBeInstanceOf(RetryableFetch);
    expect((net as RetryableFetch).origin).toBe('https://a.gov.cn/*');
    expect((net as RetryableFetch).zh).toMatch(/无法连接/);
  });

  it('carries the server’s Retry-After, in seconds or as a date', async () => {
    const e = await failure(fetchReport('https://a.gov.cn/x', signal(), fake(() => response('busy', { status: 503, headers: { 'retry-after': '5' } })).fn));
    expect((e as RetryableFetch).retryAfterMs).toBe(5000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });

  it('404, 403, 410 and other 4xx are final, with words in both languages', async () => {
    for (const [status, zh] of [
      [404, '页面不存在'],
      [403, '拒绝访问'],
      [410, '已被删除'],
      [400, '400'],
    ] as const) {
      const e = await failure(fetchReport('https://a.gov.cn/x', signal(), fake(() => response('no', { status })).fn));
      expect(e).toBeInstanceOf(FetchFailure);
      expect(e).not.toBeInstanceOf(Retryable);
      expect((e as FetchFailure).zh).toContain(zh);
      expect((e as FetchFailure).en).toContain(String(status));
    }
  });

  it('refuses what is not http(s) without fetching', async () => {
    const { fn, calls } = fake(() => response(''));
    for (const url of ['file:///tmp/a.html', 'ftp://a.gov.cn/a.pdf', 'not a url']) {
      const e = await failure(fetchReport(url, signal(), fn));
      expect(e).toBeInstanceOf(FetchFailure);
    }
    expect(calls).toEqual([]);
  });

  it('refuses a file larger than the limit, by its declared length or while reading', async () => {
    const declared = await failure(fetchReport('https://a.gov.cn/x', signal(), fake(() => response('x', { headers: { 'content-length': String(MAX_REPORT_BYTES + 1) } })).fn));
    expect(declared).toBeInstanceOf(FetchFailure);
    expect((declared as FetchFailure).zh).toMatch(/过大/);
    // No length: a stream of 1 MB chunks, cut as soon as it passes the limit.
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        sent++;
        c.enqueue(chunk);
      },
    });
    const streamed = await failure(fetchReport('https://a.gov.cn/x', signal(), fake(() => response(stream)).fn));
    expect(streamed).toBeInstanceOf(FetchFailure);
    expect(sent).toBeLessThan(MAX_REPORT_BYTES / chunk.length + 5);
  });

  it('an aborted fetch throws the signal’s reason (the queue tells timeout from cancel)', async () => {
    const ctl = new AbortController();
    const reason = new Error('stop');
    const { fn } = fake(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const p = fetchReport('https://a.gov.cn/x', ctl.signal, fn);
    ctl.abort(reason);
    expect(await failure(p)).toBe(reason);
  });

  it('a body cut off mid-way is worth another try', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1]));
        c.error(new TypeError('terminated'));
      },
    });
    expect(await failure(fetchReport('https://a.gov.cn/x', signal(), fake(() => response(stream)).fn))).toBeInstanceOf(RetryableFetch);
  });
});

describe('failureText', () => {
  it('says a timeout, a fetch failure’s own words, else the message', () => {
    expect(failureText(new Error('x'), true, 30_000).zh).toBe('超时（30 秒内未完成）');
    expect(failureText(new FetchFailure('甲', 'a'), false)).toEqual({ zh: '甲', en: 'a' });
    expect(failureText(new Error('boom'), false)).toEqual({ zh: '出错：boom', en: 'Failed: boom' });
  });
});

// GBK bytes written out (TextEncoder has no GBK): 「政府信息公开」 and 「年报」.
const GBK_ZHENGFU = [0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa];
const GBK_NIANBAO = [0xc4, 0xea, 0xb1, 0xa8];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

// The audit page decodes a page as the command line does (lib/read/load-bytes.ts): held here on GBK bytes.
const decodePage = (bytes: Uint8Array, contentType: string | null) => {
  const l = loadBytes('https://a.gov.cn/r.html', bytes, contentType, 'https://a.gov.cn/r.html');
  return { html: l.text, charset: l.charset, notices: l.notices };
};

describe('a page\'s charset', () => {
  it('reads a GBK page by its <meta> charset, and by the server’s when it says so', () => {
    const page = new Uint8Array([...ascii('<html><head><meta charset="gb2312"></head><body>'), ...GBK_ZHENGFU, ...GBK_NIANBAO, ...ascii('</body></html>')]);
    const byMeta = decodePage(page, 'text/html');
    expect(byMeta.html).toContain('政府信息公开年报');
    expect(byMeta.charset).toBe('gbk');
    expect(byMeta.notices).toEqual([]);
    const noMeta = new Uint8Array([...ascii('<p>'), ...GBK_ZHENGFU]);
    expect(decodePage(noMeta, 'text/html; charset=GBK').html).toBe('<p>政府信息公开');
  });

  it('reads GB18030’s four-byte sequences', () => {
    const page = new Uint8Array([...ascii('<meta charset="gb18030"><p>'), 0x81, 0x30, 0x81, 0x30, ...GBK_NIANBAO]);
    const { html, charset } = decodePage(page, null);
    expect(charset).toBe('gb18030');
    expect(html).toBe('<meta charset="gb18030"><p>\u0080年报');
  });

  it('judges undeclared bytes (UTF-8 if valid, else GBK) and says an unknown declared charset', () => {
    expect(decodePage(new TextEncoder().encode('<p>年报</p>'), null)).toEqual({ html: '<p>年报</p>', charset: 'utf-8', notices: [] });
    expect(decodePage(new Uint8Array([...ascii('<p>'), ...GBK_NIANBAO]), null).html).toBe('<p>年报');
    const odd = decodePage(new Uint8Array([...ascii('<meta charset="utf-902"><p>'), ...GBK_NIANBAO]), null);
    expect(odd.html).toContain('年报');
    expect(odd.notices).toHaveLength(1);
    expect(odd.notices[0].zh).toContain('utf-902');
  });
});
