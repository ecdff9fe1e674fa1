// Page detection for the content script: cheap and bounded. It must stay tiny: it ships on every page.
import { detect } from '../parse/detect';

// Generous: inline scripts in <body> count in textContent and may stand before the article.
const SAMPLE = 400_000;
/** Words without which no page is a report: most pages stop at this test. */
const GATE = /政府信息公开|政务公开|信息公开/;

/**
 * A bounded sample of the page's text. One native textContent call: walking text nodes from an
 * isolated world costs a wrapper per node (40 ms on a page of 20,000 cells).
 */
export function textSample(doc: Document, limit = SAMPLE): string {
  const body = doc.body;
  if (!body) return '';
  let text = body.textContent ?? '';
  // Script and style text is not the page's content (a report inside a JS string is not shown yet).
  for (const el of Array.from(body.querySelectorAll('script, style, noscript, template'))) {
    const own = el.textContent ?? '';
    if (own.length > 40) text = text.replace(own, ' ');
  }
  return text.slice(0, limit);
}

export function looksLikeReport(doc: Document): boolean {
  const title = doc.title ?? '';
  const sample = textSample(doc);
  if (!GATE.test(title) && !GATE.test(sample)) return false;
  return detect(title, sample).isReport;
}
