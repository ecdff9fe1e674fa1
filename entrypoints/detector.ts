// The only script on every matching page: the detector's first look, declared in the manifest by
// wxt.config.ts. A plain script (no content-script runtime), as small as it can be, for it is all
// that runs on pages that are not reports: the title, the address and, on a few pages, the first
// text nodes (lib/ext/first-look.ts). When they name a report it asks the background for the closer
// look (entrypoints/classify.ts, loaded into this frame only then); a page whose body is still to
// come is watched for a few seconds; any other page is left at once, with nothing behind.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { firstLook } from '../lib/ext/first-look';

const SETTLE_MS = 600;
const WATCH_MS = 8000;

export default defineUnlistedScript(() => {
  type Runtime = { runtime: { id?: string; sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as { __nianbaoIdleAt?: number; chrome?: Runtime; browser?: Runtime };
  if (g.__nianbaoIdleAt != null) return;
  // performance is touched only past the first look: its first use in our world builds its binding.
  g.__nianbaoIdleAt = 0;
  // Extension APIs are touched only when there is something to say: building their bindings costs milliseconds on every page.
  const send = (m: object) => {
    const api = g.browser?.runtime?.id ? g.browser : g.chrome;
    void api?.runtime.sendMessage(m).catch(() => {});
  };
  // The browser's own PDF viewer: only its wrapper document runs scripts, and it holds nothing to read.
  if (document.contentType === 'application/pdf') return send({ type: 'pdf-tab', url: location.href });
  const classify = () => {
    g.__nianbaoIdleAt = performance.now();
    send({ type: 'classify' });
  };
  const first = firstLook(document);
  if (first === 'leave') return;
  if (first === 'look') return classify();
  // A shell whose body a script brings: looked at again a moment after it changes, for a few
  // seconds only. The observer's callback only arms one timer: a page that changes all the time
  // costs one first look per SETTLE_MS.
  let timer = 0;
  const observer = new MutationObserver(() => {
    if (!timer)
      timer = window.setTimeout(() => {
        timer = 0;
        if (firstLook(document) !== 'look') return;
        observer.disconnect();
        clearTimeout(cap);
        classify();
      }, SETTLE_MS);
  });
  // The watch ends; a look already armed still runs (a body that came in at the last moment).
  const cap = window.setTimeout(() => observer.disconnect(), WATCH_MS);
  // On the document, not its element: no element wrapper to build.
  observer.observe(document, { childList: true, subtree: true });
});
