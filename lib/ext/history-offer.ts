// 「核对上一年度报告」: last year's report, linked from this page, checked and kept in the history so that
// this report can be compared with it. A page is fetched by the background (page-fetch.ts) and
// checked here by the same engine; a PDF or Word file opens in the viewer, which checks and keeps it,
// and we wait for its record. Said as a notice when it does not work; never a lost check.
import { browser } from 'wxt/browser';
import type { Text } from '../findings';
import type { CoreApi } from './core-api';
import { withHistory } from './history-check';
import { HISTORY_PREFIX } from './history-store';
import { parsePageReply } from './page-fetch';
import { pageLinks, previousReportLink, type PreviousLink } from './previous-link';

/** How long we wait for the viewer to check a file (a scan read by OCR takes minutes). */
const FILE_WAIT_MS = 10 * 60_000;

const notice = (zh: string, en: string): Text => ({ zh: `未能核对上一年度报告：${zh}`, en: `Last year's report was not checked: ${en}` });

export async function checkPrevious(core: Pick<CoreApi, 'checkPage' | 'history'>, offer: PreviousLink, report: { href: string; title: string | null; year: number }): Promise<Text | null> {
  const { year } = report;
  const page = report.href;
  if (offer.list) {
    // The site's list of reports: last year's report is looked for among its links.
    const list = parsePageReply(await browser.runtime.sendMessage({ type: 'fetch-page', url: offer.href }).catch((e: Error) => ({ ok: false, message: e.message })));
    if (!list.ok) return notice(`无法读取年报列表 ${offer.href}（${list.message}）`, `the list of reports ${offer.href} could not be read (${list.message})`);
    const doc = new DOMParser().parseFromString(list.text, 'text/html');
    const base = doc.createElement('base');
    base.href = list.url;
    doc.head?.prepend(base);
    const found = previousReportLink(pageLinks(doc), { year, title: report.title, href: list.url });
    if (!found) return notice(`年报列表 ${offer.href} 中未找到本机关${year - 1}年度的报告`, `no ${year - 1} report of this body in the list ${offer.href}`);
    return checkPrevious(core, found, report);
  }
  if (offer.file) {
    const arrived = recordArrives(year - 1, FILE_WAIT_MS);
    await browser.runtime.sendMessage({ type: 'open-viewer', url: offer.href, referer: page });
    return (await arrived) ? null : notice('查看器未在限定时间内完成核对', 'the viewer did not finish in time');
  }
  const reply = parsePageReply(await browser.runtime.sendMessage({ type: 'fetch-page', url: offer.href }).catch((e: Error) => ({ ok: false, message: e.message })));
  if (!reply.ok) return notice(`无法读取 ${offer.href}（${reply.message}）`, `${offer.href} could not be read (${reply.message})`);
  const checked = await core.checkPage(reply.text, reply.url);
  if (!checked.report) return notice(`${offer.href} 不是年度报告页面`, `${offer.href} is not a report page`);
  const kept = await withHistory(core.history, checked, reply.url);
  if (!kept.info?.kept || kept.info.year !== year - 1) return notice(`${offer.href} 未能识别为本机关${year - 1}年度的报告`, `${offer.href} was not recognised as this body's ${year - 1} report`);
  return null;
}

/** Resolves true when a history record of `year` is stored (the viewer's), false after `ms`. */
function recordArrives(year: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      browser.storage.onChanged.removeListener(listen);
      clearTimeout(timer);
      resolve(ok);
    };
    const listen = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      for (const [key, change] of Object.entries(changes))
        if (key.startsWith(HISTORY_PREFIX) && (change.newValue as { year?: unknown } | undefined)?.year === year) return done(true);
    };
    const timer = setTimeout(() => done(false), ms);
    browser.storage.onChanged.addListener(listen);
  });
}
