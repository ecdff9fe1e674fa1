// Word files in the viewer: rendered into the viewer's own <main> by the same readers the command
// line uses (lib/read/docx, doc, rtf), made inert, then read by the DOM reader like a web page.
import type { Text } from '../findings';
import type { SourceDoc } from '../model';
import { decodeBytes } from '../read/decode';
import { GRID_LOST_NOTICE, mhtHtml, readDoc, unsureTables, wordXmlHtml, type DocRead } from '../read/doc';
import { flatOpcDocx, isFlatOpc, renderDocx, sanitise } from '../read/docx';
import { readRtf } from '../read/rtf';
import type { FileType } from '../read/sniff';

export interface WordShown {
  /** What the reading must change of the source (a lost grid: nothing sure). */
  adjust: (s: SourceDoc) => SourceDoc;
  notices: Text[];
}

/** HTML we built or a file holds, as inert nodes in `main` (DOMParser runs nothing; sanitise drops what could). */
function showHtml(html: string, main: HTMLElement) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  sanitise(parsed.body);
  main.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
}

export async function showWord(bytes: Uint8Array, type: FileType, main: HTMLElement): Promise<WordShown> {
  const same = (s: SourceDoc) => s;
  if (type === 'docx' || (type === 'word-xml' && isFlatOpc(bytes))) {
    await renderDocx(type === 'docx' ? bytes : await flatOpcDocx(bytes), main);
    return { adjust: same, notices: [] };
  }
  // The same readers, for the same types, as the command line's (lib/cli/word.ts, load.ts).
  const readers: Partial<Record<FileType, () => DocRead>> = { ole: () => readDoc(bytes), rtf: () => readRtf(bytes), 'word-xml': () => wordXmlHtml(bytes), mht: () => ({ html: mhtHtml(bytes), gridLost: false }) };
  const reader = readers[type];
  if (reader) {
    const doc = reader();
    showHtml(doc.html, main);
    return doc.gridLost ? { adjust: unsureTables, notices: [GRID_LOST_NOTICE] } : { adjust: same, notices: [] };
  }
  // HTML (or MHT's HTML) saved under a Word name.
  showHtml(decodeBytes(bytes, { html: true }).text, main);
  return { adjust: same, notices: [] };
}
