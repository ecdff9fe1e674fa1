// The detector's closer look (lib/ext/detect-page.ts), loaded by the background into a frame whose
// first look named a report (entrypoints/detector.ts): a report asks for the engine, report files
// linked or shown ask for their controls (the light script). A page that is neither yet (a report
// page whose body a script brings) is looked at again a moment after it changes, for a few seconds.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { classifyPage } from '../lib/ext/detect-page';
import { sendToBackground, watchForLateBody } from '../lib/ext/page-watch';
import { isEditableDoc } from '../lib/ext/editor-detect';

export default defineUnlistedScript(() => {
  const g = globalThis as { __nianbaoClassified?: boolean };
  if (g.__nianbaoClassified) return;
  g.__nianbaoClassified = true;
  let filesSent = false;
  /** Whether the page is a report (the engine asked for); report files ask for their controls once. */
  const look = () => {
    const found = classifyPage(document);
    // A draft in an editor's frame: the background checks it from the page that holds the frame,
    // whose marks and panel stand over the frame, outside what the editor saves.
    if (found === 'report') sendToBackground({ type: 'report-detected', title: document.title || null, ...(isEditableDoc(document) && window !== window.top ? { draft: true } : {}) });
    else if (found === 'attachments' && !filesSent) {
      filesSent = true;
      sendToBackground({ type: 'attachments-detected' });
    }
    return found === 'report';
  };
  if (!look()) watchForLateBody(look);
});
