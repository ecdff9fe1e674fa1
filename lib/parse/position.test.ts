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
    expect(centers.centers).toHaveLength(4);
    expect(centers.centers[1] - centers.centers[0]).toBeCloseTo(8, 0);
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

describe('a table aligned by eye in a monospace editor (a Chinese character takes two columns)', () => {
  it('is placed by display width when the rows agree in it', () => {
    const rows = ['一、本年新收申请        49    53    49', '（一）予以公开          0     0     1', '1.属于国家秘密          5     0     0', '二、上年结转申请         5     1     7'];
    // Pad so that the numbers line up in display columns, not in characters.
    const width = (s: string) => [...s].reduce((a, ch) => a + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
    const aligned = rows.map((r) => {
      const [label, ...nums] = r.split(/\s+/);
      return label + ' '.repeat(26 - width(label)) + nums.map((n) => n.padStart(6)).join('');
    });
    const full = aligned.map(values);
    const columns = columnCenters(full, 3)!;
    expect(columns.measure).toBe('xw');
    const lost = '2.其他法律行政法规禁止公开' ;
    const line = lost + ' '.repeat(26 - width(lost)) + '     8' + '      ' + '     2';
    expect(placeByPosition(values(line), columns)!.map((t) => t?.token.value ?? null)).toEqual([8, null, 2]);
  });
});

describe('table 二 in laid-out text', () => {
  it('a row that lost a blank cell is placed by the sub-table\'s complete row', async () => {
    const { baseReport } = await import('../../test/fixtures/base');
    const { renderPdfText } = await import('../../test/fixtures/render');
    const { checkPlain } = await import('../../test/helpers');
    const d = baseReport();
    d.t2.subtables[0].rows[0] = ['规章', '1', '1', '9'];
    d.t2.subtables[0].rows[1] = ['行政规范性文件', '4', '', '12'];
    const r = checkPlain(renderPdfText(d));
    expect(r.report!.tables.t2.rows.normative.cells.map((c) => c.value)).toEqual([4, null, 12]);
    expect(r.findings.filter((f) => f.rule === 'row-length')).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'cell-blank' && f.cells[0].row === 'normative')).toBe(true);
  });
});
