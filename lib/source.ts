// One entry for every kind of source: text, or a DOM (a page in the browser, happy-dom in Node).
import { checkDoc, type CheckResult } from './check';
import { findReportRoot } from './read/container';
import { readDom } from './read/dom';
import { readText } from './read/text';
import type { SourceDoc } from './model';

/** Reads a document's report container (or its body without site chrome). */
export function readDocument(doc: Document): SourceDoc {
  const root = findReportRoot(doc);
  const body = doc.body ?? doc.documentElement;
  const source = readDom(root ?? body, { skipChrome: !root || root === body });
  return { ...source, title: titleOfPage(doc) };
}

/** The page title, without the site name most CMSs append. */
export function titleOfPage(doc: Document): string | undefined {
  const parts = (doc.title ?? '').split(/\s*[_|｜—–-]\s*/u).map((p) => p.trim()).filter(Boolean);
  const report = parts.find((p) => /报告/.test(p) && /公开/.test(p));
  if (report) return report;
  const h = doc.querySelector('h1, h2, .title, #title');
  const ht = h?.textContent?.trim();
  return ht && /报告/.test(ht) ? ht : undefined;
}

export const checkText = (text: string, options?: { force?: boolean }): CheckResult => checkDoc(readText(text), options);
export const checkDocument = (doc: Document, options?: { force?: boolean }): CheckResult => checkDoc(readDocument(doc), options);
