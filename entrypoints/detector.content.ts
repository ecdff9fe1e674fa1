// The only script on every matching page: a tiny detector. It reads the title and a bounded sample of
// text; on a report it asks the background to load the engine into this frame, otherwise it leaves
// nothing behind (its observer for late content disconnects itself after a few seconds).
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { looksLikeReport } from '../lib/ext/detect-page';

const SETTLE_MS = 600;
const WATCH_MS = 8000;

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  allFrames: true,
  main() {
    const report = () => void browser.runtime.sendMessage({ type: 'report-detected', title: document.title || null }).catch(() => {});
    if (looksLikeReport(document)) return report();
    // CMS bodies loaded by script: look again once the page settles, for a few seconds only.
    let timer = 0;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (looksLikeReport(document)) {
          stop();
          report();
        }
      }, SETTLE_MS);
    });
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(cap);
    };
    const cap = window.setTimeout(stop, WATCH_MS);
    observer.observe(document.documentElement, { childList: true, subtree: true });
  },
});
