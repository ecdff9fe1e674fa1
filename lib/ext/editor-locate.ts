// Marks over a draft in an editor's frame: drawn in the page that holds the frame (our host is
// never inside the editor's document, so no editor can save it, whatever part of its document it
// serializes: a designMode frame's whole document is editable, and full-page modes save <html>),
// positioned over the frame (lib/ext/anchors.ts moves each box out of the frame) and clipped to
// the frame's visible area (a mark of a cell scrolled out of the frame would float over the page
// around it). The frame scrolls on its own and its content reflows as the user types: both make
// the marks be measured again.
import { HOST_TAG } from '../host-tag';
import { domLocator, visibleRectInto, type Box, type Locator } from './anchors';

/** Our marks' layer (components/Marks.tsx), inside our shadow root. */
const marksLayer = (): HTMLElement | null => document.querySelector(HOST_TAG.toLowerCase())?.shadowRoot?.querySelector<HTMLElement>('[data-part="report"] [data-layer]') ?? null;

/** A CSS clip-path for the marks' layer (at the document's origin): the frame's visible area, in document coordinates. */
export function clipOf(v: { left: number; top: number; right: number; bottom: number }, scrollX: number, scrollY: number): string {
  const l = v.left + scrollX;
  const t = v.top + scrollY;
  const r = v.right + scrollX;
  const b = v.bottom + scrollY;
  if (!(r > l && b > t)) return 'polygon(0 0, 0 0, 0 0)';
  return `polygon(${l}px ${t}px, ${r}px ${t}px, ${r}px ${b}px, ${l}px ${b}px)`;
}

export function draftLocator(frameDoc: Document): Locator {
  const clip = () => {
    const layer = marksLayer();
    const v = visibleRectInto(frameDoc, document);
    if (layer && v) layer.style.clipPath = clipOf(v, window.scrollX, window.scrollY);
  };
  return {
    ...domLocator,
    // Measured again on every change of the layout: the clip follows the frame.
    place: (anchors, doc) => {
      clip();
      return domLocator.place(anchors, doc);
    },
    // A mark scrolled out of the frame: the frame scrolled to it (its own scroll, not the caret's),
    // then the page to the frame.
    scrollTo(box: Box) {
      const win = frameDoc.defaultView;
      const v = visibleRectInto(frameDoc, document);
      if (win && v) {
        const top = box.y - window.scrollY;
        const height = v.bottom - v.top;
        if (top < v.top || top > v.bottom - 20) win.scrollBy({ top: top - v.top - height / 3 });
      }
      win?.frameElement?.scrollIntoView({ block: 'nearest' });
    },
    watch(bump) {
      const win = frameDoc.defaultView;
      if (!win) return () => {};
      const ro = new ResizeObserver(bump);
      if (frameDoc.body) ro.observe(frameDoc.body);
      if (win.frameElement) ro.observe(win.frameElement);
      // Passive listeners only: the editor's own scrolling and typing are not delayed or changed.
      win.addEventListener('scroll', bump, { passive: true });
      win.addEventListener('resize', bump, { passive: true });
      return () => {
        ro.disconnect();
        win.removeEventListener('scroll', bump);
        win.removeEventListener('resize', bump);
      };
    },
  };
}
