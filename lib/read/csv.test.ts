import { describe, expect, it } from 'vitest';
import { isCsvRow, readText } from './text';

describe('comma-separated rows in a text', () => {
  it('are rows of cells, quoted fields kept whole', () => {
    const doc = readText('"（一）予以公开",3,"1,204",0,,,"说""明"');
    expect(doc.lines[0].tokens.map((t) => [t.kind, t.raw])).toEqual([
      ['text', '（一）予以公开'],
      ['number', '3'],
      ['number', '1,204'],
      ['number', '0'],
      ['blank', ''],
      ['blank', ''],
      ['text', '说"明'],
    ]);
  });
  it('are never sentences: a line with a sentence end or fewer than two commas is text', () => {
    expect(isCsvRow('2023年,本机关认真贯彻落实条例,扎实推进工作。')).toBe(false);
    expect(isCsvRow('全年收到申请1,234件')).toBe(false);
    expect(isCsvRow('规章,0,0,38')).toBe(true);
  });
});
