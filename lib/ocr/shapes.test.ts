// The digits of one picture as it prints them: an unread glyph matched against the ones read surely.
import { describe, expect, it } from 'vitest';
import type { Gray } from './image';
import { DigitShapes } from './table';

// Glyphs 8 x 12 drawn in a cell of 12 x 16, by a predicate over the glyph's own pixels.
const DRAW: Record<string, (x: number, y: number) => boolean> = {
  '0': (x, y) => x === 0 || x === 7 || y === 0 || y === 11,
  '1': (x) => x === 3 || x === 4,
  '4': (x, y) => (x === 5 || x === 6) || (y === 7 && x <= 7) || (x === 0 && y <= 7),
  '7': (x, y) => y === 0 || x === 7 - Math.floor(y / 2),
  '2': (x, y) => y === 0 || y === 11 || (x === 7 && y < 6) || (x === 0 && y >= 6) || y === 6,
  '3': (x, y) => y === 0 || y === 11 || y === 6 || x === 7,
};
function cell(digits: string, jitter = 0): Gray {
  const width = 4 + digits.length * 12;
  const data = new Uint8Array(width * 16).fill(255);
  [...digits].forEach((d, i) => {
    for (let y = 0; y < 12; y++) for (let x = 0; x < 8; x++) if (DRAW[d](x, y)) data[(2 + y) * width + 2 + i * 12 + x + jitter] = 0;
  });
  return { width, height: 16, data };
}

describe('digit shapes of one picture', () => {
  it('reads a glyph no OCR reading gave as the digit it clearly matches, and nothing it does not', () => {
    const shapes = new DigitShapes();
    expect(shapes.read(cell('4'))).toBeNull(); // nothing learnt yet
    for (const d of ['0', '1', '4', '7', '2', '3', '10', '47', '32']) shapes.learn(cell(d), d);
    expect(shapes.read(cell('4', 1))).toBe('4');
    expect(shapes.read(cell('70', 1))).toBe('70');
    // A blot matches no digit clearly.
    const blot: Gray = { width: 16, height: 16, data: new Uint8Array(256).map((_, i) => ((i % 16) + Math.floor(i / 16)) % 3 ? 255 : 0) };
    expect(shapes.read(blot)).toBeNull();
  });
});
