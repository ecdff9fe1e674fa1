// Draws the extension's icon into public/icon/<size>.png (WXT lists public/icon/<size>.png in the
// manifest's `icons` by itself; wxt.config.ts names the same files as the toolbar button's icon).
// Usage: npm run icons. The drawing is pure geometry (no font, no randomness): the same canvas
// version writes the same bytes on any machine, so the committed PNGs can be checked by re-running.
//
// The picture: a report page (white sheet, folded corner) holding a table, and a red check mark
// over it — "a report, checked". Small sizes drop detail that would only blur: 16 px keeps the sheet
// and the check, 32 px adds the table's rows, 48 px and up its columns too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const INK = '#2b3a55';
const TABLE = '#6f86a8';
const RED = '#d9302c';

/** The sheet's outline with its top-right corner cut, in a 128-unit square. */
function sheet(ctx: SKRSContext2D, fold: number): void {
  ctx.beginPath();
  ctx.moveTo(22, 8);
  ctx.lineTo(106 - fold, 8);
  ctx.lineTo(106, 8 + fold);
  ctx.lineTo(106, 120);
  ctx.lineTo(22, 120);
  ctx.closePath();
}

export function drawIcon(size: number): Buffer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.scale(size / 128, size / 128);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  // Thicker strokes at small sizes: a 1-unit line is a sixteenth of a pixel at 16 px.
  const border = size <= 16 ? 10 : size <= 32 ? 7 : 5;
  const fold = 26;

  sheet(ctx, fold);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = INK;
  ctx.lineWidth = border;
  ctx.stroke();
  // The folded corner.
  ctx.beginPath();
  ctx.moveTo(106 - fold, 8);
  ctx.lineTo(106 - fold, 8 + fold);
  ctx.lineTo(106, 8 + fold);
  ctx.stroke();

  if (size >= 32) {
    // The table: rows (and columns from 48 px), in the upper part the check leaves free.
    ctx.strokeStyle = TABLE;
    ctx.lineWidth = size <= 32 ? 6 : 4;
    const rows = size <= 32 ? [50, 68] : [44, 58, 72, 86];
    for (const y of rows) {
      ctx.beginPath();
      ctx.moveTo(34, y);
      ctx.lineTo(94, y);
      ctx.stroke();
    }
    if (size >= 48) {
      for (const x of [56, 76]) {
        ctx.beginPath();
        ctx.moveTo(x, 44);
        ctx.lineTo(x, 86);
        ctx.stroke();
      }
    }
  }

  // The check, outlined in white so that it stays apart from the sheet's lines and dark toolbars.
  const check = () => {
    ctx.beginPath();
    ctx.moveTo(40, 84);
    ctx.lineTo(62, 106);
    ctx.lineTo(118, 46);
  };
  check();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = size <= 16 ? 34 : 28;
  ctx.stroke();
  check();
  ctx.strokeStyle = RED;
  ctx.lineWidth = size <= 16 ? 20 : 16;
  ctx.stroke();
  return canvas.toBuffer('image/png');
}

export const ICON_DIR = fileURLToPath(new URL('../public/icon/', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(join(ICON_DIR, `${size}.png`), drawIcon(size));
  console.log(`wrote ${ICON_SIZES.map((s) => `${s}.png`).join(', ')} to public/icon/`);
}
