import { describe, expect, it } from 'vitest';
import { binarize, textHeight, upscale2, type Gray } from './image';

const gray = (width: number, height: number, ink: (x: number, y: number) => boolean): Gray => {
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink(x, y)) data[y * width + x] = 0;
  return { width, height, data };
};

describe('picture helpers', () => {
  it('measures the height of text lines, not of ruling lines', () => {
    // Two "lines of text" 12 px high (short strokes), a full-width ruling line between them.
    const img = gray(200, 60, (x, y) => (y === 30 ? true : (y >= 5 && y < 17) || (y >= 40 && y < 52) ? x % 10 === 0 : false));
    expect(textHeight(img)).toBe(12);
    expect(textHeight(gray(50, 50, () => false))).toBe(0);
  });

  it('doubles a picture, keeping black black and white white', () => {
    const img = gray(4, 2, (x) => x < 2);
    const big = upscale2(img);
    expect([big.width, big.height]).toEqual([8, 4]);
    expect(big.data[0]).toBe(0);
    expect(big.data[7]).toBe(255);
  });

  it('makes grey haze paper and dark strokes ink', () => {
    const img: Gray = { width: 3, height: 1, data: Uint8Array.from([40, 170, 230]) };
    expect([...binarize(img, 160).data]).toEqual([0, 255, 255]);
  });
});
