import { describe, expect, it } from 'vitest';
import { digitReadings } from './digits';

describe('run-together digits', () => {
  it('splits a table-三 row using its row total', () => {
    expect(digitReadings('713000074', 7, true)).toEqual([[71, 3, 0, 0, 0, 0, 74]]);
    expect(digitReadings('370000037', 7, true)).toEqual([[37, 0, 0, 0, 0, 0, 37]]);
    expect(digitReadings('0000000', 7, true)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });
  it('refuses to guess when several readings fit', () => {
    expect(digitReadings('8855698', 3, false).length).toBe(2);
    expect(digitReadings('000', 3, false)).toEqual([[0, 0, 0]]);
  });
  it('finds nothing when no reading fits', () => {
    expect(digitReadings('1234', 7, true)).toEqual([]);
  });
});
