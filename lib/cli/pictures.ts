// Table pictures of a page on the command line: the extension's own choice of pictures and splicing
// (lib/ext/pictures.ts), with the bytes read from beside the page instead of through the browser.
// A picture is taken only from where the page came from: a file page's pictures from files (or
// data: URLs), a web page's from its own origin; any other picture is a notice, never a fetch.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../check';
import { recheck, tablePictures, type PicturesRead, type PictureTask } from '../ext/pictures';
import { checkHere } from '../ext/check-here';
import type { Text } from '../findings';
import type { SourceDoc } from '../model';
import type { decodeImage as DecodeImage } from '../ocr/node';
import type { Recognizer } from '../ocr/table';

type Gray = ReturnType<typeof DecodeImage>;

/** Larger than any table screenshot agencies publish: refused before decoding. */
const MAX_BYTES = 40 * 1024 * 1024;
const MAX_REDIRECTS = 5;

type Got = { bytes: Uint8Array } | { why: Text };

const why = (zh: string, en: string): { why: Text } => ({ why: { zh, en } });

function dataUrl(src: string): Got {
  const m = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(src);
  if (!m) return why('图片地址无效', 'the picture address is not valid');
  try {
    const bytes = m[2] ? Buffer.from(m[3], 'base64') : Buffer.from(decodeURIComponent(m[3]), 'latin1');
    return { bytes: new Uint8Array(bytes) };
  } catch {
    return why('图片地址无效', 'the picture address is not valid');
  }
}

async function fromFile(url: URL): Promise<Got> {
  try {
    return { bytes: new Uint8Array(await readFile(fileURLToPath(url))) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return why('图片文件不存在', 'the picture file does not exist');
    if (code === 'EISDIR') return why('图片地址是一个目录', 'the picture address is a directory');
    return why(`无法读取图片文件：${(e as Error).message}`, `the picture file could not be read: ${(e as Error).message}`);
  }
}

/** Fetches from the page's own origin only, following redirects only while they stay there. */
async function fromWeb(url: URL, origin: string): Promise<Got> {
  let at = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (at.origin !== origin) return why(`图片在另一网站（${at.host}），未获取`, `the picture is on another site (${at.host}) and was not fetched`);
    let res: Response;
    try {
      res = await fetch(at, { redirect: 'manual' });
    } catch (e) {
      return why(`无法下载图片：${(e as Error).message}`, `the picture could not be downloaded: ${(e as Error).message}`);
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      at = new URL(location, at);
      continue;
    }
    if (!res.ok) return why(`无法下载图片：服务器返回 ${res.status}`, `the picture could not be downloaded: the server answered ${res.status}`);
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) return why('图片过大', 'the picture is too large');
    return { bytes: new Uint8Array(await res.arrayBuffer()) };
  }
  return why('图片地址重定向次数过多', 'the picture address redirects too often');
}

/** The bytes of a picture of the page at `pageUrl`, or why they are not read. */
export async function pictureBytes(src: string, pageUrl: string): Promise<Got> {
  if (/^data:/i.test(src)) return dataUrl(src);
  let url: URL;
  let page: URL;
  try {
    url = new URL(src, pageUrl);
    page = new URL(pageUrl);
  } catch {
    return why('图片地址无效', 'the picture address is not valid');
  }
  if (page.protocol === 'file:') {
    if (url.protocol === 'file:') return fromFile(url);
    return why(`本地网页引用了网络图片（${url.host || url.protocol}），未获取`, `a local page refers to a picture on the web (${url.host || url.protocol}); it was not fetched`);
  }
  if (page.protocol === 'http:' || page.protocol === 'https:') return fromWeb(url, page.origin);
  return why('图片地址无效', 'the picture address is not valid');
}

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8;

export interface PictureDeps {
  decodeImage: (bytes: Uint8Array) => Gray;
  readTableImage: (picture: Gray, rec: Recognizer, image: unknown) => Promise<SourceDoc>;
  recognizer: () => Promise<Recognizer>;
}

/** The OCR side, loaded only when a page has pictures to read. */
export async function ocrDeps(recognizer: () => Promise<Recognizer>): Promise<PictureDeps> {
  const { decodeImage } = await import('../ocr/node');
  const { readTableImage } = await import('../ocr/table');
  return { decodeImage, readTableImage, recognizer };
}

/** A picture's pixel size as a browser knows it once loaded (happy-dom never loads pictures). */
function setNaturalSize(img: HTMLImageElement, width: number, height: number): void {
  Object.defineProperty(img, 'naturalWidth', { configurable: true, get: () => width });
  Object.defineProperty(img, 'naturalHeight', { configurable: true, get: () => height });
}

/**
 * The page's check with its table pictures read: the pictures the extension would read (under
 * sections 二/三/四 without an HTML table), read in turn, their lines spliced where they stand; a
 * picture that cannot be read is a notice, and its table is not reported missing.
 */
export async function checkWithPictures(
  document: Document,
  root: Element | null,
  source: SourceDoc,
  first: CheckResult,
  pageUrl: string,
  force: boolean,
  deps: () => Promise<PictureDeps>,
): Promise<CheckResult> {
  const scope = root ?? document.body ?? document.documentElement;
  const tasks = tablePictures(scope, source, first.report, null);
  if (tasks.length === 0) return first;
  const ocr = await deps();
  const read: PicturesRead = { reads: [], unread: [] };
  const unread = (task: PictureTask, w: { why: Text }) => read.unread.push({ task, why: w.why });
  for (const task of tasks) {
    const got = await pictureBytes(task.src, pageUrl);
    if ('why' in got) {
      unread(task, got);
      continue;
    }
    const bytes = got.bytes;
    if (bytes.length > MAX_BYTES) {
      unread(task, why('图片过大', 'the picture is too large'));
      continue;
    }
    if (!isPng(bytes) && !isJpeg(bytes)) {
      unread(task, why('不是 PNG 或 JPEG 图片', 'not a PNG or JPEG picture'));
      continue;
    }
    let picture: Gray;
    try {
      picture = ocr.decodeImage(bytes);
    } catch (e) {
      unread(task, why(`图片无法解码：${(e as Error).message}`, `the picture could not be decoded: ${(e as Error).message}`));
      continue;
    }
    // Now that its size is known, the extension's own rule may see an icon or a seal: not a table.
    setNaturalSize(task.element, picture.width, picture.height);
    if (!tablePictures(scope, source, first.report, null).some((t) => t.element === task.element)) continue;
    try {
      const lines = (await ocr.readTableImage(picture, await ocr.recognizer(), task.element)).lines;
      read.reads.push({ element: task.element, section: task.section, width: picture.width, height: picture.height, lines });
    } catch (e) {
      unread(task, why(`文字识别出错：${(e as Error).message}`, `text recognition failed: ${(e as Error).message}`));
    }
  }
  if (read.reads.length === 0 && read.unread.length === 0) return first;
  const { result, notices } = await recheck(source, first, read, force, checkHere(async () => {}));
  return { ...result, notices: [...result.notices, ...notices] };
}
