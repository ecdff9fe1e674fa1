// 「在年报核查中打开」 beside each report file the page links or shows, drawn in our shadow root at
// the link's place in document coordinates (no node in the page's flow), following resize and
// reflow, and found again when the page adds content.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { findAttachments, type Attachment } from '../lib/ext/attachments';
import { strings, type Lang } from '../lib/i18n';
import { adoptSheet, ensureHost, partRoot } from './host';
import { ATTACHMENT_CSS, HOST_CSS } from './styles';

const BUTTON_H = 20;
/** Room a control needs on the right of its link; with less it goes below the link. */
const BUTTON_ROOM = 150;
const SETTLE_MS = 300;
/** Beyond this many files the controls show their icon only (their words on hover and focus). */
const FULL_LABELS_UP_TO = 3;

interface Place {
  x: number;
  y: number;
  /** Inside the element's top-right corner (a frame showing the PDF), not beside it. */
  inside: boolean;
}

/** What stands between an element and the document: a fixed ancestor, or ones that scroll or clip it. */
interface Frame {
  fixed: boolean;
  clips: Element[];
}

const frames = new WeakMap<Element, Frame>();

/** Walked once per element (the page's layout classes rarely change where a link sits). */
function frameOf(el: Element, win: Window): Frame {
  let known = frames.get(el);
  if (known) return known;
  known = { fixed: false, clips: [] };
  for (let p = el.parentElement; p && p !== win.document.body && p !== win.document.documentElement; p = p.parentElement) {
    const css = win.getComputedStyle(p);
    if (css.position === 'fixed') known.fixed = true;
    if (css.overflowX !== 'visible' || css.overflowY !== 'visible') known.clips.push(p);
  }
  frames.set(el, known);
  return known;
}

/**
 * Where the control of one file stands, in document coordinates; null when its element is not
 * shown (no box, hidden, or scrolled out of a box that clips it).
 */
export function placeFor(el: Element, win: Window): Place | null {
  if (!el.isConnected) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  const visible = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (visible && !visible.call(el, { visibilityProperty: true, opacityProperty: true })) return null;
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  for (const c of frameOf(el, win).clips) {
    const b = c.getBoundingClientRect();
    if (cx < b.left || cx > b.right || cy < b.top || cy > b.bottom) return null;
  }
  const sx = win.scrollX;
  const sy = win.scrollY;
  if (el.localName !== 'a') return { x: r.right + sx - 6, y: r.top + sy + 6, inside: true };
  const width = Math.max(win.document.documentElement.scrollWidth, win.innerWidth);
  if (r.right + sx + BUTTON_ROOM > width) return { x: Math.max(0, r.left + sx), y: r.bottom + sy + 2, inside: false };
  return { x: r.right + sx + 4, y: r.top + sy + (r.height - BUTTON_H) / 2, inside: false };
}

/** A control must follow scrolling only when its link is in a fixed box or a box that scrolls. */
const movesOnScroll = (files: Attachment[], win: Window) =>
  files.some((f) => {
    const fr = f.element.isConnected ? frameOf(f.element, win) : null;
    return !!fr && (fr.fixed || fr.clips.length > 0);
  });

interface Props {
  /** The files found at mount. */
  initial: Attachment[];
  find: () => Attachment[];
  lang: Lang;
  onOpen: (a: Attachment) => void;
  onFound?: (n: number) => void;
}

export function Attachments({ initial, find, lang, onOpen, onFound }: Props) {
  const [files, setFiles] = useState<Attachment[]>(initial);
  const [version, setVersion] = useState(0);
  const s = strings[lang];

  useEffect(() => onFound?.(files.length), [files]);

  useEffect(() => {
    let frame = 0;
    const bump = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((v) => v + 1));
    };
    const ro = new ResizeObserver(bump);
    ro.observe(document.documentElement);
    if (document.body) ro.observe(document.body);
    // Content added by the page's scripts (an attachment list filled late) or moved by a class change:
    // found again and measured again once it settles.
    let settle = 0;
    let added = false;
    const mo = new MutationObserver((records) => {
      added ||= records.some((r) => r.type === 'childList');
      clearTimeout(settle);
      settle = window.setTimeout(() => {
        if (added) setFiles(find());
        added = false;
        bump();
      }, SETTLE_MS);
    });
    mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
    window.addEventListener('resize', bump);
    window.addEventListener('load', bump);
    return () => {
      ro.disconnect();
      mo.disconnect();
      clearTimeout(settle);
      window.removeEventListener('resize', bump);
      window.removeEventListener('load', bump);
      cancelAnimationFrame(frame);
    };
  }, []);

  // Scrolling needs nothing for links in the page's flow (document coordinates); links in a fixed
  // box or a scrolling list are measured again (scroll events do not bubble: caught on the way down).
  useEffect(() => {
    if (!movesOnScroll(files, window)) return;
    let frame = 0;
    const bump = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((v) => v + 1));
    };
    document.addEventListener('scroll', bump, { capture: true, passive: true });
    return () => {
      document.removeEventListener('scroll', bump, { capture: true });
      cancelAnimationFrame(frame);
    };
  }, [files]);

  const places = useMemo(() => files.map((f) => placeFor(f.element, window)), [files, version]);
  const compact = files.length > FULL_LABELS_UP_TO;

  return (
    <div class="att-layer">
      {files.map((f, i) => {
        const p = places[i];
        if (!p) return null;
        return (
          <button
            key={f.url}
            type="button"
            class={`att-open${p.inside ? ' inside' : ''}${compact ? ' compact' : ''}`}
            style={{ left: `${p.x}px`, top: `${p.y}px` }}
            data-attachment={i}
            data-url={f.url}
            data-type={f.type}
            title={s.openInViewerOf(f.label)}
            aria-label={s.openInViewerOf(f.label)}
            onClick={(e) => {
              e.preventDefault();
              e.stopPropagation();
              onOpen(f);
            }}
          >
            <span class="att-label">{s.openInViewer}</span>
          </button>
        );
      })}
    </div>
  );
}

/** Asks the background to open our viewer on this file, next to this tab, the page as its referrer. */
export function openInViewer(a: Attachment, all: Attachment[] = []): void {
  // The page's other PDF and Word files: the viewer offers them if this one cannot be read (an OFD).
  const alt = all.filter((x) => x.url !== a.url && x.type !== 'ofd').slice(0, 5).map((x) => x.url);
  void browser.runtime.sendMessage({ type: 'open-viewer', url: a.url, referer: location.href, alt }).catch(() => {});
}

/**
 * Mounts the controls in our host (made if missing; the report UI's part is left alone). Nothing is
 * added to the page when it links no report file. `pageIsReport`: the page is a report (every
 * attachment counts); otherwise the page's own title and the files' words decide.
 */
export function mountAttachments(opts: { pageIsReport?: boolean; lang: Lang }): number {
  const find = () => findAttachments(document, { pageIsReport: opts.pageIsReport });
  const initial = find();
  if (initial.length === 0 && !document.querySelector('nianbao-check')) return 0;
  const { host, shadow } = ensureHost();
  adoptSheet(shadow, 'host', HOST_CSS);
  adoptSheet(shadow, 'attachments', ATTACHMENT_CSS);
  const root = partRoot(shadow, 'attachments', (r) => render(null, r));
  render(<Attachments initial={initial} find={find} lang={opts.lang} onOpen={(a) => openInViewer(a, find())} onFound={(n) => host.setAttribute('data-attachments', String(n))} />, root);
  return initial.length;
}
