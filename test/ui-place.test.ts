// Where the badges and the card stand (components/Marks.tsx badgeSpots, components/Card.tsx
// cardPlace): badges on one spot are set side by side, the card stays inside the client width.
import { describe, expect, it } from 'vitest';
import { badgeSpots, badgeWidth } from '../components/Marks';
import { cardPlace } from '../components/Card';
import { splitQuotes } from '../components/Quoted';
import { CARD_WIDTH } from '../components/styles';

const overlaps = (a: { x: number; y: number; w: number }, b: { x: number; y: number; w: number }) => a.x < b.x + b.w && b.x < a.x + a.w && Math.abs(a.y - b.y) < 20;

describe('badgeSpots', () => {
  it('leaves badges apart where they are', () => {
    const spots = badgeSpots([
      { key: 0, x: 100, y: 100, label: '1' },
      { key: 1, x: 300, y: 100, label: '2' },
      { key: 2, x: 100, y: 200, label: '3' },
    ]);
    expect([...spots.values()]).toEqual([
      { x: 100, y: 100 },
      { x: 300, y: 100 },
      { x: 100, y: 200 },
    ]);
  });

  it('sets badges on one spot (and near it) side by side, in finding order, none overlapping', () => {
    const input = [
      { key: 4, x: 304, y: 9161, label: '5' },
      { key: 5, x: 304, y: 9161, label: '6' },
      { key: 6, x: 310, y: 9165, label: '7✓' },
      { key: 11, x: 330, y: 9150, label: '12' },
    ];
    const spots = badgeSpots(input);
    expect(spots.get(4)).toEqual({ x: 304, y: 9161 });
    const placed = input.map((b) => ({ ...spots.get(b.key)!, w: badgeWidth(b.label) }));
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i], placed[j]), `${i}/${j}`).toBe(false);
    // Moved right only, never to another row.
    for (const b of input) expect(spots.get(b.key)!.y).toBe(b.y);
    expect(spots.get(5)!.x).toBeGreaterThan(304);
  });

  it('a badge is at least as wide as drawn (20 px, wider with more characters)', () => {
    expect(badgeWidth('1')).toBeGreaterThanOrEqual(20);
    expect(badgeWidth('12✓')).toBeGreaterThan(badgeWidth('1'));
  });
});

describe('cardPlace', () => {
  it('keeps the card inside the client width (the scrollbar excluded), scrolled or not', () => {
    for (const scrollX of [0, 300])
      for (const clientWidth of [1265, 745, 360]) {
        for (const x of [0, 200, clientWidth - 30, clientWidth + 500]) {
          const p = cardPlace({ x: scrollX + x, y: 0, w: 20, h: 20 }, { scrollX, clientWidth });
          expect(p.left + p.width, `${scrollX} ${clientWidth} ${x}`).toBeLessThanOrEqual(scrollX + clientWidth);
          expect(p.left).toBeGreaterThanOrEqual(scrollX);
        }
      }
  });

  it('stands below its badge’s cell where there is room, full width', () => {
    expect(cardPlace({ x: 100, y: 0, w: 20, h: 20 }, { scrollX: 0, clientWidth: 1265 })).toEqual({ left: 100, width: CARD_WIDTH });
  });
});

describe('splitQuotes', () => {
  it('marks the quoted stretches of a message and nothing else', () => {
    expect(splitQuotes('table 3 row label reads "一、本年"; the official wording is “二”, 「三」 and 《四》.')).toEqual([
      { text: 'table 3 row label reads ', quote: false },
      { text: '"一、本年"', quote: true },
      { text: '; the official wording is ', quote: false },
      { text: '“二”', quote: true },
      { text: ', ', quote: false },
      { text: '「三」', quote: true },
      { text: ' and ', quote: false },
      { text: '《四》', quote: true },
      { text: '.', quote: false },
    ]);
    expect(splitQuotes('an unclosed " quote 五')).toEqual([{ text: 'an unclosed " quote 五', quote: false }]);
  });
});
