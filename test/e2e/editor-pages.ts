// What both browsers' editor e2e serve and compare against (editor.e2e.test.ts in Chromium,
// firefox-editor.e2e.test.ts in Firefox): the draft with a known error, TinyMCE's files from
// node_modules (self-hosted, offline) and the engine's counts for a draft. No driver in here.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { Window as HappyWindow } from 'happy-dom';
import { countBySeverity } from '../../lib/check';
import { decodeBytes } from '../../lib/read/decode';
import { layoutOf } from '../fixtures/render';
import { checkHtml } from '../helpers';
import { ROOT } from '../build-once';

const TINYMCE = join(ROOT, 'node_modules/tinymce');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };

/** TinyMCE 7's files an editor page loads, by the path they are served at (/tinymce/…). */
export function tinymceFiles(): Map<string, { body: Buffer; type: string }> {
  const files = new Map<string, { body: Buffer; type: string }>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (TYPES[extname(p)]) files.set(`/tinymce/${relative(TINYMCE, p)}`, { body: readFileSync(p), type: TYPES[extname(p)] });
    }
  };
  for (const d of ['themes', 'models', 'icons', 'skins/ui/oxide', 'skins/content/default']) walk(join(TINYMCE, d));
  files.set('/tinymce/tinymce.min.js', { body: readFileSync(join(TINYMCE, 'tinymce.min.js')), type: TYPES['.js'] });
  return files;
}

/**
 * A draft from a seed layout with a known error: table 三's 本年新收 total one more than its row
 * holds (and a heading worded otherwise, marked on its text). Returns the draft's HTML (the
 * report's body), the same body fixed, the wrong and the right total.
 */
export function draftWithError(): { html: string; fixed: string; wrong: string; right: string } {
  const { bytes } = layoutOf('001', 'word');
  const { text } = decodeBytes(bytes, { html: true });
  const w = new HappyWindow();
  // A heading worded otherwise than the format: a finding marked on the text (a highlight), not a cell.
  w.document.write(text.replace('二、主动公开政府信息情况', '二、主动公开信息的情况'));
  const row = [...w.document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes('本年新收'))!;
  const cells = row.querySelectorAll('td');
  const total = cells[cells.length - 1];
  const right = total.textContent!.trim();
  const wrong = String(Number(right) + 1);
  const fixed = w.document.body.innerHTML;
  total.textContent = wrong;
  total.setAttribute('id', 'wrong-total');
  const html = w.document.body.innerHTML;
  void w.happyDOM.close();
  return { html, fixed, wrong, right };
}

/** What the engine finds in a draft's HTML, read as a page of its own. */
export const engineCounts = async (body: string) => countBySeverity((await checkHtml(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`)).findings);
