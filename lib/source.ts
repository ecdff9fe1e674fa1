// A page (the browser's DOM, or happy-dom's in Node) into the document model: the report's container, its title.
import { findReportRoot, findReportRootSteps } from './read/container';
import { readDom, readDomSteps } from './read/dom';
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

/** Runs steps to their end, giving way (`pause` resolves in a later task) once a run of steps took `sliceMs`. */
async function drive<T>(steps: Generator<void, T>, pause: () => Promise<void>, sliceMs: number): Promise<T> {
  let since = performance.now();
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    if (performance.now() - since >= sliceMs) {
      await pause();
      since = performance.now();
    }
  }
}

/** findReportRoot in short tasks: for the browser, where a page may hold megabytes. */
export const findReportRootAsync = (doc: Document, pause: () => Promise<void>, sliceMs = 8): Promise<Element | null> => drive(findReportRootSteps(doc), pause, sliceMs);

/** readDocumentAt in short tasks: for the browser, where a page may hold megabytes. */
export async function readDocumentAtAsync(doc: Document, root: Element | null, pause: () => Promise<void>, sliceMs = 8): Promise<SourceDoc> {
  const body = doc.body ?? doc.documentElement;
  const source = await drive(readDomSteps(root ?? body, { skipChrome: !root || root === body }), pause, sliceMs);
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
