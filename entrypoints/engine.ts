// The engine and the UI, loaded into a frame only once the detector (or the user) found a report there.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { currentSummary, startEngine } from '../components/mount';
import { parseMessage } from '../lib/ext/messages';

export default defineUnlistedScript(() => {
  const g = globalThis as { __nianbaoForce?: boolean; __nianbaoPicture?: string | null; __nianbaoListening?: boolean };
  // __nianbaoPicture: the picture the user asked to read (context menu on an image).
  void startEngine(!!g.__nianbaoForce, g.__nianbaoPicture ?? null);
  if (g.__nianbaoListening) return;
  g.__nianbaoListening = true;
  browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const msg = parseMessage(raw);
    if (msg?.type === 'get-summary') {
      const s = currentSummary();
      if (s) sendResponse(s);
    }
  });
});
