// The detector's one message, from wherever it runs. In Chromium the detector runs in the page's
// own world (world: MAIN): no isolated world is made on the pages it leaves, which is most of them
// (an isolated world costs more than the whole first look), and the page's document wrapper is
// already built. The page's world has no extension API of its own: our background is reached as an
// externally_connectable extension, by our ID, which the detector reads off its own stack (its file
// is ours). An address-less frame (about:blank, srcdoc) has no runtime at all: it asks through the
// nearest ancestor that has one, and the background finds such frames itself (findRuntimeLessFrames).
// In Firefox, and on the sites the user added (registered in the isolated world), the detector has
// the extension's own runtime. Plain code, no imports: this ships on every page.

type Own = { runtime: { id?: string; sendMessage(m: unknown): Promise<unknown> } };
type External = { runtime?: { sendMessage?(id: string, m: unknown, reply: () => void): void; lastError?: unknown } };

/** What a page's world may ask of the background: only what the detector says. */
export type PageAsk =
  /** Load the closer look into the frame that asked (or, `relayed`, into the frames without a runtime of their own); `at`: the detector's performance.now(). */
  | { type: 'classify'; at: number; relayed?: boolean }
  /** This tab shows a PDF in the browser's own viewer. */
  | { type: 'pdf-tab'; url: string };

/** Our extension's ID, from a stack frame of this script's own file (chrome-extension://<id>/detector.js). */
export function idFromStack(stack: string): string | null {
  return /chrome-extension:\/\/([a-p]{32})\//.exec(stack)?.[1] ?? null;
}

/** Sends the detector's message to the background, by the extension's own runtime or, from a page's world, as an external one. */
export function askBackground(m: PageAsk, stack: () => string = () => new Error().stack ?? ''): void {
  const g = globalThis as { chrome?: Own; browser?: Own };
  const own = g.browser?.runtime?.id ? g.browser : g.chrome?.runtime?.id ? g.chrome : null;
  if (own) return void own.runtime.sendMessage(m).catch(() => {});
  const id = idFromStack(stack());
  if (!id) return;
  // This frame's runtime, or the nearest same-origin ancestor's (an address-less frame has none).
  for (let w: Window = window, relayed = false; ; w = w.parent, relayed = true) {
    let runtime: External['runtime'];
    try {
      runtime = (w as unknown as { chrome?: External }).chrome?.runtime;
    } catch {
      return; // a cross-origin ancestor
    }
    if (runtime?.sendMessage) {
      const r = runtime;
      r.sendMessage?.(id, relayed ? { ...m, relayed: true } : m, () => void r.lastError);
      return;
    }
    if (w === w.parent) return;
  }
}

/** The detector's message, from a page's world (anything a page's script may send too): null unless it is one. */
export function parsePageAsk(raw: unknown): PageAsk | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (m.type === 'classify' && typeof m.at === 'number' && Number.isFinite(m.at) && (m.relayed === undefined || typeof m.relayed === 'boolean'))
    return { type: 'classify', at: m.at, ...(m.relayed ? { relayed: true } : {}) };
  // A PDF tab's own frame has a runtime: a relayed one is no PDF viewer's.
  if (m.type === 'pdf-tab' && typeof m.url === 'string' && m.url.length < 10_000 && m.relayed === undefined) return { type: 'pdf-tab', url: m.url };
  return null;
}

/**
 * Run in each frame's page world by the background (serialised: no closure, no import): whether
 * this frame has no runtime of its own (the frames a relayed ask may come from).
 */
export function findRuntimeLessFrames(): boolean {
  return window !== window.top && !(globalThis as { chrome?: External }).chrome?.runtime?.sendMessage;
}
