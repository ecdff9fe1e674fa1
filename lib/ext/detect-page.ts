// Page detection for the content script: cheap and bounded. It must stay tiny: it ships on every page.
import { detect } from '../parse/detect';

const SAMPLE = 60_000;

/** A bounded sample of the page's text: text nodes in order, stopping at SAMPLE characters. */
export function textSample(doc: Document, limit = SAMPLE): string {
  const body = doc.body;
  if (!body) return '';
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < limit; n = walker.nextNode()) {
    const p = n.parentElement?.tagName;
    if (p === 'SCRIPT' || p === 'STYLE' || p === 'NOSCRIPT') continue;
    out += n.nodeValue;
    out += '\n';
  }
  return out;
}

export function looksLikeReport(doc: Document): boolean {
  // Most pages are decided by a few signals in the first part of the text.
  return detect(doc.title ?? '', textSample(doc)).isReport;
}
