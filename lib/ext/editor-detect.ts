// The detector in a frame with no address of its own (about:blank, about:srcdoc, data:, blob:;
// reached through match_about_blank): such a frame is an editor's (TinyMCE writes its draft into a
// srcdoc frame, UEditor and KindEditor into about:blank ones) or an ad's or a widget's. Only an
// editable one is looked at; any other is left, watched for a few seconds in case an editor makes
// it editable (editors set up their frame after it loads). Plain code (only the detector's own late-body
// watch): it ships in the detector, on pages that may not be reports.
import { watchForLateBody } from './page-watch';

/** Whether this document is an address-less frame's: about:blank, about:srcdoc, or data:/blob: by its creator's origin. */
export const isAddressless = (url: string) => url.startsWith('about:') || url.startsWith('data:') || url.startsWith('blob:');

/** The whole document is the editor's: designMode, or an editable body (what TinyMCE, UEditor, CKEditor 4 and KindEditor set). */
export const isEditableDoc = (doc: Document) => doc.designMode === 'on' || !!doc.body?.isContentEditable;

/**
 * Calls `look` once this document is editable and holds something (now, or after a change within a
 * few seconds), at most once. The attribute an editor sets on its body (contenteditable) counts as
 * a change.
 */
export function whenEditable(doc: Document, look: () => void): void {
  const ready = () => isEditableDoc(doc) && !!doc.body?.firstChild;
  if (ready()) return look();
  watchForLateBody(() => ready() && (look(), true), { doc, attributes: ['contenteditable'] });
}
