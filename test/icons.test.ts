// The committed icons are scripts/icons.ts's drawing (npm run icons writes the same bytes again), at
// every size the manifests name, and the check mark is there at the smallest size too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { ICON_DIR, ICON_SIZES, drawIcon } from '../scripts/icons';

const manifestOf = (browser: string, manifestVersion: 2 | 3) =>
  (config.manifest as unknown as (env: { browser: string; manifestVersion: 2 | 3 }) => Record<string, { default_icon?: Record<string, string> }>)({ browser, manifestVersion });

describe('the icons', () => {
  for (const size of ICON_SIZES) {
    it(`${size} px: the script's drawing, committed, square, with the red check`, () => {
      const committed = readFileSync(join(ICON_DIR, `${size}.png`));
      expect(Buffer.compare(drawIcon(size), committed)).toBe(0);
      const png = PNG.sync.read(committed);
      expect([png.width, png.height]).toEqual([size, size]);
      let red = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b, a] = png.data.subarray(i, i + 4);
        if (a > 200 && r > 180 && g < 90 && b < 90) red++;
      }
      // The check is a stroke of about a sixth of the icon's width along its diagonal.
      expect(red / (size * size)).toBeGreaterThan(0.05);
    });
  }

  for (const [browser, mv, key] of [['chrome', 3, 'action'], ['edge', 3, 'action'], ['firefox', 2, 'browser_action']] as const) {
    it(`${browser}: the toolbar button names every size`, () => {
      const icons = manifestOf(browser, mv)[key].default_icon ?? {};
      expect(Object.entries(icons)).toEqual(ICON_SIZES.map((s) => [String(s), `icon/${s}.png`]));
    });
  }
});
