// Bytes -> text: pages and files in GBK/GB2312 are decoded by their declared charset; a charset no
// decoder knows (「utf-902」) is not a reason to refuse the page: the bytes tell (UTF-8 if they are
// valid UTF-8, else GBK), and the reader says which was declared and which was used.
import type { Text } from '../findings';

const ALIASES: Record<string, string> = { gb2312: 'gbk', 'gb-2312': 'gbk', gb_2312: 'gbk', 'x-gbk': 'gbk', cp936: 'gbk', utf8: 'utf-8' };

function normalizeCharset(name: string | undefined | null): string | null {
  if (!name) return null;
  const n = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  return n ? (ALIASES[n] ?? n) : null;
}

/** The charset an HTML document declares in its first bytes (<meta charset> or http-equiv). */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  // A label is letters, digits and a few marks ("utf-902", "x-gbk", "iso_8859-1:1987"); a backslash
  // before a quote is a page's script holding another page's <meta>, not a label.
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:+-]+)/i.exec(head);
  return normalizeCharset(m?.[1]);
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([^\s"';]+)/i.exec(contentType ?? '');
  return normalizeCharset(m?.[1]);
}

export interface Decoded {
  text: string;
  /** The charset used. */
  charset: string;
  /** A declared charset no decoder knows (the text was then decoded by sniffing). */
  unknownCharset?: string;
}

/** A decoder for a label, or null when the label names no encoding we can decode. */
function decoderFor(label: string, fromMeta: boolean): TextDecoder | null {
  let d: TextDecoder;
  try {
    d = new TextDecoder(label);
  } catch {
    // Unknown labels, and the "replacement" encoding (iso-2022-kr, hz-gb-2312…), which would turn the
    // whole page into U+FFFD: neither tells us anything, the bytes will.
    return null;
  }
  // As the HTML standard's prescan: a page cannot declare UTF-16 in its own (ASCII) bytes.
  if (fromMeta && /^utf-16/.test(d.encoding)) return new TextDecoder('utf-8');
  return d;
}

/** Decodes by BOM, then the transport's charset, then the document's own; falls back from UTF-8 to GBK. */
export function decodeBytes(bytes: Uint8Array, opts: { contentType?: string | null; html?: boolean } = {}): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const transport = charsetFromContentType(opts.contentType);
  const declared = transport ?? (opts.html ? sniffHtmlCharset(bytes) : null);
  // x-user-defined (a label browsers know and Node does not) decodes as windows-1252, as in the prescan.
  const decoder = declared ? decoderFor(declared === 'x-user-defined' ? 'windows-1252' : declared, !transport) : null;
  if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding };
  const sniffed = sniffCharset(bytes);
  const text = new TextDecoder(sniffed).decode(bytes);
  return declared ? { text, charset: sniffed, unknownCharset: declared } : { text, charset: sniffed };
}

/** UTF-8 when the bytes are valid UTF-8 (plain ASCII is), else GBK (its decoder reads GB18030). */
export function sniffCharset(bytes: Uint8Array): 'utf-8' | 'gbk' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** The notice for a page whose declared charset is unknown: which was declared, which was used. */
export function unknownCharsetNotice(declared: string, used: string): Text {
  const label = declared.slice(0, 40);
  const name = used.toUpperCase();
  return {
    zh: `网页声明的字符编码「${label}」无法识别，已按内容判断为 ${name} 读取；如有乱码请人工核对`,
    en: `The page declares an unknown charset "${label}"; it was read as ${name}, judged from its bytes; check by eye if the text looks garbled`,
  };
}
