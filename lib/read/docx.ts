// .docx into the DOM (docx-preview), made safe to show in the extension's own page. Browser-safe:
// the same code runs in Node under happy-dom (docx-node.ts sets the globals it needs).
import { renderAsync } from 'docx-preview';
import JSZip from 'jszip';
import { formatNumber, mhtHtml } from './doc';

export { formatNumber };
import { GRID_PLACEHOLDER_ATTR } from './dom';

export class DocxError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

// Nothing that could run, load or frame anything: headers, footers and comments are not rendered,
// fonts are not embedded, images are data: URLs; alt chunks are made inert (below).
const OPTIONS = {
  inWrapper: false,
  ignoreWidth: true,
  ignoreHeight: true,
  ignoreFonts: true,
  breakPages: false,
  ignoreLastRenderedPageBreak: true,
  renderHeaders: false,
  renderFooters: false,
  renderFootnotes: false,
  renderEndnotes: false,
  renderComments: false,
  renderChanges: false,
  // Alt chunks (HTML or a web archive kept whole inside the .docx, as HTML-to-Word converters write
  // them) become iframes with srcdoc: rendered detached, each is replaced by its inert content.
  renderAltChunks: true,
  useBase64URL: true,
  experimental: false,
  trimXmlDeclaration: true,
  debug: false,
};

/**
 * Renders a .docx into `container` (its children replaced), then sanitises it. Merged cells keep
 * their place: a vertical merge is a rowspan with the merged-away cells hidden (display:none), a
 * horizontal one a colspan. Throws DocxError when the file is damaged, encrypted or not a .docx.
 */
export async function renderDocx(bytes: Uint8Array, container: HTMLElement): Promise<void> {
  const doc = container.ownerDocument;
  const styles = doc.createElement('div');
  // Rendered detached: nothing in it loads or runs before it is made safe.
  const detached = doc.createElement('div');
  container.replaceChildren();
  let parsed: { numberingPart?: { domNumberings?: Numbering[] } } | undefined;
  try {
    parsed = await renderAsync(bytes, detached, styles, OPTIONS);
  } catch (e) {
    throw damaged(e);
  }
  inlineAltChunks(detached);
  sanitise(detached);
  markPlaceholders(detached);
  const numberings = parsed?.numberingPart?.domNumberings ?? [];
  writeNumbering(detached, numberings, numberings.length ? await listInstances(bytes).catch(() => new Map()) : new Map());
  // The document's own style rules (docx-preview writes <style> elements): kept, inert text.
  container.append(...Array.from(styles.querySelectorAll('style')), ...Array.from(detached.childNodes));
}

/** Each alt chunk's iframe replaced by the chunk's HTML as inert nodes (a <template> runs and loads nothing). */
function inlineAltChunks(root: Element): void {
  for (const frame of Array.from(root.querySelectorAll('iframe'))) {
    let html = (frame as HTMLIFrameElement).srcdoc || frame.getAttribute('srcdoc') || '';
    // A web archive kept as the chunk: its page.
    if (/^\s*(?:mime-version|content-type)\s*:/i.test(html)) {
      try {
        html = mhtHtml(new TextEncoder().encode(html));
      } catch {
        html = '';
      }
    }
    const template = frame.ownerDocument.createElement('template');
    template.innerHTML = /<body[\s>]/i.test(html) ? html.slice(html.search(/<body[\s>]/i)) : html;
    // Made safe while still in the template's inert document: a picture from the web must not
    // load even for a moment once its node belongs to the page.
    const inert = template.content;
    const box = inert.ownerDocument.createElement('div');
    box.setAttribute('data-alt-chunk', '');
    box.append(...Array.from(inert.childNodes));
    sanitise(box);
    // Its style sheet would restyle the whole page showing it; its head says nothing to a reader.
    for (const el of Array.from(box.querySelectorAll('style, title'))) el.remove();
    frame.replaceWith(frame.ownerDocument.importNode(box, true));
  }
}

/** A list (w:num): the definition it uses, and the levels it restarts (w:lvlOverride/w:startOverride). */
export interface ListInstance {
  abstractId: string;
  starts: Map<number, number>;
}

/** The lists of numbering.xml (docx-preview keeps neither their shared definitions nor their restarts). */
export async function listInstances(bytes: Uint8Array): Promise<Map<string, ListInstance>> {
  const out = new Map<string, ListInstance>();
  const xml = await (await JSZip.loadAsync(bytes)).file('word/numbering.xml')?.async('string');
  if (!xml) return out;
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = /<w:abstractNumId\b[^>]*w:val="([^"]+)"/.exec(m[2])?.[1];
    if (abstractId === undefined) continue;
    const starts = new Map<number, number>();
    for (const o of m[2].matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = /<w:startOverride\b[^>]*w:val="(\d+)"/.exec(o[2])?.[1];
      if (start !== undefined) starts.set(Number(o[1]), Number(start));
    }
    out.set(m[1], { abstractId, starts });
  }
  return out;
}

/** A level of a list definition, as docx-preview parses numbering.xml (id: the w:num's numId). */
interface Numbering {
  id: string;
  level: number;
  start: number;
  format?: string;
  levelText?: string;
  suff?: string;
  bullet?: unknown;
}

/**
 * Automatic numbering as text: docx-preview shows 「一、」「（二）」 of numbered paragraphs by CSS
 * counters, which no reader of the DOM sees (a heading would read 「总体情况」). Each numbered
 * paragraph gets its number as its first text, and loses the class that drew it.
 */
export function writeNumbering(root: Element, numberings: Numbering[], instances: Map<string, ListInstance> = new Map()): void {
  if (!numberings.length) return;
  const levels = new Map(numberings.map((n) => [`${n.id}:${n.level}`, n]));
  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const cls = Array.from(p.classList).find((c) => /-num-[^-\s]+-\d+$/.test(c));
    if (!cls) continue;
    const m = /-num-([^-\s]+)-(\d+)$/.exec(cls)!;
    const id = m[1];
    const level = Number(m[2]);
    const def = levels.get(`${id}:${level}`);
    if (!def || def.bullet || def.levelText === undefined || def.format === 'bullet') continue;
    // As Word counts: lists sharing one definition (w:abstractNum) count on together, unless a list
    // restarts it (w:startOverride), from where it is first used.
    const inst = instances.get(id);
    const override = inst?.starts.get(level);
    const key = inst && override === undefined ? `a${inst.abstractId}` : id;
    const count = counters.get(key) ?? [];
    if (override !== undefined && !started.has(`${id}:${level}`)) {
      started.add(`${id}:${level}`);
      count[level] = override - 1;
    }
    count[level] = (count[level] ?? def.start - 1) + 1;
    count.length = level + 1;
    counters.set(key, count);
    const text = def.levelText.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const ldef = levels.get(`${id}:${l}`);
      return formatNumber(count[l] ?? ldef?.start ?? 1, l === level ? def.format : ldef?.format);
    });
    const suffix = def.suff === 'nothing' ? '' : def.suff === 'space' ? ' ' : '\u2003';
    p.insertBefore(p.ownerDocument.createTextNode(text + suffix), p.firstChild);
    p.classList.remove(cls);
  }
}

/** Word's single-file XML of a .docx package (Flat OPC: pkg:package of pkg:part), often saved as .xml or .doc. */
export const isFlatOpc = (bytes: Uint8Array) => /<pkg:package[\s>]/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 8192)));

/** A Flat OPC file as the .docx package it spells out (XML parts as text, binary parts from base64). */
export async function flatOpcDocx(bytes: Uint8Array): Promise<Uint8Array> {
  const xml = new TextDecoder('utf-8').decode(bytes);
  const zip = new JSZip();
  const types: string[] = [];
  const part = /<pkg:part\b([^>]*)>([\s\S]*?)<\/pkg:part>/g;
  for (let m = part.exec(xml); m; m = part.exec(xml)) {
    const name = /pkg:name="([^"]+)"/.exec(m[1])?.[1];
    const type = /pkg:contentType="([^"]+)"/.exec(m[1])?.[1];
    if (!name) continue;
    const path = name.replace(/^\//, '');
    const data = /<pkg:xmlData>([\s\S]*?)<\/pkg:xmlData>/.exec(m[2]);
    const binary = /<pkg:binaryData>([\s\S]*?)<\/pkg:binaryData>/.exec(m[2]);
    if (data) zip.file(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${data[1].trim()}`);
    else if (binary) zip.file(path, binary[1].replace(/\s+/g, ''), { base64: true });
    else continue;
    if (type) types.push(`<Override PartName="${name}" ContentType="${type}"/>`);
  }
  if (!zip.file('word/document.xml')) throw new DocxError('Word XML 文件中没有正文，无法读取', 'The Word XML file has no document body and cannot be read');
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${types.join('')}</Types>`);
  return zip.generateAsync({ type: 'uint8array' });
}

function damaged(e: unknown): DocxError {
  const why = e instanceof Error ? e.message : String(e);
  return new DocxError(`Word 文件已损坏或不是有效的 .docx，无法读取（${why}）`, `The Word file is damaged or not a valid .docx and cannot be read (${why})`);
}

const SAFE_IMG = /^(?:data:image\/|blob:)/i;
const SAFE_HREF = /^https?:\/\//i;

/** Removes what could run or load anything; links open in a new tab without access to us. */
export function sanitise(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('iframe, frame, object, embed, script, link, meta, base, form, input, button, textarea, select, audio, video, source, foreignObject'))) el.remove();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // Event handlers, and any URL-bearing attribute other than those checked below.
      if (name.startsWith('on') || name === 'srcset' || name === 'formaction' || name === 'xlink:href' || (name === 'href' && el.tagName.toUpperCase() !== 'A') || (name === 'src' && el.tagName.toUpperCase() !== 'IMG')) el.removeAttribute(attr.name);
    }
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (!SAFE_IMG.test(src.trim())) img.remove();
  }
  for (const a of Array.from(root.querySelectorAll('a'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (SAFE_HREF.test(href)) {
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener noreferrer');
    } else a.removeAttribute('href');
  }
}

/**
 * docx-preview stands an empty <td> in for a row's gridBefore/gridAfter; a real cell of Word always
 * holds a paragraph. Marked so that the DOM reader skips it (its columns still count).
 */
function markPlaceholders(root: Element): void {
  for (const td of Array.from(root.querySelectorAll('td'))) if (td.childNodes.length === 0) td.setAttribute(GRID_PLACEHOLDER_ATTR, '');
}
