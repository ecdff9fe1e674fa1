// Bytes -> text: pages and files in GBK/GB2312 are decoded by their declared charset.

const ALIASES: Record<string, string> = { gb2312: 'gbk', 'gb-2312': 'gbk', gb_2312: 'gbk', 'x-gbk': 'gbk', cp936: 'gbk', utf8: 'utf-8' };

function normalizeCharset(name: string | undefined | null): string | null {
  if (!name) return null;
  const n = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  return ALIASES[n] ?? n;
}

/** The charset an HTML document declares in its first bytes (<meta charset> or http-equiv). */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return normalizeCharset(m?.[1]);
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '');
  return normalizeCharset(m?.[1]);
}

/** Decodes by BOM, then the transport's charset, then the document's own; falls back from UTF-8 to GBK. */
export function decodeBytes(bytes: Uint8Array, opts: { contentType?: string | null; html?: boolean } = {}): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const declared = charsetFromContentType(opts.contentType) ?? (opts.html ? sniffHtmlCharset(bytes) : null);
  if (declared) {
    try {
      return { text: new TextDecoder(declared).decode(bytes), charset: declared };
    } catch {
      // An unknown label: fall through to detection.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), charset: 'gbk' };
  }
}
