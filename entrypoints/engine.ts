// The engine (find the report, read the page; the parse and the rules run in the background), loaded
// into a frame only once the detector (or the user) found a report there. The UI script (ui.ts) is
// injected right after it and shows what it finds.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishCore } from '../lib/ext/core-api';
import { coreOf } from '../lib/ext/core';

export default defineUnlistedScript(() => {
  const g = globalThis as { __nianbaoForce?: boolean; __nianbaoPicture?: string | null };
  // __nianbaoPicture: the picture the user asked to read (context menu on an image).
  const force = !!g.__nianbaoForce;
  const picture = g.__nianbaoPicture ?? null;
  // Taken once: a later automatic check (the background sets them only when asked) starts plain.
  delete g.__nianbaoForce;
  delete g.__nianbaoPicture;
  publishCore(coreOf(force, picture));
});
