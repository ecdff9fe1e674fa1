// Last year's report page, fetched by the background with the extension's host access (a content
// script's own fetch is the page's and may not reach another site), decoded by its charset and handed
// to the page's engine as text. Only that one address is requested; nothing is sent anywhere.
// The message and its answer are zod-checked like every message between our scripts (messages.ts).
import * as z from 'zod/mini';
import { decodeBytes } from '../read/decode';

/** Larger than this, a page is not a report. */
const MAX_BYTES = 20 * 1024 * 1024;

const makeSchemas = () => ({
  Request: z.object({ type: z.literal('fetch-page'), url: z.string() }),
  Reply: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), url: z.string(), text: z.string(), contentType: z.nullable(z.string()) }),
    z.object({ ok: z.literal(false), message: z.string() }),
  ]),
});
let cache: ReturnType<typeof makeSchemas> | null = null;
const schemas = () => (cache ??= makeSchemas());

export type PageReply = z.infer<ReturnType<typeof makeSchemas>['Reply']>;

export function parseFetchPage(raw: unknown): { url: string } | null {
  const r = schemas().Request.safeParse(raw);
  return r.success && /^https?:\/\//i.test(r.data.url) ? { url: r.data.url } : null;
}

export function parsePageReply(raw: unknown): PageReply {
  const r = schemas().Reply.safeParse(raw);
  return r.success ? r.data : { ok: false, message: 'no answer from the extension' };
}

/** In the background: the page's text, or why not. */
export async function fetchPage(url: string, fetcher: typeof fetch = fetch): Promise<PageReply> {
  try {
    const res = await fetcher(url, { credentials: 'include', cache: 'default' });
    if (!res.ok) return { ok: false, message: `HTTP ${res.status}` };
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_BYTES) return { ok: false, message: `larger than ${MAX_BYTES / 1024 / 1024} MB` };
    const contentType = res.headers.get('content-type');
    const { text } = decodeBytes(bytes, { contentType, html: !/text\/plain/i.test(contentType ?? '') });
    return { ok: true, url: res.url || url, text, contentType };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}
