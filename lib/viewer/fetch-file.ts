// The viewer fetches the file itself, with the extension's host access. A hotlink-protected site
// gets the page that linked the file as Referer: a session rule scoped to this tab's requests from
// our own origin, removed as soon as the file is in. Nothing else is requested.
import { browser } from 'wxt/browser';

export class FetchError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    /** The origin to ask host access for, when the failure looks like missing access. */
    readonly origin: string | null = null,
  ) {
    super(en);
  }
}

/** Larger than this, a file is not a report (and would take the tab's memory). */
export const MAX_BYTES = 100 * 1024 * 1024;
let nextRule = 1000 + Math.floor(Math.random() * 100_000);

async function withReferer<T>(src: string, ref: string | null, run: () => Promise<T>): Promise<T> {
  const dnr = browser.declarativeNetRequest;
  const tab = await browser.tabs?.getCurrent?.().catch(() => undefined);
  if (!ref || !dnr?.updateSessionRules || tab?.id == null) return run();
  const id = nextRule++;
  try {
    await dnr.updateSessionRules({
      addRules: [
        {
          id,
          priority: 3,
          action: { type: 'modifyHeaders' as never, requestHeaders: [{ header: 'referer', operation: 'set' as never, value: ref }] },
          condition: { urlFilter: `|${src}|`, initiatorDomains: [browser.runtime.id], resourceTypes: ['xmlhttprequest' as never], tabIds: [tab.id] },
        },
      ],
    });
  } catch {
    return run();
  }
  try {
    return await run();
  } finally {
    await dnr.updateSessionRules({ removeRuleIds: [id] }).catch(() => {});
  }
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | null;
  /** The address after redirects. */
  url: string;
}

export async function fetchFile(src: string, ref: string | null): Promise<Fetched> {
  const origin = /^https?:/i.test(src) ? `${new URL(src).origin}/*` : null;
  let res: Response;
  try {
    res = await withReferer(src, ref, () => fetch(src, { credentials: 'include', cache: 'default' }));
  } catch (e) {
    if (/^file:/i.test(src))
      throw new FetchError('无法读取本地文件：请在扩展程序设置中允许「访问文件网址」，或用「打开本地文件」选择它', 'Could not read the local file: allow "Access file URLs" for the extension, or choose it with "Open a local file"');
    throw new FetchError(`无法下载文件（${(e as Error).message}）。可能需要授权访问该网站，或网站拒绝了下载。`, `Could not download the file (${(e as Error).message}). The site may need your permission, or it refused the download.`, origin);
  }
  if (!res.ok) throw new FetchError(`无法下载文件：服务器返回 ${res.status}`, `Could not download the file: the server answered ${res.status}`);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new FetchError(`文件过大（${Math.round(length / 1048576)} MB），不像是年度报告`, `The file is too large (${Math.round(length / 1048576)} MB) for an annual report`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new FetchError('文件过大，不像是年度报告', 'The file is too large for an annual report');
  return { bytes, contentType: res.headers.get('content-type'), url: res.url || src };
}

/** Asks for access to the file's site (must run in a click). */
export const requestAccess = (origin: string) => browser.permissions.request({ origins: [origin] });
