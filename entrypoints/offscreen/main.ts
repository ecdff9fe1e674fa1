// Chrome's offscreen document: the only place tesseract.js runs (a page's CSP cannot reach it here).
import { browser } from 'wxt/browser';
import { parseMessage } from '../../lib/ext/messages';
import { pictureService } from '../../lib/ocr/serve';

const service = pictureService();

browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
  const msg = parseMessage(raw);
  if (msg?.type === 'offscreen-read') {
    void service.read(msg.src).then(sendResponse);
    return true;
  }
  if (msg?.type === 'offscreen-cancel') service.cancel();
  return undefined;
});
