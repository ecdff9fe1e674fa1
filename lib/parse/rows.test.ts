// No invented splits: digits are split only where no cell boundary exists and the row total decides.
import { describe, expect, it } from 'vitest';
import { checkChanged, t3row } from '../../test/fixtures/base';
import { loadSeed, renderOneLine, renderParas, renderPipe } from '../../test/fixtures/render';
import { checkHtml, checkPlain } from '../../test/helpers';

const seed2019 = () => {
  const d = loadSeed('004');
  // 表二 (2019): 行政许可 | 550 | | — one value, two blank cells.
  const st = d.t2.subtables.find((x) => x.rows.some((r) => r[0] === '行政许可'))!;
  st.rows.find((r) => r[0] === '行政许可')!.splice(1, 3, '550', '', '');
  return d;
};

describe('a single multi-digit value is one value', () => {
  it('in cells of their own (pipes, paragraphs): 550 and two blanks, never 5 | 5 | 0', async () => {
    for (const r of [checkPlain(renderPipe(seed2019())), await checkHtml(renderParas(seed2019()))]) {
      const row = r.report!.tables.t2.rows.licensing;
      expect(row.cells.map((c) => c.value)).toEqual([550, null, null]);
      expect(row.cells.map((c) => c.state)).toEqual(['number', 'blank', 'blank']);
      expect(r.findings.some((f) => f.rule === 'table-unreadable' && /拆分/.test(f.message.zh))).toBe(false);
    }
  });

  it('run into the text with no cell boundary and no row total to decide: not split, said so', () => {
    const r = checkPlain(renderOneLine(seed2019(), ''));
    const row = r.report!.tables.t2.rows.licensing;
    expect(row.status).not.toBe('decoded');
    expect(row.cells.some((c) => c.value === 5)).toBe(false);
  });

  it('a table 三 row run together is split only when exactly one split makes its total', () => {
    const r = checkPlain(renderOneLine(loadSeed('002'), ''));
    const decoded = Object.values(r.report!.tables.t3.rows).filter((x) => x.status === 'decoded');
    for (const row of decoded) {
      const v = row.cells.map((c) => c.value!);
      expect(v.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(v[6]);
      expect(row.cells.every((c) => !c.confident)).toBe(true);
    }
    const said = r.findings.find((f) => f.rule === 'table-unreadable' && /已按各行合计关系拆分/.test(f.message.zh));
    expect(!!said).toBe(decoded.length > 0);
  });

  it('a value that had a cell of its own is never split', () => {
    const r = checkChanged((d) => {
      // A row of 7 cells whose values ran into one cell: one cell holds "9000009", the rest are gone.
      t3row(d, 'g2').values = ['9000009'];
    });
    expect(r.report!.tables.t3.rows.g2.status).not.toBe('decoded');
  });
});

describe('a row printed with no value at all', () => {
  it('in run-on text whose blanks are lost, is a row of blanks (seed 001: 表二 and 表三 rows left empty), not a missing row', () => {
    for (const sep of [' ', '']) {
      const r = checkPlain(renderOneLine(loadSeed('001'), sep));
      for (const key of ['licensing', 'penalty', 'coercion']) expect(r.report!.tables.t2.rows[key]?.cells.map((c) => c.state), key).toEqual(['blank']);
      for (const key of ['t2', 't3']) expect(r.report!.tables.t3.rows[key]?.cells.every((c) => c.state === 'blank'), key).toBe(true);
      expect(r.findings.filter((f) => f.rule === 'table-unreadable' && /未能找到/.test(f.message.zh))).toEqual([]);
      expect(r.findings.filter((f) => f.rule === 'cell-blank').length).toBeGreaterThan(0);
    }
  });
});
