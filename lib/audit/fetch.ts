// One report fetched for the audit: its bytes (bounded), its type and address after redirects, and
// why not, as a failure worth another try (Retryable: the network, 429, 5xx) or a final one
// (FetchFailure: 404, 403, too large, not http(s)). No extension API: the page passes its fetch,
// which has the extension's host access; tests pass a fake one.
import type { Text } from '../findings';
import { Retryable } from './queue';

/** As the viewer's limit (lib/viewer/fetch-file.ts MAX_BYTES, not imported: it loads the extension API). */
export const MAX_REPORT_BYTES = 100 * 1024 * 1024;

/** A final failure: another try would get the same answer. */
export class FetchFailure extends Error implements Text {
  constructor(
    readonly zh: string,
    readonly en: string,
    /** The HTTP status, when the server answered. */
    readonly status: number | null = null,
  ) {
    super(en);
    this.name = 'FetchFailure';
  }
}

/**
 * A failure worth another try, with its words; `origin` is the site to ask access for when the
 * network refused; `retryAfterMs` the server's Retry-After, which the queue waits at least.
 */
export class RetryableFetch extends Retryable implements Text {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly status: number | null = null,
    readonly origin: string | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(en);
    this.name = 'RetryableFetch';
  }
}

/** HTTP Retry-After: seconds, or a date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const t = header.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const at = Date.parse(t);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface FetchedReport {
  bytes: Uint8Array;
  contentType: string | null;
  /** After redirects. */
  url: string;
  status: number;
}

const mb = (n: number) => Math.round(n / 1048576);
const tooLarge = (n: number | null) =>
  new FetchFailure(
    n ? `文件过大（${mb(n)} MB，超过 ${mb(MAX_REPORT_BYTES)} MB），不像是年度报告` : `文件过大（超过 ${mb(MAX_REPORT_BYTES)} MB），不像是年度报告`,
    n ? `The file is too large (${mb(n)} MB, over ${mb(MAX_REPORT_BYTES)} MB) for an annual report` : `The file is too large (over ${mb(MAX_REPORT_BYTES)} MB) for an annual report`,
  );

/** What a status says, for a final failure. */
function statusFailure(status: number): FetchFailure {
  const words: Record<number, [string, string]> = {
    401: ['需要登录才能访问', 'it needs a login'],
    403: ['网站拒绝访问', 'the site refused access'],
    404: ['页面不存在', 'no such page'],
    410: ['页面已被删除', 'the page was removed'],
  };
  const [zh, en] = words[status] ?? ['', ''];
  return new FetchFailure(
    `无法获取：服务器返回 ${status}${zh ? `（${zh}）` : ''}`,
    `Could not fetch: the server answered ${status}${en ? ` (${en})` : ''}`,
    status,
  );
}

/** 408 (the server timed out waiting), 429 (too many requests) and 5xx pass; a later try may not meet them. */
export const isRetryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

function httpUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchFailure(`地址无效：${url.slice(0, 200)}`, `Not a valid address: ${url.slice(0, 200)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new FetchFailure(`只能核查 http(s) 网址（${u.protocol}），本地文件请拖入页面`, `Only http(s) addresses can be fetched (${u.protocol}); drop local files onto the page`);
  return u;
}

/** The body, stopped as soon as it passes the limit (a server may send no length, or a wrong one). */
async function readBounded(res: Response, signal: AbortSignal): Promise<Uint8Array> {
  if (!res.body) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_REPORT_BYTES) throw tooLarge(bytes.length);
    return bytes;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_REPORT_BYTES) throw tooLarge(null);
      chunks.push(value);
    }
  } catch (e) {
    reader.cancel().catch(() => {});
    throw e;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Fetches a report with the browser's cookies (a site may show reports to its visitors only),
 * following redirects. Throws RetryableFetch (network error, 408/429/5xx, a body cut off),
 * FetchFailure (other statuses, too large, not http(s)), or the signal's reason when aborted.
 */
export async function fetchReport(url: string, signal: AbortSignal, fetchFn: typeof fetch = fetch): Promise<FetchedReport> {
  const u = httpUrl(url);
  let res: Response;
  try {
    res = await fetchFn(u.href, { credentials: 'include', redirect: 'follow', cache: 'default', signal });
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    const why = (e as Error)?.message ?? String(e);
    // In an extension, a site we have no access to fails as a network error: the origin lets the page ask.
    throw new RetryableFetch(`无法连接（${why}）。可能需要授权访问该网站，或网络不通`, `Could not connect (${why}). The site may need your permission, or the network is down`, null, `${u.origin}/*`);
  }
  if (!res.ok) {
    res.body?.cancel().catch(() => {});
    if (isRetryableStatus(res.status))
      throw new RetryableFetch(`服务器暂时无法响应（${res.status}）`, `The server could not answer for now (${res.status})`, res.status, null, retryAfterMs(res.headers.get('retry-after')));
    throw statusFailure(res.status);
  }
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_REPORT_BYTES) {
    res.body?.cancel().catch(() => {});
    throw tooLarge(length);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(res, signal);
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    if (e instanceof FetchFailure) throw e;
    throw new RetryableFetch(`下载中断（${(e as Error)?.message ?? e}）`, `The download broke off (${(e as Error)?.message ?? e})`);
  }
  return { bytes, contentType: res.headers.get('content-type'), url: res.url || u.href, status: res.status };
}

/** Why an input failed, in both languages, from its queue outcome's error. */
export function failureText(error: unknown, timedOut: boolean, timeoutMs?: number): Text {
  if (timedOut)
    return timeoutMs
      ? { zh: `超时（${Math.round(timeoutMs / 1000)} 秒内未完成）`, en: `Timed out (not done within ${Math.round(timeoutMs / 1000)} s)` }
      : { zh: '超时', en: 'Timed out' };
  if (error instanceof FetchFailure || error instanceof RetryableFetch) return { zh: error.zh, en: error.en };
  const t = error as Partial<Text> | null;
  if (t && typeof t.zh === 'string' && typeof t.en === 'string') return { zh: t.zh, en: t.en };
  const message = (error as Error)?.message ?? String(error);
  return { zh: `出错：${message}`, en: `Failed: ${message}` };
}
