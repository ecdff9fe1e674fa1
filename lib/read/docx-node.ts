// .docx in Node: docx-preview renders into a happy-dom page, as in the viewer. happy-dom's XML parser
// gives prefixed attributes the local name 'w:val', so docx-preview would lose every w:val (gridSpan,
// vMerge, styles): its XML is parsed by @xmldom/xmldom instead, with the one DOM getter it lacks.
import { DOMParser as XmlDomParser, XMLSerializer as XmlDomSerializer } from '@xmldom/xmldom';
import { parseHtml, type ParsedHtml } from '../cli/html';
import { renderDocx } from './docx';

const GLOBALS = ['document', 'window', 'Node', 'DOMParser', 'XMLSerializer', 'FileReader', 'Blob', 'getComputedStyle', 'requestAnimationFrame'] as const;

/** xmldom's nodes have no firstElementChild; docx-preview reads it on documents and elements. */
function shimXmlDom(): void {
  const probe = new XmlDomParser().parseFromString('<a><b/></a>', 'application/xml');
  const protos = new Set<object>();
  for (const n of [probe, probe.documentElement]) {
    let p = Object.getPrototypeOf(n);
    // The shared ancestor that holds childNodes (xmldom's Node.prototype) is high enough.
    while (p && !Object.prototype.hasOwnProperty.call(p, 'hasChildNodes')) p = Object.getPrototypeOf(p);
    if (p) protos.add(p);
  }
  for (const p of protos) {
    if ('firstElementChild' in p) continue;
    Object.defineProperty(p, 'firstElementChild', {
      configurable: true,
      get(this: { childNodes: ArrayLike<{ nodeType: number }> }) {
        for (let i = 0; i < this.childNodes.length; i++) if (this.childNodes[i].nodeType === 1) return this.childNodes[i];
        return null;
      },
    });
  }
}

/**
 * Renders a .docx into a fresh happy-dom page (into `<main>` of its body, as the viewer does) and
 * returns the page; the caller reads it and closes it. Throws DocxError when the file cannot be read.
 */
export async function renderDocxNode(bytes: Uint8Array, title = ''): Promise<ParsedHtml> {
  shimXmlDom();
  const page = parseHtml(`<!doctype html><html><head><meta charset="utf-8"><title></title></head><body><main id="doc"></main></body></html>`);
  const doc = page.document;
  doc.title = title;
  const win = doc.defaultView as unknown as Record<string, unknown>;
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = GLOBALS.map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
  const set = (k: string, v: unknown) => Object.defineProperty(g, k, { value: v, configurable: true, writable: true });
  set('document', doc);
  set('window', win);
  set('Node', win.Node);
  set('DOMParser', XmlDomParser);
  set('XMLSerializer', XmlDomSerializer);
  set('FileReader', win.FileReader);
  set('Blob', win.Blob);
  set('getComputedStyle', (win.getComputedStyle as (e: Element) => CSSStyleDeclaration).bind(win));
  set('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
  try {
    await renderDocx(bytes, doc.getElementById('doc') as HTMLElement);
    return page;
  } catch (e) {
    await page.close();
    throw e;
  } finally {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(g, k, d);
      else delete g[k];
    }
  }
}
