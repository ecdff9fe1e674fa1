// A source document as plain data: what a worker can be given. Each DOM node or picture an anchor
// names becomes a number (the same node the same number, so anchors that named one node still do,
// and anchors shared by tokens stay shared); kinds and offsets stay, for the rules that ask how a
// cell was read (an image anchor is OCR). Marks cannot be placed from it: the audit needs none.
import type { Anchor, Line, SourceDoc } from '../model';

/**
 * A converter that keeps its numbering across calls: a document may be made plain in parts. `ids`
 * (given by a caller that wants the objects back, lib/ext/check-elsewhere.ts): each page object
 * numbered, in the order numbered, from 1.
 */
export function inertLines(ids = new Map<unknown, number>()): (lines: readonly Line[]) => Line[] {
  const idOf = (x: unknown) => {
    if (x == null) return x;
    let id = ids.get(x);
    if (id == null) ids.set(x, (id = ids.size + 1));
    return id;
  };
  const seen = new Map<Anchor, Anchor>();
  const inert = (a: Anchor): Anchor => {
    let out = seen.get(a);
    if (out) return out;
    if (a.kind === 'dom') out = { ...a, node: idOf(a.node), ...(a.endNode !== undefined ? { endNode: idOf(a.endNode) } : {}) };
    else if (a.kind === 'image') out = { ...a, image: idOf(a.image) };
    else out = a;
    seen.set(a, out);
    return out;
  };
  return (lines) => lines.map((l) => ({ ...l, anchor: inert(l.anchor), tokens: l.tokens.map((t) => ({ ...t, anchor: inert(t.anchor) })) }));
}

export function inertDoc(doc: SourceDoc): SourceDoc {
  return { ...doc, lines: inertLines()(doc.lines) };
}
