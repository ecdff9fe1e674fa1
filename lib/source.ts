// A page (the browser's DOM, or happy-dom's in Node) into the document model: the report's container, its title.
import { findReportRoot } from './read/container';
import { readDom } from './read/dom';
import type { SourceDoc } from './model';

/** Reads a document's report container (or its body without site chrome). */
export function readDocument(doc: Document): SourceDoc {
  return readDocumentAt(doc, findReportRoot(doc));
}

/** The second half of readDocument, once the container is known (the browser runs the halves apart). */
export function readDocumentAt(doc: Document, root: Element | null): SourceDoc {
  const body = doc.body ?? doc.documentElement;
  const source = readDom(root ?? body, { skipChrome: !root || root === body });
  return { ...source, title: titleOfPage(doc) };
}

export { findReportRoot };

/** The page title, without the site name most CMSs append. */
export function titleOfPage(doc: Document): string | undefined {
  const parts = (doc.title ?? '').split(/\s*[_|｜—–-]\s*/u).map((p) => p.trim()).filter(Boolean);
  const report = parts.find((p) => /报告/.test(p) && /公开/.test(p));
  if (report) return report;
  const h = doc.querySelector('h1, h2, .title, #title');
  const ht = h?.textContent?.trim();
  return ht && /报告/.test(ht) ? ht : undefined;
}
