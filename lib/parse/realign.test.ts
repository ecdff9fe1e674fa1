import { describe, expect, it } from 'vitest';
import { checkChanged, t3row, COL } from '../../test/fixtures/base';
import { checkHtml } from '../../test/helpers';
import { encodeGbk, loadSeed, renderWord, renderCms, renderParas, renderTsv, renderPipe } from '../../test/fixtures/render';
import { checkBytes, briefs } from '../../test/helpers';

describe('a row of table 三 with a value too many or too few (no grid places them)', () => {
  it('every alignment breaks an identity: an error, on the likeliest alignment, beside row-length', () => {
    const r = checkChanged((d) => {
      const row = t3row(d, 'f2');
      row.values[COL.natural] = String(Number(row.values[COL.natural]) + 4);
      row.values.push('3');
    });
    const rowLength = r.findings.find((f) => f.rule === 'row-length')!;
    expect(rowLength.severity).toBe('warning');
    expect(rowLength.message.zh).toContain('勾稽关系都不成立');
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((f) => f.cells.some((c) => c.row === 'f2' && c.col === 'natural'))).toBe(true);
  });

  it('some alignment makes every identity hold: row-length only, the agreed cells read', () => {
    const r = checkChanged((d) => {
      t3row(d, 'f2').values.splice(3, 0, '0');
    });
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(['row-length']);
    const cells = r.report!.tables.t3.rows.f2.cells;
    // Only the cells every alignment agrees on are read; the others are left unread, never guessed.
    expect(cells.some((c) => c.state === 'missing')).toBe(true);
    expect(cells.filter((c) => c.state === 'number').length).toBeGreaterThan(0);
  });

  it('one value lost: the row is checked only where the alignments agree', () => {
    const r = checkChanged((d) => {
      t3row(d, 'a').values.splice(COL.research, 1);
    });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'row-length')!.cells[0]).toMatchObject({ table: 't3', row: 'a', col: null });
  });
});

describe('table 四 with 16 values (seed 003)', () => {
  const seed = loadSeed('003');
  const changed = (i: number) => {
    const d = structuredClone(seed);
    d.t4.values[i] = '2';
    return d;
  };

  it('pasted one paragraph per cell, 16 zeros are 15 zeros read (the same under every alignment) and row-length', async () => {
    const r = await checkHtml(renderParas(seed));
    expect(r.report!.tables.t4.rows.cells.cells.map((c) => c.value)).toEqual(Array(15).fill(0));
    expect(briefs(r).filter((b) => b.startsWith('row-length'))).toEqual(['row-length:warning:s4']);
  });

  it('tab-separated text whose fields agree with the header: the 16th value stands under no header', async () => {
    const r = await checkBytes('text', new TextEncoder().encode(renderTsv(seed)));
    expect(r.report!.tables.t4.rows.cells.cells.map((c) => c.value)).toEqual(Array(15).fill(0));
    expect(briefs(r).filter((b) => b.startsWith('row-length'))).toEqual(['row-length:warning:t4.-.-']);
  });

  it.each([0, 3, 4, 7, 12, 14])('in the page\'s own table the header grid places the values: a change in column %i is an error naming it', async (i) => {
    for (const bytes of [new TextEncoder().encode(renderWord(changed(i))), encodeGbk(renderCms(changed(i)))]) {
      const r = await checkBytes('html', bytes);
      const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
      const blocks = ['review', 'direct', 'after-review'];
      const hit = r.findings.filter((f) => f.rule === 't4-block-total' && f.severity === 'error');
      expect(hit.map((f) => f.cells.some((c) => c.row === blocks[Math.floor(i / 5)] && c.col === cols[i % 5]))).toEqual([true]);
      expect(briefs(r)).toContain('row-length:error:t4.-.-');
    }
  });

  it('the cell too many is the one under no header, whatever its value', async () => {
    const d = structuredClone(seed);
    d.t4.values[15] = '7';
    const r = await checkHtml(renderWord(d));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['row-length']);
    expect(r.findings.find((f) => f.rule === 'row-length')!.cells.map((c) => c.value)).toEqual([7]);
  });

  it('pasted one paragraph per cell (no grid): a change that dropping one value explains is not an error', async () => {
    const r = await checkHtml(renderParas(changed(2)));
    expect(r.findings.filter((f) => f.rule === 't4-block-total' && f.severity === 'error')).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'row-length')).toBe(true);
  });

  it('pasted one paragraph per cell (no grid): a change no alignment explains is an error', async () => {
    const d = structuredClone(seed);
    // Two blocks broken: no single dropped value makes every block add up.
    d.t4.values[0] = '2';
    d.t4.values[9] = '5';
    const r = await checkHtml(renderParas(d));
    expect(r.findings.filter((f) => f.rule === 't4-block-total' && f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('markdown pipes whose fields agree with the header are a grid too', async () => {
    const r = await checkBytes('text', new TextEncoder().encode(renderPipe(changed(7))));
    expect(r.findings.filter((f) => f.rule === 't4-block-total' && f.severity === 'error').map((f) => f.cells[0].row)).toEqual(['direct']);
  });
});

describe('a cell an alignment supposes lost', () => {
  it('is not read: no blank claimed, no sum through it (table 四 with 14 values)', async () => {
    const { checkDoc } = await import('../check');
    const { readText } = await import('../read/text');
    const text = ['行政复议\t\t\t\t\t行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计', '1 2 3 4 10 1 1 1 1 4 8 128 5 2'].join('\n');
    const r = checkDoc(readText(text), { force: true, scope: 'tables' });
    expect(r.findings.map((f) => f.rule)).toEqual(['row-length']);
    expect(r.report!.tables.t4.rows.cells.cells.some((c) => c.state === 'blank')).toBe(false);
  });
});
