// Drafts in an editor: a report written in a `contenteditable` element or in an editor's frame
// (designMode, srcdoc, an about:blank frame the editor writes into, a same-origin frame). Finding
// them only reads the DOM: nothing here writes to the editor, focuses it or moves its selection.
import { REPORT_STRINGS } from './first-look';

/** How deep same-origin frames are searched (a CMS back office: page → main frame → editor frame). */
const FRAME_DEPTH = 3;

/** A frame's or element's document is the editor's when all of it is editable (designMode, or an editable body). */
export function isEditableDocument(doc: Document): boolean {
  return doc.designMode === 'on' || !!doc.body?.isContentEditable;
}

/** The document of a frame element, when the page's origin lets us read it (null for a cross-origin frame). */
export function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** The same-origin frames of `doc` and of its frames, nearest first, `depth` levels down. */
export function sameOriginFrames(doc: Document, depth = FRAME_DEPTH): { frame: Element; doc: Document }[] {
  const out: { frame: Element; doc: Document }[] = [];
  if (depth <= 0) return out;
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    const inner = frameDocument(frame);
    if (!inner) continue;
    out.push({ frame, doc: inner });
    out.push(...sameOriginFrames(inner, depth - 1));
  }
  return out;
}

/** Text that holds one of a report's fixed strings (the detector's gate: a report without one is not called one). */
const holdsReport = (text: string) => REPORT_STRINGS.some((s) => text.includes(s));

export interface Draft {
  /** The editor's document: this page's own, or an editor frame's. */
  doc: Document;
  /** The editable root: the element whose content the editor saves (a frame's body, or the contenteditable element). */
  root: HTMLElement;
  /** The frame element the draft's document is shown in (null: in this page's own document). */
  frame: Element | null;
}

/**
 * The draft of a report in an editor frame reachable from `doc`: the editable frame document
 * holding a report's fixed strings, the one with the most text where there are several (an
 * editor's toolbar or a second, empty field is another editable frame).
 */
export function draftFrame(doc: Document): Draft | null {
  let best: Draft | null = null;
  let bestLength = 0;
  for (const { frame, doc: inner } of sameOriginFrames(doc)) {
    const body = inner.body;
    if (!body || !isEditableDocument(inner)) continue;
    const text = body.textContent ?? '';
    if (text.length > bestLength && holdsReport(text)) {
      best = { doc: inner, root: body, frame };
      bestLength = text.length;
    }
  }
  return best;
}

/**
 * The editable root around a node of this document: the outermost element of the editable region
 * it is in (an editor keeps its content in one `contenteditable` element), or null when the node
 * is not editable.
 */
export function editableRootOf(node: Node | null): HTMLElement | null {
  let el: Element | null = node && node.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  if (!el || !(el as HTMLElement).isContentEditable) return null;
  while (el.parentElement && el.parentElement.isContentEditable) el = el.parentElement;
  return el as HTMLElement;
}

/** Whether any frame reachable from `doc` (same-origin) is an editor frame holding text: where 「检查此页」 and the detector look for a draft. */
export function holdsEditorFrame(doc: Document): boolean {
  return sameOriginFrames(doc, 1).some(({ doc: inner }) => isEditableDocument(inner) && (inner.body?.textContent ?? '').length > 0);
}

/**
 * The editable root of a draft in this page's own document, from what the engine read: the
 * editable region around the first node it read, around the report's container, or the one
 * editable region inside the container holding a report's fixed strings (the container may take
 * in the editor's toolbar or the form's title above the region). Null: no draft, a published page.
 */
export function draftRootIn(container: Element | null, firstRead: Node | null): HTMLElement | null {
  const around = editableRootOf(firstRead) ?? editableRootOf(container);
  if (around || !container) return around;
  for (const el of Array.from(container.querySelectorAll<HTMLElement>('[contenteditable]')))
    if (el.isContentEditable && editableRootOf(el) === el && holdsReport(el.textContent ?? '')) return el;
  return null;
}
