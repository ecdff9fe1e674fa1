// The light script for a page that links report files (PDF, Word) but holds no report itself: the
// detector found them, the background injected this. Only the 「在年报核查中打开」 controls: no engine.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountAttachments } from '../components/Attachments';
import { HOST_TAG } from '../lib/host-tag';

/**
 * The language setting only, read without the settings schema (zod would double this script's
 * size for one field; anything but 'en' is the default, Chinese).
 */
async function lang(): Promise<'zh' | 'en'> {
  const stored = (await browser.storage.local.get('settings').catch(() => ({}))) as { settings?: { lang?: unknown } };
  return stored.settings?.lang === 'en' ? 'en' : 'zh';
}

export default defineUnlistedScript(() => {
  // The report UI came first: it drew the controls already, counting every attachment of the report.
  if (document.querySelector(HOST_TAG.toLowerCase())?.hasAttribute('data-nianbao-state')) return;
  void lang()
    .then((l) => mountAttachments({ lang: l }))
    .catch((e) => console.warn('年报核查:', e));
});
