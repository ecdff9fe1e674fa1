// Anchoring: from a finding's anchors to places on the page (ranges and boxes), kept apart from the UI.
import type { Anchor } from '../model';
import type { Finding } from '../findings';
import type { PictureRef } from './pictures';

export interface Box {
  /** Document coordinates (they follow scrolling without being recomputed). */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Place {
  boxes: Box[];
  /** Text ranges to paint with the CSS Custom Highlight API. */
  ranges: Range[];
}

function toBox(r: DOMRect, win: Window): Box | null {
  if (r.width === 0 && r.height === 0) return null;
  return { x: r.left + win.scrollX, y: r.top + win.scrollY, w: r.width, h: r.height };
}

/** A frame's content area (inside its border and padding) in the viewport of the frame's document. */
function contentRect(frame: Element): { left: number; top: number; right: number; bottom: number } {
  const r = frame.getBoundingClientRect();
  const css = frame.ownerDocument.defaultView!.getComputedStyle(frame);
  const px = (v: string) => parseFloat(v) || 0;
  const left = r.left + px(css.borderLeftWidth) + px(css.paddingLeft);
  const top = r.top + px(css.borderTopWidth) + px(css.paddingTop);
  return { left, top, right: r.right - px(css.borderRightWidth) - px(css.paddingRight), bottom: r.bottom - px(css.borderBottomWidth) - px(css.paddingBottom) };
}

/**
 * A rectangle in the viewport of `own` (a same-origin frame's document, an editor's draft) moved into
 * the viewport of `doc`, frame by frame; null when `own` is not inside `doc`. A rectangle scrolled
 * out of a frame's view is moved all the same (its finding is on the page; the draft's locator
 * clips the marks to the frame, lib/ext/editor-locate.ts).
 */
export function rectInto(r: { left: number; top: number; width: number; height: number }, own: Document, doc: Document) {
  let { left, top } = r;
  for (let d = own; d !== doc; ) {
    const frame = d.defaultView?.frameElement;
    if (!frame) return null;
    const c = contentRect(frame);
    left += c.left;
    top += c.top;
    d = frame.ownerDocument;
  }
  return { left, top, width: r.width, height: r.height } as DOMRect;
}

/** The part of `own` (a frame's document inside `doc`) on screen, in the viewport of `doc`: each frame's content area, intersected. */
export function visibleRectInto(own: Document, doc: Document): { left: number; top: number; right: number; bottom: number } | null {
  let v = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
  let dx = 0;
  let dy = 0;
  const chain: Element[] = [];
  for (let d = own; d !== doc; ) {
    const frame = d.defaultView?.frameElement;
    if (!frame) return null;
    chain.push(frame);
    d = frame.ownerDocument;
  }
  // From the outermost frame in: each frame's content area in its parent's viewport, moved into doc's.
  for (const frame of chain.reverse()) {
    const c = contentRect(frame);
    const at = { left: c.left + dx, top: c.top + dy, right: c.right + dx, bottom: c.bottom + dy };
    v = { left: Math.max(v.left, at.left), top: Math.max(v.top, at.top), right: Math.min(v.right, at.right), bottom: Math.min(v.bottom, at.bottom) };
    dx = at.left;
    dy = at.top;
  }
  return v;
}

/** A node's rectangle as a box of `doc` (the page the marks are drawn on), whichever frame the node is in. */
function boxOf(r: DOMRect, own: Document, doc: Document, win: Window): Box | null {
  if (own === doc) return toBox(r, win);
  const moved = rectInto(r, own, doc);
  return moved ? toBox(moved, win) : null;
}

/** The DOM range or element an anchor names; null for anchors of text sources. */
export function rangeOf(anchor: Anchor | undefined, doc: Document): Range | Element | null {
  if (!anchor || anchor.kind !== 'dom') return null;
  const node = anchor.node as Node;
  if (!node || !node.isConnected) return null;
  if (node.nodeType === 1 && anchor.start == null) return node as Element;
  if (node.nodeType !== 3) return null;
  // The node's own document makes the range: a draft in an editor frame is another document.
  const range = (node.ownerDocument ?? doc).createRange();
  try {
    range.setStart(node, Math.min(anchor.start ?? 0, node.nodeValue?.length ?? 0));
    const end = (anchor.endNode as Node | undefined) ?? node;
    range.setEnd(end, Math.min(anchor.end ?? end.nodeValue?.length ?? 0, end.nodeValue?.length ?? 0));
  } catch {
    return null;
  }
  return range;
}

/**
 * A region of a picture on the page, in document coordinates: the picture's pixels scaled to its
 * displayed content box (so marks follow zoom, responsive layouts and resizing).
 */
export function pictureBox(anchor: Extract<Anchor, { kind: 'image' }>, win: Window): Box | null {
  const ref = anchor.image as PictureRef | null;
  const el = ref?.element;
  if (!el || !el.isConnected || !ref.width || !ref.height) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  const own = el.ownerDocument;
  const css = (own.defaultView ?? win).getComputedStyle(el);
  const px = (v: string) => parseFloat(v) || 0;
  const left = r.left + el.clientLeft + px(css.paddingLeft);
  const top = r.top + el.clientTop + px(css.paddingTop);
  const width = el.clientWidth - px(css.paddingLeft) - px(css.paddingRight);
  const height = el.clientHeight - px(css.paddingTop) - px(css.paddingBottom);
  const sx = (width > 0 ? width : r.width) / ref.width;
  const sy = (height > 0 ? height : r.height) / ref.height;
  const at = own === win.document ? { left, top } : rectInto({ left, top, width: 0, height: 0 }, own, win.document);
  if (!at) return null;
  return { x: at.left + anchor.x * sx + win.scrollX, y: at.top + anchor.y * sy + win.scrollY, w: anchor.w * sx, h: anchor.h * sy };
}

export function placeOf(anchors: (Anchor | undefined)[], doc: Document): Place {
  const win = doc.defaultView!;
  const place: Place = { boxes: [], ranges: [] };
  for (const a of anchors) {
    if (a?.kind === 'image') {
      const box = pictureBox(a, win);
      if (box) place.boxes.push(box);
      continue;
    }
    const target = rangeOf(a, doc);
    if (!target) continue;
    if ('collapsed' in target) place.ranges.push(target);
    const rect = target.getBoundingClientRect();
    const own = ('collapsed' in target ? target.startContainer : target).ownerDocument ?? doc;
    const box = boxOf(rect, own, doc, win);
    if (box) place.boxes.push(box);
  }
  return place;
}

/** Every anchor of a finding: its cells first, then its own (heading, table, place of a missing section). */
export const anchorsOf = (f: Finding): (Anchor | undefined)[] => [...f.cells.map((c) => c.anchor), f.anchor];

/** The box a finding's badge stands at: the union of its last cell (usually the total) or its anchor. */
export function badgeBox(f: Finding, doc: Document): Box | null {
  const total = f.cells.length ? placeOf([f.cells[f.cells.length - 1].anchor], doc).boxes[0] : null;
  return total ?? placeOf([f.anchor], doc).boxes[0] ?? placeOf(anchorsOf(f), doc).boxes[0] ?? null;
}

/**
 * Where anchors are on screen, in the coordinates of the marks' layer. On a web page: document
 * coordinates. The viewer gives its own, for anchors on rendered PDF pages.
 */
export interface Locator {
  place(anchors: (Anchor | undefined)[], doc: Document): Place;
  badge(f: Finding, doc: Document): Box | null;
  /** Brings a mark into view. */
  scrollTo(box: Box): void;
  /** Calls `bump` whenever marks must be measured again; returns how to stop. */
  watch?(bump: () => void): () => void;
}

export const domLocator: Locator = {
  place: placeOf,
  badge: badgeBox,
  scrollTo: (box) => window.scrollTo({ top: Math.max(0, box.y - window.innerHeight / 3), behavior: 'smooth' }),
};
