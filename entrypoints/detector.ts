// The only script on every matching page: the detector's first look, declared in the manifest by
// wxt.config.ts. A plain script (no content-script runtime), as small as it can be, for it is all
// that runs on pages that are not reports: the title, the address and, on a few pages, the first
// text nodes (lib/ext/first-look.ts). When they name a report it asks the background for the closer
// look (entrypoints/classify.ts, loaded into this frame only then, in our isolated world); a page
// whose body is still to come is watched for a few seconds; any other page is left at once, with
// nothing behind. In Chromium it runs in the page's own world (lib/ext/page-ask.ts says why), where
// it leaves no global; in Firefox and on added sites in our isolated world.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { firstLook, type FirstLook } from '../lib/ext/first-look';
import { watchForLateBody } from '../lib/ext/page-watch';
import { askBackground } from '../lib/ext/page-ask';
import { isAddressless, whenEditable } from '../lib/ext/editor-detect';

export default defineUnlistedScript(() => {
  // In the page's world a page's script may have replaced what we call (an old library's
  // Array.prototype): whatever fails, nothing is thrown into the page.
  try {
    // A frame with no address of its own (an editor's, or an ad's): looked at only once it is
    // editable, as a page with no title is (the closer look says whether the draft is a report).
    if (isAddressless(document.URL))
      return whenEditable(document, () => {
        try {
          main('look');
        } catch {
          // As below.
        }
      });
    main(firstLook(document));
  } catch {
    // The page is left as it was.
  }
});

function main(first: FirstLook) {
  if (first === 'leave') return;
  // The browser's own PDF viewer (a file that is not HTML gets 'look'): only its wrapper document
  // runs scripts, and it holds nothing to read.
  if (document.contentType === 'application/pdf') return askBackground({ type: 'pdf-tab', url: location.href });
  // performance is touched only past the first look: its first use in a world builds its binding.
  const classify = () => askBackground({ type: 'classify', at: performance.now() });
  if (first === 'look') return classify();
  // A shell whose body a script brings: its first look again once it changes.
  watchForLateBody(() => {
    try {
      if (firstLook(document) !== 'look') return false;
      classify();
    } catch {
      // As above: a look that fails ends the watch, quietly.
    }
    return true;
  });
}
