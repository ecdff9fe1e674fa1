// The light script for a page that links report files (PDF, Word) but holds no report itself: the
// detector found them, the background injected this. Only the 「在年报核查中打开」 controls: no engine.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountAttachments } from '../components/Attachments';
import { HOST_TAG } from '../lib/host-tag';
import { loadSettings } from '../lib/ext/settings-store';

export default defineUnlistedScript(() => {
  // The report UI came first: it drew the controls already, counting every attachment of the report.
  if (document.querySelector(HOST_TAG.toLowerCase())?.hasAttribute('data-nianbao-state')) return;
  void loadSettings()
    .then((s) => mountAttachments({ lang: s.lang }))
    .catch((e) => console.warn('年报核查:', e));
});
