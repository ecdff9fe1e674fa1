import { describe, expect, it } from 'vitest';
import { readText } from '../read/text';
import { toStream } from './stream';
import { columnCenters, placeByPosition } from './position';
import type { Tok } from './stream';

const values = (line: string): Tok[] => toStream(readText(line)).filter((t) => t.token.kind === 'number');

describe('values placed by their columns in laid-out text', () => {
  const full = ['标签     1       2       3       4', '标签     5       6       7       8', '标签    10      20      30      40'].map(values);
  const centers = columnCenters(full, 4)!;

  it('takes the column centres from the complete rows', () => {
    expect(centers).toHaveLength(4);
    expect(centers[1] - centers[0]).toBeCloseTo(8, 0);
  });

  it('places a row that lost its blank cells, leaving the blanks empty', () => {
    const placed = placeByPosition(values('标签     9                      12'), centers)!;
    expect(placed.map((t) => t?.token.value ?? null)).toEqual([9, null, null, 12]);
  });

  it('refuses a value standing between two columns', () => {
    expect(placeByPosition(values('标签     9   3'), centers)).toBeNull();
  });

  it('needs at least three complete rows', () => {
    expect(columnCenters(full.slice(0, 2), 4)).toBeNull();
  });
});
