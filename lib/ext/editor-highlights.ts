// Text marks in an editor's frame: the CSS Custom Highlight API keeps one registry per document, so
// a range in a draft's frame is registered with that frame's window (and its highlight constructor),
// never with ours: it paints there without a node added to the editor's content, without moving
// the selection.

type Registry = { highlights?: Map<string, unknown> };
type Realm = { CSS?: Registry; Highlight?: new (...r: Range[]) => unknown; wrappedJSObject?: Realm };

/** Every realm highlights were painted in: cleared with ours when the marks go. */
const painted = new Set<Realm>();

/**
 * The window whose registry and constructor are used. In a Firefox content script another window is
 * an Xray: its CSS resolves to our own global's (the top document's registry) and its Highlight
 * refuses that frame's ranges, so a frame's marks were never painted; the window itself
 * (wrappedJSObject, Firefox only) paints in its own document. Chromium has no Xrays: the window as is.
 */
const ownWindow = (realm: Realm): Realm => (realm === (globalThis as Realm) ? realm : realm.wrappedJSObject ?? realm);

const realmOf = (r: Range): Realm => (r.startContainer.ownerDocument?.defaultView as unknown as Realm | null) ?? (globalThis as Realm);

/** Sets each named highlight to its ranges, each range in its own document's registry (an empty highlight where a realm has none now). */
export function paintRanges(named: Record<string, Range[]>): void {
  const realms = new Set<Realm>([globalThis as Realm, ...painted]);
  for (const ranges of Object.values(named)) for (const r of ranges) realms.add(realmOf(r));
  for (const realm of realms) {
    try {
      const css = ownWindow(realm).CSS;
      const Ctor = ownWindow(realm).Highlight;
      if (!css?.highlights || !Ctor) continue;
      painted.add(realm);
      for (const [name, ranges] of Object.entries(named)) css.highlights.set(name, new Ctor(...ranges.filter((r) => realmOf(r) === realm)));
    } catch {
      // A frame gone meanwhile, or one whose page replaced its CSS or Highlight (a frame's own
      // window is the page's): its text goes unmarked, the boxes and badges still stand.
    }
  }
}

/** Removes the named highlights from every realm they were painted in. */
export function clearRanges(names: string[]): void {
  for (const realm of new Set<Realm>([globalThis as Realm, ...painted])) {
    try {
      for (const n of names) ownWindow(realm).CSS?.highlights?.delete(n);
    } catch {
      // A frame gone since (the editor closed): nothing left to clear.
    }
  }
  painted.clear();
}
