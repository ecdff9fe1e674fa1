// The viewer's address: which file to open and from which page (pure, tested).

export interface ViewerTarget {
  /** The file's absolute http(s) or file: URL. */
  src: string;
  /** The page that linked it (sent as Referer to hotlink-protected sites). */
  ref: string | null;
  /** Other versions of the report the page links (offered when this file cannot be read). */
  alt: string[];
}

export type ViewerParams = { ok: true; target: ViewerTarget | null } | { ok: false; zh: string; en: string };

const ALLOWED = /^(https?|file):$/;

/**
 * `?src=<encoded URL>&ref=<encoded page>`; `?raw=1&ref=…&src=<URL as is>` (a redirect rule cannot
 * encode: everything after the first `&src=` is the URL). No src: the file picker.
 */
export function parseViewerParams(search: string): ViewerParams {
  const q = search.replace(/^\?/, '');
  if (!q) return { ok: true, target: null };
  const params = new URLSearchParams(q);
  let src = params.get('src');
  if (params.get('raw') === '1') {
    const at = q.indexOf('src=');
    src = at >= 0 ? q.slice(at + 4) : null;
  }
  if (!src) return { ok: true, target: null };
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return { ok: false, zh: `文件地址无效：${src}`, en: `Not a valid file address: ${src}` };
  }
  if (!ALLOWED.test(url.protocol)) return { ok: false, zh: `不支持此类地址：${url.protocol}`, en: `This kind of address is not supported: ${url.protocol}` };
  const ref = params.get('ref');
  const alt = params.getAll('alt').filter((a) => /^https?:\/\//i.test(a) && URL.canParse(a));
  return { ok: true, target: { src: url.href, ref: ref && /^https?:/i.test(ref) ? ref : null, alt: params.get('raw') === '1' ? [] : alt } };
}

/** The file's name as a person knows it: the last path part, or a `filename=` in the query. */
export function fileNameOf(src: string): string {
  try {
    const u = new URL(src);
    const named = [...u.searchParams.entries()].find(([k, v]) => /file ?name|^name$|^fn$/i.test(k) && /\.\w{2,4}$/.test(v))?.[1];
    const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '');
    return named ?? (last || u.hostname);
  } catch {
    return src;
  }
}
