// Where each table stands when no section heading says so (a picture of one table).
import { describe, expect, it } from 'vitest';
import { parseStep } from '../check';
import { readText } from '../read/text';

describe('table 四 on its own', () => {
  const values = [0, 6, 2, 9, 17, 7, 7, 8, 9, 31, 4, 4, 7, 8, 23];
  const header = (first: string) =>
    [
      `${first}\t行政诉讼`,
      '未经复议直接起诉\t复议后起诉',
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].join('\t'),
      values.join('\t'),
    ].join('\n');

  it.each([['行政复议'], ['四'], ['']])('is found by its header words even when 「行政复议」 reads %j', (first) => {
    const t4 = parseStep(readText(header(first)), { force: true }).report!.tables.t4;
    expect(t4.found).toBe(true);
    expect(t4.rows.cells.cells.map((c) => c.value)).toEqual(values);
  });
});

describe('a picture of table 四 whose header could not be read (light text on a dark fill)', () => {
  const values = [7, 0, 0, 0, 7, 4, 0, 0, 0, 4, 0, 0, 0, 0, 0];
  const docOf = (ocr: boolean, header = true) => {
    const doc = readText([...(header ? ['上 | wiiHKE诉 | 复VEM诉'] : []), values.join('\t')].join('\n'));
    for (const l of doc.lines) for (const t of l.tokens) t.ocr = ocr;
    return doc;
  };

  it('its one row of 15 values is table 四, read in order, and the finding says the header was not read', () => {
    const t4 = parseStep(docOf(true), { force: true }).report!.tables.t4;
    expect(t4.found).toBe(true);
    expect(t4.rows.cells.cells.map((c) => c.value)).toEqual(values);
    expect(t4.problems.map((p) => p.zh).join()).toContain('表头无法识别');
    // Which table it is was a guess: nothing in it is sure.
    expect(t4.rows.cells.cells.every((c) => !c.confident)).toBe(true);
  });

  it('also when nothing at all was read of the header (the values come first)', () => {
    expect(parseStep(docOf(true, false), { force: true }).report!.tables.t4.rows.cells.cells.map((c) => c.value)).toEqual(values);
  });

  it('not in text: 15 numbers without a header are no table there', () => {
    expect(parseStep(docOf(false), { force: true }).report!.tables.t4.found).toBe(false);
  });
});
