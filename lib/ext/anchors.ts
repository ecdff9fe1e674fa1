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

/** The DOM range or element an anchor names; null for anchors of text sources. */
export function rangeOf(anchor: Anchor | undefined, doc: Document): Range | Element | null {
  if (!anchor || anchor.kind !== 'dom') return null;
  const node = anchor.node as Node;
  if (!node || !node.isConnected) return null;
  if (node.nodeType === 1 && anchor.start == null) return node as Element;
  if (node.nodeType !== 3) return null;
  const range = doc.createRange();
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
  const css = win.getComputedStyle(el);
  const px = (v: string) => parseFloat(v) || 0;
  const left = r.left + el.clientLeft + px(css.paddingLeft);
  const top = r.top + el.clientTop + px(css.paddingTop);
  const width = el.clientWidth - px(css.paddingLeft) - px(css.paddingRight);
  const height = el.clientHeight - px(css.paddingTop) - px(css.paddingBottom);
  const sx = (width > 0 ? width : r.width) / ref.width;
  const sy = (height > 0 ? height : r.height) / ref.height;
  return { x: left + anchor.x * sx + win.scrollX, y: top + anchor.y * sy + win.scrollY, w: anchor.w * sx, h: anchor.h * sy };
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
    const box = toBox(rect, win);
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
