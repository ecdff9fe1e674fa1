import { describe, expect, it } from 'vitest';
import { COL, checkChanged, t3row } from '../../test/fixtures/base';
import type { SeedData } from '../../test/fixtures/render';
import { textTable } from './text-table';

const findings = (change: Parameters<typeof checkChanged>[0]) => checkChanged(change).findings.filter((f) => f.rule === 'text-table');
const total = (d: SeedData, key: string) => Number(t3row(d, key).values[COL.total]);
const group = (d: SeedData, g: string) => d.t3.rows.filter((r) => new RegExp(`^${g}\\d$`).test(r.key)).reduce((a, r) => a + Number(r.values[COL.total]), 0);
/** The base report with these sentences in its section 一. */
const saying = (text: (d: SeedData) => string) => findings((d) => d.sections[0].paragraphs.push(text(d)));
const t4 = (d: SeedData) => d.t4.values.map(Number);

describe('text-table: requests received, carried over, answered', () => {
  it('takes a table row with units in its cells (「四、结转下年度继续办理 | 44件」) for the table, not for a statement', () => {
    const f = findings((d) => {
      const w = t3row(d, 'w');
      w.values = w.values.map((v) => `${v}件`);
    });
    expect(f).toEqual([]);
  });

  it('accepts text that states what the table shows (row 一, or 一 + 二, and row 四)', () => {
    expect(findings(() => {})).toEqual([]);
    expect(
      findings((d) => {
        const [a, b, w, v] = ['a', 'b', 'w', 'v'].map((k) => total(d, k));
        d.sections[0].paragraphs.push(`本年度共受理政府信息公开申请${a + b}件，其中新收${a}件；结转下一年度${w}件。`, `全年收到政府信息公开申请 ${a} 件，办结${v}件（含上年结转${b}件）。`);
      }),
    ).toEqual([]);
  });

  it('asks for a look when the text says another number than the table (洪泽区 2024: 17 vs 95), and names the scope it gives', () => {
    const f = saying(() => '2023 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。');
    expect(f.map((x) => [x.severity, x.actual, x.cells.map((c) => c.row)])).toEqual([['warning', 17, ['a', 'b']]]);
    expect(f[0].message.zh).toMatch(/^正文称「区政府办代表区政府受理政府信息公开申请17件」，但表三「一、本年新收政府信息公开申请数量」总计为 \d+（加上年结转为 \d+），相差 \d+；正文所述为「区政府办代表区政府」的数字，范围可能窄于表格/);
  });

  it('checks the number carried into next year against row 四, and the number answered against （七）总计', () => {
    const g = checkChanged((d) => d.sections[0].paragraphs.push(`答复政府信息公开申请${total(d, 'v') + 2}件，另有99件顺延到下年度答复。`));
    const d = g.report!;
    expect(g.findings.filter((x) => x.rule === 'text-table').map((x) => [x.actual, x.expected, x.cells.map((c) => c.row)])).toEqual([
      [d.tables.t3.rows.v.cells[6].value! + 2, d.tables.t3.rows.v.cells[6].value, ['v']],
      [99, d.tables.t3.rows.w.cells[6].value, ['w']],
    ]);
  });

  it('reads counts in Chinese numerals and the remainder carried over in the clause after it', () => {
    const f = saying((d) => `本年度共收到政府信息公开申请一千件。截至年底，尚有${total(d, 'w') + 3}件申请在法定期限内，结转至下一年度办理。`);
    expect(f.map((x) => [x.actual, x.cells.map((c) => c.row)])).toEqual([
      [1000, ['a', 'b']],
      [expect.any(Number), ['w']],
    ]);
    expect(saying((d) => `本年度共收到政府信息公开申请${total(d, 'a')}件，尚有${total(d, 'w')}件申请在办理期限内，结转至下一年度办理。`)).toEqual([]);
  });

  it('is sure (an error) only when the text uses the table\'s own wording, with no scope', () => {
    const f = saying((d) => `上年结转政府信息公开申请${total(d, 'b') + 1}件。`);
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0].message.zh).toContain('正文用的是表格本身的栏目名称');
    expect(saying((d) => `我局上年结转政府信息公开申请${total(d, 'b') + 1}件。`).map((x) => x.severity)).toEqual(['warning']);
  });

  it('one finding per claim: the same statement twice is one', () => {
    expect(saying(() => '未收到政府信息公开申请。本年度未收到政府信息公开申请，未收取信息处理费。')).toHaveLength(1);
  });

  it('「未收到…申请」 against a non-zero row 一', () => {
    const f = saying(() => '2023年，我中心未收到政府信息公开申请。');
    expect(f.map((x) => [x.actual, x.cells.map((c) => c.row)])).toEqual([[0, ['a', 'b']]]);
    expect(f[0].message.zh).toMatch(/^正文称「未收到政府信息公开申请」，但表三「一、本年新收政府信息公开申请数量」总计为 \d+/);
    expect(f[0].message.zh).not.toContain('相差');
  });

  it('last year\'s numbers and changes are not this year\'s figure', () => {
    expect(saying(() => '2022年受理政府信息公开申请 999 件；申请数量较去年增加 17 件，同比增长 12.3%。')).toEqual([]);
  });
});

describe('text-table: the outcome categories', () => {
  const list = (d: SeedData, off: Partial<Record<string, number>> = {}) => {
    const n = (k: string, v: number) => v + (off[k] ?? 0);
    return `其中，予以公开${n('c', total(d, 'c'))}件、部分公开${n('d', total(d, 'd'))}件、不予公开${n('e', group(d, 'e'))}件、无法提供${n('f', group(d, 'f'))}件、不予处理${n('g', group(d, 'g'))}件、其他处理${n('t', group(d, 't'))}件。`;
  };

  it('nothing where each category and their sum agree', () => {
    expect(saying((d) => `办结依申请公开${total(d, 'v')}件。${list(d)}`)).toEqual([]);
    expect(saying((d) => `予以公开及部分公开${total(d, 'c') + total(d, 'd')}件（占35.5%），因本机关不掌握等原因无法提供${group(d, 'f')}件。`)).toEqual([]);
  });

  it('a category with sub-rows is the sum of their 总计, named, with the gap', () => {
    const f = saying((d) => `本年度政府信息公开申请的办理结果：${list(d, { e: 2 })}`);
    expect(f.map((x) => [x.actual! - x.expected!, x.cells.map((c) => c.row)])).toEqual([[2, ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8']]]);
    expect(f[0].message.zh).toMatch(/^正文称「不予公开\d+件」，但表三「（三）不予公开」各项之和为 .* = \d+，相差 2，请人工核对$/);
    expect(f[0].message.en).toContain('"not disclosed" adds up to');
  });

  it('the categories listed in full against the total stated before them', () => {
    const f = saying((d) => `办结依申请公开${total(d, 'v')}件。${list(d, { g: 3 })}`);
    expect(f.map((x) => [x.expected! - x.actual!, x.cells.map((c) => c.row)])).toEqual([
      [-3, ['g1', 'g2', 'g3', 'g4', 'g5']],
      [3, ['v']],
    ]);
    expect(f[1].message.zh).toMatch(/^正文所列各项办理结果之和为 予以公开 \d+ \+ 部分公开 \d+ \+ 不予公开 \d+ \+ 无法提供 \d+ \+ 不予处理 \d+ \+ 其他处理 \d+ = \d+，但正文称「办结依申请公开\d+件」（表三「（七）总计」为 \d+），相差 3/);
    // A list that leaves a category out is not a sum.
    expect(saying((d) => `办结依申请公开${total(d, 'v') + 5}件，其中予以公开${total(d, 'c')}件、不予公开${group(d, 'e')}件。`).map((x) => x.cells[0].row)).toEqual(['v']);
  });

  it('per-applicant parts and percentages are not claims', () => {
    expect(saying((d) => `共受理政府信息公开申请${total(d, 'a')}件，其中自然人申请 1 件，法人或其他组织申请 2 件；予以公开的占 99 %。`)).toEqual([]);
  });
});

describe('text-table: table 四', () => {
  it('复议 against its block, 诉讼 against both lawsuit blocks, results by the block named before them', () => {
    expect(saying((d) => `行政复议${t4(d)[4]}件，行政诉讼${t4(d)[9] + t4(d)[14]}件，其中结果维持${t4(d)[5] + t4(d)[10]}件。`)).toEqual([]);
    const f = saying((d) => `政府信息公开行政复议${t4(d)[4] + 1}件；行政诉讼${t4(d)[9] + t4(d)[14]}件，其中结果维持${t4(d)[5] + t4(d)[10] + 4}件。`);
    expect(f.map((x) => [x.actual! - x.expected!, x.cells.map((c) => `${c.row}.${c.col}`)])).toEqual([
      [1, ['review.total']],
      [4, ['direct.upheld', 'after-review.upheld']],
    ]);
    expect(f[1].message.zh).toMatch(/表四「未经复议直接起诉」结果维持 \d+ \+ 表四「复议后起诉」结果维持 \d+ = \d+/);
  });

  it('「没有…行政复议、行政诉讼」 and 「均获维持」 against non-zero cells', () => {
    const f = saying(() => '本年度没有因政府信息公开申请行政复议、提起行政诉讼的情况。行政复议和诉讼均获维持。');
    expect(f.map((x) => `${x.cells.map((c) => `${c.row}.${c.col}`).join('+')}:${x.expected}`)).toEqual(['review.total:6', 'direct.total+after-review.total:5', 'review.corrected:1', 'direct.corrected+after-review.corrected:2']);
  });

  it('a count of both blocks at once is no block\'s', () => {
    expect(saying(() => '因政府信息公开引起的行政复议、行政诉讼案件共 99 件。')).toEqual([]);
  });
});

describe('text-table: table 二 and fees', () => {
  const setT2 = (d: SeedData) => {
    d.t2.subtables[0].rows[1] = [d.t2.subtables[0].rows[1][0], '77', '132', '470'];
    d.t2.subtables[3].rows[0] = [d.t2.subtables[3].rows[0][0], '5949.09'];
  };

  it('现行有效 / 制发 / 废止 of 行政规范性文件 against its row (平潭 2023: 393 vs 470)', () => {
    const f = findings((d) => {
      setT2(d);
      d.sections[0].paragraphs.push('清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。本年废止规范性文件132件。');
    });
    expect(f.map((x) => [x.actual, x.expected, x.cells.map((c) => `${c.table}.${c.row}.${c.col}`)])).toEqual([[393, 470, ['t2.normative.in-force']]]);
  });

  it('a list goes on with the noun of the claim before it, and says so', () => {
    const f = findings((d) => {
      setT2(d);
      d.sections[0].paragraphs.push('本年制发行政规范性文件77件，废止130件，现行有效470件。');
    });
    expect(f.map((x) => x.message.zh)).toEqual(['正文称「本年制发行政规范性文件77件，废止130件」，但表二「行政规范性文件」本年废止件数为 132，相差 2，请人工核对']);
  });

  it('no column for 「主动公开」 in the 2021 format; documents of other bodies and lumps are not the table\'s', () => {
    const f = findings((d) => {
      setT2(d);
      d.sections[0].paragraphs.push('全年主动公开行政规范性文件 12 件，刊登政府规章、规范性文件等112件，部门规范性文件45件，审查规范性文件 9 件。');
    });
    expect(f).toEqual([]);
  });

  it('信息处理费 is never 行政事业性收费; 行政事业性收费 in 万元 is', () => {
    const f = findings((d) => {
      setT2(d);
      d.sections[5].paragraphs.push('全年收取政府信息公开信息处理费 400 元，收取信息处理费 1.2 万元。', '本年度行政事业性收费 6000 万元。');
    });
    expect(f.map((x) => [x.actual, x.expected, x.cells.map((c) => c.row)])).toEqual([[6000, 5949.09, ['fees']]]);
  });
});

describe('text-table: the 2019 trial template', () => {
  const check2019 = async (text: string) => {
    const { loadSeed, renderTsv } = await import('../../test/fixtures/render');
    const { checkDoc } = await import('../check');
    const { readText } = await import('../read/text');
    const d = loadSeed('004');
    d.sections[0].paragraphs.push(text);
    return checkDoc(readText(renderTsv(d))).findings.filter((f) => f.rule === 'text-table');
  };

  it('「主动公开」 is its 本年新公开数量; 废止 and 现行有效 have no column there; （六） is one row', async () => {
    const f = await check2019('2019年，主动公开规章 5 件，行政规范性文件 0 件；废止规范性文件 3 件，现行有效规范性文件 40 件。受理政府信息公开申请 0 件，其他处理 2 件。');
    expect(f.map((x) => [x.actual, x.expected, x.cells.map((c) => `${c.table}.${c.row}.${c.col}`)])).toEqual([
      [5, 0, ['t2.regulations.published']],
      [2, 0, ['t3.t.total']],
    ]);
  });
});

describe('text-table: cells read without certainty', () => {
  it('give no finding: a claim is never held against a guess', () => {
    const r = checkChanged((d) => d.sections[0].paragraphs.push('受理政府信息公开申请 999 件。'));
    expect(textTable.run(r.report!)).toHaveLength(1);
    for (const k of ['a', 'b']) r.report!.tables.t3.rows[k].cells[6].confident = false;
    expect(textTable.run(r.report!)).toEqual([]);
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
