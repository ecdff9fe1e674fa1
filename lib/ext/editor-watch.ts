// Marks follow edits: a draft is checked again once typing pauses. Only the editor's editable root
// is watched (our host and its shadow root are outside it, so our own marks never wake the watch),
// and only changes of its text and structure, not of attributes (an editor marks the selected cell
// or table with attributes of its own on every click).

/** After an edit, how long typing must pause before the draft is checked again. */
export const EDIT_PAUSE_MS = 800;

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(id: unknown): void;
}

const windowTimers = (win: Window): Timers => ({ set: (fn, ms) => win.setTimeout(fn, ms), clear: (id) => win.clearTimeout(id as number) });

/** A call of `fn` once calls to the result stop for `ms`; `cancel` drops a call still to come. */
export function debounce(fn: () => void, ms: number, timers: Timers): { bump(): void; cancel(): void } {
  let id: unknown = null;
  return {
    bump() {
      if (id != null) timers.clear(id);
      id = timers.set(() => {
        id = null;
        fn();
      }, ms);
    },
    cancel() {
      if (id != null) timers.clear(id);
      id = null;
    },
  };
}

/**
 * Calls `onPause` once edits of `root` (typing, pasting, the editor's undo) have paused for `ms`.
 * The observer and listener are read-only: nothing is written to the editor. Returns how to stop.
 */
export function watchDraft(root: HTMLElement, onPause: () => void, ms = EDIT_PAUSE_MS): () => void {
  const win = root.ownerDocument.defaultView ?? window;
  const later = debounce(onPause, ms, windowTimers(win));
  const observer = new (win as typeof window).MutationObserver(() => later.bump());
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  const onInput = () => later.bump();
  root.addEventListener('input', onInput, { passive: true });
  return () => {
    later.cancel();
    observer.disconnect();
    root.removeEventListener('input', onInput);
  };
}
