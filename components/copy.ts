// 「复制说明」 on any page. navigator.clipboard exists only in secure contexts, and most government
// sites are served over http://: there the note is copied through a hidden textarea inside our own
// shadow root and document.execCommand('copy'), which needs no permission while the click's user
// activation lasts. Our copy event is answered by us and goes no further, so a page that rewrites or
// blocks copying (「版权所有」 appended, oncopy = false) cannot change or stop what is copied.

/** How the note was copied: by the async API, by the fallback, or not at all. */
export type CopyResult = 'clipboard' | 'fallback' | 'failed';

/** Copies through a textarea appended to `root` (our shadow root's element), then removes it. */
export function copyByCommand(text: string, root: ParentNode & Node): boolean {
  const doc = root.ownerDocument ?? document;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  // Off screen but rendered (a display:none field cannot be selected).
  area.style.cssText = 'position:fixed;left:-9999px;top:0;width:1px;height:1px;opacity:0;';
  let done = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    e.stopImmediatePropagation();
    done = true;
  };
  area.addEventListener('copy', onCopy);
  const before = (root.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  root.appendChild(area);
  try {
    area.focus();
    area.select();
    const ok = doc.execCommand('copy');
    return ok && done;
  } catch {
    return false;
  } finally {
    area.removeEventListener('copy', onCopy);
    area.remove();
    before?.focus?.();
  }
}

/**
 * The async API where the page is a secure context, the textarea otherwise (or when the API refuses).
 * Must be called from the click itself: the fallback runs first on http:// so the activation is fresh.
 */
export async function copyNote(text: string, root: ParentNode & Node): Promise<CopyResult> {
  const api = globalThis.isSecureContext ? globalThis.navigator?.clipboard : undefined;
  if (!api?.writeText) return copyByCommand(text, root) ? 'fallback' : 'failed';
  try {
    await api.writeText(text);
    return 'clipboard';
  } catch {
    return copyByCommand(text, root) ? 'fallback' : 'failed';
  }
}
