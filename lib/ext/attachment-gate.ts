// Whether a report page may link a report file, asked before the attachment controls' script is
// loaded (a report page that links none needs neither the script nor its observers). It errs on the
// side of yes: a native query for what findAttachments (attachments.ts) reads closely (an address,
// a title or a mark that names a file or a download), then one native XPath test for the links
// named a file only by their text. No node of the page gets a wrapper in our world.
import { ATTACHMENT_SELECTOR } from './detect-page';

/** Links and frames findAttachments may take for a file by their attributes (its HREF_HINT, titles, download names). */
export const FILE_HINT_SELECTOR = `${ATTACHMENT_SELECTOR}, iframe[type*="pdf" i], a[download], a[href*="download" i], a[href*="attach" i], a[href*="fujian" i], a[href*="appendix" i], a[title*=".pdf" i], a[title*=".doc" i], a[title*=".wps" i], a[title*=".ofd" i]`;

/** A link whose text names a file (「2023年度报告.PDF」 on a link to /getFile?id=5), case folded for the four extensions. */
export const FILE_TEXT_XPATH = `boolean(//a[@href][${['.pdf', '.doc', '.wps', '.ofd'].map((x) => `contains(translate(string(.), 'PDFOCWS', 'pdfocws'), '${x}')`).join(' or ')}])`;

const XPATH_BOOLEAN = 3;

export function mayLinkFiles(doc: Document): boolean {
  if (doc.querySelector(FILE_HINT_SELECTOR)) return true;
  // Without XPath (no browser we ship to), the controls' script decides.
  if (typeof doc.evaluate !== 'function') return true;
  try {
    return doc.evaluate(FILE_TEXT_XPATH, doc, null, XPATH_BOOLEAN, null).booleanValue;
  } catch {
    return true;
  }
}
