// What a report's bytes are (HTML, text, a picture, PDF, Word) and the text of those that are text:
// the same on the command line and on the audit page. No Node and no DOM here.
import type { Text } from '../findings';
import { decodeBytes, unknownCharsetNotice } from './decode';
import { DocError, mhtHtml } from './doc';
import { sniffType, type FileType } from './sniff';

export type InputKind = 'html' | 'text' | 'image' | 'pdf' | 'word';

export interface Loaded {
  kind: InputKind;
  text: string;
  charset: string;
  /** The file's bytes, for pictures, PDF and Word files. */
  bytes?: Uint8Array;
  /** What the bytes are (lib/read/sniff.ts), for Word files: docx, ole (.doc/.wps), rtf, word-xml. */
  type?: FileType;
  /** Where it came from (a file: URL, or the http(s) address after redirects): the base of its pictures. */
  url: string;
  /** What reading it had to guess (an unknown declared charset), for the summary and the JSON. */
  notices: Text[];
}

export class InputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** The extension of a name or an address (".pdf"), lower-cased; "" when it has none. */
export function extname(name: string): string {
  const base = name.split(/[?#]/)[0].split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

const HTML_EXT = new Set(['.html', '.htm', '.shtml', '.xhtml', '.jhtml', '.jsp', '.php', '.asp', '.aspx']);
const TEXT_EXT = new Set(['.txt', '.md', '.markdown', '.text', '.csv', '.tsv']);
const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg']);
const LATER_EXT = new Set(['.pdf', '.gif', '.bmp', '.webp', '.doc', '.docx', '.wps', '.ofd']);
/** Names Word files go by (a saved web page or web archive often hides behind them). */
const WORD_EXT = new Set(['.doc', '.docx', '.wps', '.rtf', '.wpt', '.dot', '.mht', '.mhtml']);

function kindOf(name: string, contentType: string | null, bytes: Uint8Array): InputKind {
  if (contentType && /html/i.test(contentType)) return 'html';
  if (contentType && /text\/plain|markdown/i.test(contentType)) return 'text';
  const ext = extname(name.split(/[?#]/)[0]).toLowerCase();
  if (HTML_EXT.has(ext)) return 'html';
  // Markdown may hold its tables as raw HTML (converters of Word and PDF write them so).
  if ((ext === '.md' || ext === '.markdown') && /<table[\s>]/i.test(new TextDecoder('latin1').decode(bytes))) return 'html';
  if (TEXT_EXT.has(ext)) return 'text';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase();
  return /<!doctype html|<html|<body|<table|<p[ >]/.test(head) ? 'html' : 'text';
}

/** The name or the server says HTML or text (not a guess from the bytes). */
function saysWhatItIs(name: string, contentType: string | null): boolean {
  if (contentType && /html|text\/plain|markdown/i.test(contentType)) return true;
  const ext = extname(name.split(/[?#]/)[0]).toLowerCase();
  return HTML_EXT.has(ext) || TEXT_EXT.has(ext);
}

/** Bytes (with the server's content type, if any) as HTML, text or a picture. */
export function loadBytes(input: string, bytes: Uint8Array, contentType: string | null, url: string): Loaded {
  const ext = extname(input.split(/[?#]/)[0]).toLowerCase();
  // What the bytes are decides, not the name: attachments are often served under other names.
  const type = sniffType(bytes);
  const picture = type === 'png' || type === 'jpeg';
  if (IMAGE_EXT.has(ext) || picture || (contentType && /image\/(png|jpe?g)/i.test(contentType))) {
    if (!picture) throw new InputError(`无法读取图片 ${input}：不是 PNG 或 JPEG 文件`, `Could not read the picture ${input}: not a PNG or JPEG file`);
    return { kind: 'image', text: '', charset: 'binary', bytes, url, notices: [] };
  }
  if (type === 'pdf') return { kind: 'pdf', text: '', charset: 'binary', bytes, url, notices: [] };
  if (type === 'docx' || type === 'ole' || type === 'rtf' || type === 'word-xml') return { kind: 'word', text: '', charset: 'binary', bytes, type, url, notices: [] };
  // A web archive (Word's single-file web page, often named .doc): its page, decoded by its charset.
  if (type === 'mht') return { kind: 'html', text: archivedPage(input, bytes), charset: 'mht', url, notices: [] };
  // A .doc/.wps that is a saved web page (CMS exports): read as the page it is.
  if (type === 'html' && WORD_EXT.has(ext)) return htmlInput(input, bytes, contentType, url, 'html');
  if (WORD_EXT.has(ext) && type === 'text' && bytes.length > 0)
    throw new InputError(`${input} 不是有效的 Word 文件（内容既不是 Word、RTF，也不是网页），无法读取`, `${input} is not a valid Word file (neither Word, RTF nor a web page) and cannot be read`);
  if (type === 'ofd' || LATER_EXT.has(ext) || (contentType && /pdf|image\//i.test(contentType))) {
    const what = { docx: 'Word (.docx)', ole: 'Word/WPS (.doc/.wps)', ofd: 'OFD', rtf: 'RTF' }[type as string] ?? ext.slice(1).toUpperCase();
    throw new InputError(`暂不支持此格式（${what}）：${input}，请使用该报告的网页或 PDF 版本`, `This format is not supported yet (${what}): ${input}; use the report's web page or PDF`);
  }
  if (bytes.length === 0) throw new InputError(`文件为空：${input}`, `The file is empty: ${input}`);
  return htmlInput(input, bytes, contentType, url, kindOf(input, contentType, bytes));
}

/** The web page inside a web archive; a damaged archive is the input's error. */
function archivedPage(input: string, bytes: Uint8Array): string {
  try {
    return mhtHtml(bytes);
  } catch (e) {
    if (e instanceof DocError) throw new InputError(`${e.zh}：${input}`, `${e.en}: ${input}`);
    throw e;
  }
}

/** Text or HTML bytes decoded by their charset (declared, or judged from the bytes). */
function htmlInput(input: string, bytes: Uint8Array, contentType: string | null, url: string, kind: InputKind): Loaded {
  const { text, charset, unknownCharset } = decodeBytes(bytes, { contentType, html: kind === 'html' });
  // NUL characters in a file that does not say what it is: a binary file. A page that says it is a
  // page is read as a browser reads it (a browser drops NUL characters from the text).
  if (/\u0000/.test(text.slice(0, 2000)) && !saysWhatItIs(input, contentType)) throw new InputError(`无法读取 ${input}：不是文本或网页文件`, `Could not read ${input}: not a text or HTML file`);
  const notices = unknownCharset ? [unknownCharsetNotice(unknownCharset, charset)] : [];
  const clean = text.replace(/\u0000/g, '');
  const markdown = kind === 'html' && /\.(md|markdown)$/i.test(input.split(/[?#]/)[0]);
  return { kind, text: markdown ? markdownAsHtml(clean) : clean, charset, url, notices };
}

/** Markdown holding raw HTML tables, as HTML: each line of text a paragraph (heading marks and bold dropped), the HTML as is. */
export function markdownAsHtml(md: string): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return md
    .split(/\r?\n/)
    .map((line) => (/^\s*</.test(line) ? line : line.trim() ? `<p>${esc(line.replace(/^\s*#{1,6}\s+/, '').replace(/\*\*/g, ''))}</p>` : ''))
    .join('\n');
}
