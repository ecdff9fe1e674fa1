// Where anchors on PDF pages are on screen in our viewer. Marks live in one layer inside the viewer's
// scrolling container, so they scroll with the pages; boxes are measured from each page's own box
// (pdf.js keeps a sized div for every page, rendered or not), so zoom, late layout and pdf.js
// dropping far pages' canvases never leave a mark behind: the layer is measured again on each change.
import type { Anchor, PageScanRef } from '../model';
import type { Finding } from '../findings';
import { anchorsOf, type Box, type Locator, type Place } from '../ext/anchors';

/** What the locator needs of pdf.js's PDFViewer and its page views. */
export interface PageViewLike {
  div: HTMLElement;
  viewport: { width: number; height: number; convertToViewportRectangle(rect: number[]): number[] };
  textLayer?: { div?: HTMLElement | null } | null;
}
export interface ViewerLike {
  container: HTMLElement;
  getPageView(index: number): PageViewLike | undefined;
}
export interface EventBusLike {
  on(name: string, fn: () => void): void;
  off(name: string, fn: () => void): void;
}

/** A page's content box in the container's scrolled coordinates (inside the page's border). */
function pageOrigin(view: PageViewLike, container: HTMLElement): { x: number; y: number; w: number; h: number } | null {
  const r = view.div.getBoundingClientRect();
  if (r.width === 0) return null;
  const c = container.getBoundingClientRect();
  return {
    x: r.left + view.div.clientLeft - c.left - container.clientLeft + container.scrollLeft,
    y: r.top + view.div.clientTop - c.top - container.clientTop + container.scrollTop,
    w: view.div.clientWidth,
    h: view.div.clientHeight,
  };
}

/** An anchor's box on its page, in CSS pixels from the page's top left (null: not on a PDF page). */
export function boxOnPage(anchor: Anchor, view: PageViewLike, size: { w: number; h: number }): Box | null {
  if (anchor.kind === 'pdf') {
    const [x1, y1, x2, y2] = view.viewport.convertToViewportRectangle(anchor.rect);
    // The viewport may lag behind the div's CSS size during a zoom: scale to the div.
    const kx = size.w / view.viewport.width;
    const ky = size.h / view.viewport.height;
    return { x: Math.min(x1, x2) * kx, y: Math.min(y1, y2) * ky, w: Math.abs(x2 - x1) * kx, h: Math.abs(y2 - y1) * ky };
  }
  if (anchor.kind === 'image') {
    const ref = anchor.image as PageScanRef | null;
    if (!ref?.width || !ref.height) return null;
    // A picture placed on the page: its pixels cover its box there.
    const at = ref.rect ? boxOnPage({ kind: 'pdf', page: ref.page, rect: ref.rect }, view, size) : { x: 0, y: 0, w: size.w, h: size.h };
    if (!at) return null;
    // A page render (at the page's own rotation) or a picture: pixels map to the box in proportion.
    const kx = at.w / ref.width;
    const ky = at.h / ref.height;
    return { x: at.x + anchor.x * kx, y: at.y + anchor.y * ky, w: anchor.w * kx, h: anchor.h * ky };
  }
  return null;
}

const pageOf = (a: Anchor): number | null => (a.kind === 'pdf' ? a.page : a.kind === 'image' ? ((a.image as PageScanRef | null)?.page ?? null) : null);

/** Text-layer spans under a box (client coordinates): ranges for the CSS Custom Highlight API. */
function textRanges(view: PageViewLike, client: Box, doc: Document): Range[] {
  const layer = view.textLayer?.div;
  if (!layer) return [];
  const out: Range[] = [];
  for (const span of Array.from(layer.querySelectorAll('span'))) {
    if (span.querySelector('span')) continue;
    const r = span.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    if (cx < client.x || cx > client.x + client.w || cy < client.y || cy > client.y + client.h) continue;
    const range = doc.createRange();
    range.selectNodeContents(span);
    out.push(range);
  }
  return out;
}

export function pdfLocator(viewer: ViewerLike, bus: EventBusLike): Locator {
  const place = (anchors: (Anchor | undefined)[], doc: Document): Place => {
    const out: Place = { boxes: [], ranges: [] };
    const c = viewer.container.getBoundingClientRect();
    for (const a of anchors) {
      if (!a) continue;
      const n = pageOf(a);
      const view = n != null ? viewer.getPageView(n - 1) : undefined;
      const origin = view && pageOrigin(view, viewer.container);
      const box = view && origin ? boxOnPage(a, view, origin) : null;
      if (!box || !origin) continue;
      const placed = { x: origin.x + box.x, y: origin.y + box.y, w: box.w, h: box.h };
      out.boxes.push(placed);
      // Headings and sentences: painted on the text layer (cells get boxes only).
      if (a.kind === 'pdf') {
        const client = { x: placed.x - viewer.container.scrollLeft + c.left + viewer.container.clientLeft, y: placed.y - viewer.container.scrollTop + c.top + viewer.container.clientTop, w: placed.w, h: placed.h };
        out.ranges.push(...textRanges(view, { x: client.x - 1, y: client.y - 1, w: client.w + 2, h: client.h + 2 }, doc));
      }
    }
    return out;
  };
  return {
    place,
    badge(f: Finding, doc: Document) {
      const last = f.cells.length ? place([f.cells[f.cells.length - 1].anchor], doc).boxes[0] : null;
      return last ?? place([f.anchor], doc).boxes[0] ?? place(anchorsOf(f), doc).boxes[0] ?? null;
    },
    scrollTo(box) {
      const el = viewer.container;
      el.scrollTo({ top: Math.max(0, box.y - el.clientHeight / 3), left: Math.max(0, box.x + box.w / 2 - el.clientWidth / 2), behavior: 'smooth' });
    },
    watch(bump) {
      const events = ['pagesinit', 'pagesloaded', 'scalechanging', 'rotationchanging', 'pagerendered', 'textlayerrendered'];
      for (const e of events) bus.on(e, bump);
      return () => events.forEach((e) => bus.off(e, bump));
    },
  };
}
