// The light script of the 「在年报核查中打开」 controls beside report files (PDF, Word): injected by the
// background for a page that only links them (the detector found them), and after the report UI on
// a report page (kept out of ui.js, so that script stays small and compiles in one short task).
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountAttachments } from '../components/Attachments';

/**
 * The language setting only, read without the settings schema (zod would double this script's
 * size for one field; anything but 'en' is the default, Chinese).
 */
async function lang(): Promise<'zh' | 'en'> {
  const stored = (await browser.storage.local.get('settings').catch(() => ({}))) as { settings?: { lang?: unknown } };
  return stored.settings?.lang === 'en' ? 'en' : 'zh';
}

export default defineUnlistedScript(() => {
  // Unset (the detector found the files): the finder judges the page itself.
  const pageIsReport = (globalThis as { __nianbaoPageIsReport?: boolean | null }).__nianbaoPageIsReport ?? undefined;
  void lang()
    .then((l) => mountAttachments({ lang: l, pageIsReport }))
    .catch((e) => console.warn('年报核查:', e));
});
