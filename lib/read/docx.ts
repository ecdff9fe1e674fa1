// .docx into the DOM (docx-preview), made safe to show in the extension's own page. Browser-safe:
// the same code runs in Node under happy-dom (docx-node.ts sets the globals it needs).
import { renderAsync } from 'docx-preview';
import { GRID_PLACEHOLDER_ATTR } from './dom';

export class DocxError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

// Nothing that could run, load or frame anything: headers, footers, comments and alt chunks (an
// unsandboxed iframe in our origin) are not rendered; fonts are not embedded; images are data: URLs.
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
  renderAltChunks: false,
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
  container.replaceChildren();
  try {
    await renderAsync(bytes, container, styles, OPTIONS);
  } catch (e) {
    container.replaceChildren();
    throw damaged(e);
  }
  // The document's own style rules (docx-preview writes <style> elements): kept, inert text.
  for (const s of Array.from(styles.querySelectorAll('style'))) container.prepend(s);
  sanitise(container);
  markPlaceholders(container);
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
