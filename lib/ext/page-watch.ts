// What the detector's two scripts share (entrypoints/detector.ts, entrypoints/classify.ts): a
// message to the background that touches the extension APIs only when sent, and a watch for a
// late body. Plain code, no imports: both ship on pages that may not be reports.

type Runtime = { runtime: { id?: string; sendMessage(m: unknown): Promise<unknown> } };

/** Our extension's API in this world (Firefox's \`browser\`, else \`chrome\`), if it is there. */
export function extensionRuntime(): Runtime | null {
  const g = globalThis as { chrome?: Runtime; browser?: Runtime };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  return api?.runtime?.id ? api : null;
}

/** Sends a message to the background; building the APIs' bindings costs milliseconds, so only when there is something to say. */
export function sendToBackground(m: object): void {
  void extensionRuntime()?.runtime.sendMessage(m).catch(() => {});
}

const SETTLE_MS = 600;
const WATCH_MS = 8000;

/**
 * Calls `look` a moment after the document changes, for a few seconds only, until it returns true.
 * The observer's callback only arms one timer: a page that changes all the time costs one look
 * per SETTLE_MS, a page that never changes none. A look armed before the watch ends still runs
 * (a body that came in at the last moment). `doc`: another document than this frame's; `attributes`:
 * changes of these attributes count too.
 */
export function watchForLateBody(look: () => boolean, options: { doc?: Document; attributes?: string[] } = {}): void {
  const doc = options.doc ?? document;
  let timer = 0;
  const observer = new MutationObserver(() => {
    if (!timer)
      timer = window.setTimeout(() => {
        timer = 0;
        if (!look()) return;
        observer.disconnect();
        clearTimeout(cap);
      }, SETTLE_MS);
  });
  const cap = window.setTimeout(() => observer.disconnect(), WATCH_MS);
  // On the document, not its element: no element wrapper to build. Attributes only when asked
  // (an editor's frame turns editable by an attribute on its body).
  const attributes = options.attributes ? { attributes: true, attributeFilter: options.attributes } : {};
  observer.observe(doc, { childList: true, subtree: true, ...attributes });
}
