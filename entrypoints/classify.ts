// The detector's closer look (lib/ext/detect-page.ts), loaded by the background into a frame whose
// first look named a report (entrypoints/detector.ts): a report asks for the engine, report files
// linked or shown ask for their controls (the light script). A page that is neither yet (a report
// page whose body a script brings) is looked at again a moment after it changes, for a few seconds.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { classifyPage } from '../lib/ext/detect-page';

const SETTLE_MS = 600;
const WATCH_MS = 8000;

export default defineUnlistedScript(() => {
  type Runtime = { runtime: { id?: string; sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as { __nianbaoClassified?: boolean; chrome?: Runtime; browser?: Runtime };
  if (g.__nianbaoClassified) return;
  g.__nianbaoClassified = true;
  const send = (m: object) => {
    const api = g.browser?.runtime?.id ? g.browser : g.chrome;
    void api?.runtime.sendMessage(m).catch(() => {});
  };
  const report = () => send({ type: 'report-detected', title: document.title || null });
  let filesSent = false;
  const files = () => {
    if (filesSent) return;
    filesSent = true;
    send({ type: 'attachments-detected' });
  };
  const found = classifyPage(document);
  if (found === 'report') return report();
  if (found === 'attachments') files();
  let timer = 0;
  const look = () => {
    timer = 0;
    const now = classifyPage(document);
    if (now === 'report') {
      observer.disconnect();
      clearTimeout(cap);
      report();
    } else if (now === 'attachments') files();
  };
  const observer = new MutationObserver(() => {
    if (!timer) timer = window.setTimeout(look, SETTLE_MS);
  });
  const cap = window.setTimeout(() => observer.disconnect(), WATCH_MS);
  observer.observe(document, { childList: true, subtree: true });
});
