import { describe, expect, it } from 'vitest';
import { checkChanged } from '../../test/fixtures/base';

const textTable = (change: Parameters<typeof checkChanged>[0]) => checkChanged(change).findings.filter((f) => f.rule === 'text-table');

describe('text-table', () => {
  it('takes a table row with units in its cells (「四、结转下年度继续办理 | 44件」) for the table, not for a statement', () => {
    const f = textTable((d) => {
      const w = d.t3.rows.find((r) => r.key === 'w')!;
      w.values = w.values.map((v) => `${v}件`);
    });
    expect(f).toEqual([]);
  });

  it('accepts text that states what the table shows (row 一, or 一 + 二, and row 四)', () => {
    expect(textTable(() => {})).toEqual([]);
    expect(
      textTable((d) => {
        const a = d.t3.rows.find((r) => r.key === 'a')!.values[6];
        const b = d.t3.rows.find((r) => r.key === 'b')!.values[6];
        const w = d.t3.rows.find((r) => r.key === 'w')!.values[6];
        d.sections[0].paragraphs.push(`本年度共受理政府信息公开申请${Number(a) + Number(b)}件，其中新收${a}件；结转下一年度${w}件。`, `全年收到政府信息公开申请 ${a} 件。`);
      }),
    ).toEqual([]);
  });

  it('asks for a look when the text says another number than the table (洪泽区 2024: 17 vs 95)', () => {
    const f = textTable((d) => {
      d.sections[0].paragraphs.push('2023 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。');
    });
    expect(f.map((x) => [x.severity, x.actual, x.cells.map((c) => c.row)])).toEqual([['warning', 17, ['a', 'b']]]);
    expect(f[0].message.zh).toMatch(/^正文称「受理政府信息公开申请17件」，但表三「一、本年新收政府信息公开申请数量」总计为 \d+（加上年结转为 \d+），相差 \d+；/);
  });

  it('checks the number carried into next year against row 四', () => {
    const f = textTable((d) => d.sections[0].paragraphs.push('结转下年度继续办理 99 件。'));
    expect(f.map((x) => [x.actual, x.cells.map((c) => c.row)])).toEqual([[99, ['w']]]);
  });
});

describe('the number the text states is marked', () => {
  it('just the number, even when the statement wraps', async () => {
    const { readText } = await import('../read/text');
    const { findClaims } = await import('../parse/claims');
    const [c] = findClaims(readText('2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。\n'));
    expect(c).toMatchObject({ kind: 'received', value: 17, anchor: { kind: 'text', line: 1, col: 7, length: 2 } });
  });
});
