// The page side of reading table pictures: each picture is sent (as its address, or the page's own
// copy) to the extension's OCR page through the background, one after another, with progress.
import { browser } from 'wxt/browser';
import type { Text } from '../findings';
import { afterPaint } from './core-api';
import type { Line } from '../model';
import { parseCheckedPictureReply, type PictureReply } from './messages';
import type { PicturesRead, PictureTask } from './pictures';

const PICTURE_FAILURE: Record<Exclude<PictureReply, { ok: true }>['code'], Text> = {
  fetch: { zh: '无法获取该图片', en: 'the picture could not be fetched' },
  decode: { zh: '该图片无法解码', en: 'the picture could not be decoded' },
  ocr: { zh: '文字识别出错', en: 'text recognition failed' },
  unavailable: { zh: '识别组件未能启动', en: 'the OCR engine did not start' },
  cancelled: { zh: '已取消识别', en: 'reading was cancelled' },
};

async function askBackground(src: string): Promise<PictureReply> {
  try {
    return parseCheckedPictureReply(await browser.runtime.sendMessage({ type: 'ocr-picture', src }));
  } catch (e) {
    return { ok: false, code: 'unavailable', message: (e as Error).message };
  }
}

/** The page's own copy of a picture (same origin, or a blob: URL) as a data: URL. */
async function pageCopy(src: string): Promise<string | null> {
  try {
    const blob = await (await fetch(src)).blob();
    return await new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(blob);
    });
  } catch {
    return null;
  }
}

/** Reads one picture in the extension's OCR page; where the extension may not fetch it, the page's copy is sent. */
async function readPicture(task: PictureTask): Promise<PictureReply> {
  const first = await askBackground(task.src);
  if (first.ok || first.code !== 'fetch' || task.src.startsWith('data:')) return first;
  const copy = await pageCopy(task.src);
  return copy ? askBackground(copy) : first;
}

/** Reads the pictures one after another, showing progress; stops when cancelled or superseded. */
export async function readPictures(tasks: PictureTask[], progress: (done: number) => boolean): Promise<PicturesRead> {
  const out: PicturesRead = { reads: [], unread: [] };
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i];
    const going = progress(i);
    // The first request once the progress is painted (core-api afterPaint says why).
    if (going && i === 0) await afterPaint();
    const reply = going ? await readPicture(task) : ({ ok: false, code: 'cancelled', message: '' } as const);
    if (reply.ok) {
      out.reads.push({ element: task.element, section: task.section, width: reply.width, height: reply.height, lines: reply.lines as Line[] });
    } else out.unread.push({ task, why: PICTURE_FAILURE[reply.code] });
  }
  progress(tasks.length);
  return out;
}
