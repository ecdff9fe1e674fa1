// The audit page's fetch: with the extension's host access only (the manifest's *.gov.cn, or a site
// the user allowed), never a request the user did not list. A site we may not read fails its row
// with the origin to ask for: the page asks once per site, in a click.
import { browser } from 'wxt/browser';
import { fetchReport } from '../audit/fetch';
import { RowFailure, type Fetched } from '../audit/run';

export const originPattern = (url: string) => `${new URL(url).origin}/*`;

const granted = new Map<string, Promise<boolean>>();

/** Whether we may read this origin (asked of the browser once per origin and audit run). */
export function hasAccess(url: string): Promise<boolean> {
  const origin = originPattern(url);
  let known = granted.get(origin);
  if (!known) {
    known = browser.permissions.contains({ origins: [origin] }).catch(() => false);
    granted.set(origin, known);
  }
  return known;
}

/** After the user allowed access (or refused it), ask the browser again. */
export const forgetAccess = () => granted.clear();

export async function auditFetch(url: string, signal: AbortSignal): Promise<Fetched> {
  if (!/^https?:\/\//i.test(url)) throw new RowFailure({ zh: `只能核查 http(s) 网址或本地文件：${url}`, en: `Only http(s) addresses or local files can be checked: ${url}` });
  if (!(await hasAccess(url))) {
    const site = new URL(url).origin;
    throw new RowFailure({ zh: `需要授权访问 ${site} 才能读取`, en: `Access to ${site} must be allowed before it can be read` }, originPattern(url));
  }
  const got = await fetchReport(url, signal);
  return { bytes: got.bytes, contentType: got.contentType, url: got.url };
}
