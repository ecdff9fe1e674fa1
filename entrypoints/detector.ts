// The only script on every matching page: a tiny detector, declared in the manifest by wxt.config.ts.
// A plain script (no content-script runtime: no intervals, no listeners): it reads the title and
// searches the page's text natively for the report's own fixed strings (lib/ext/detect-page.ts);
// on a report it asks the background to load the engine into this frame, on report files linked
// from the page (PDF, Word) a light script that draws their controls, on a tab that is a PDF the
// toolbar badge; otherwise it leaves nothing behind (its observer for late content disconnects
// within seconds).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { classifyPage, worthALook } from '../lib/ext/detect-page';

const SETTLE_MS = 600;
const WATCH_MS = 8000;
/** Fewer elements than this at idle: the page's content is still to come. */
const SHELL_ELEMENTS = 150;

export default defineUnlistedScript(() => {
  type Runtime = { runtime: { id?: string; sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as { __nianbaoIdleAt?: number; chrome?: Runtime; browser?: Runtime };
  if (g.__nianbaoIdleAt != null) return;
  // performance is touched only past the first test: its first use in our world builds its binding.
  g.__nianbaoIdleAt = 0;
  // Extension APIs are touched only when there is something to say: building their bindings costs milliseconds on every page.
  const send = (m: object) => {
    const api = g.browser?.runtime?.id ? g.browser : g.chrome;
    void api?.runtime.sendMessage(m).catch(() => {});
  };
  // The browser's own PDF viewer: only its wrapper document runs scripts, and it holds nothing to read.
  if (document.contentType === 'application/pdf') return send({ type: 'pdf-tab', url: location.href });
  const report = () => send({ type: 'report-detected', title: document.title || null });
  let filesSent = false;
  const files = () => {
    if (filesSent) return;
    filesSent = true;
    send({ type: 'attachments-detected' });
  };
  // Most pages end here: the title and a few native queries. A page that holds little yet (a
  // shell whose body a script brings) is still watched for a few seconds, as every page was.
  if (!worthALook(document)) {
    if ((document.body?.getElementsByTagName('*').length ?? 0) >= SHELL_ELEMENTS) return;
  } else {
    g.__nianbaoIdleAt = performance.now();
    const first = classifyPage(document);
    if (first === 'report') return report();
    if (first === 'attachments') files();
  }
  // CMS bodies loaded by script: look again a moment after the page changes, for a few seconds
  // only. The observer's callback only arms one timer: a page that changes all the time (a ticker,
  // a carousel) costs one look per SETTLE_MS, a page that never changes none.
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
  // The watch ends; a look already armed still runs (a body that came in at the last moment).
  const cap = window.setTimeout(() => observer.disconnect(), WATCH_MS);
  // On the document, not its element: no element wrapper to build.
  observer.observe(document, { childList: true, subtree: true });
});
