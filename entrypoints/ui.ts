// The UI (Preact in one shadow root), injected right after the engine script: it shows the engine's
// run, reads table pictures through the extension, and answers the popup.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { currentSummary, startUi } from '../components/mount';
import { parseMessage } from '../lib/ext/messages';

export default defineUnlistedScript(() => {
  const g = globalThis as { __nianbaoListening?: boolean };
  void startUi();
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
