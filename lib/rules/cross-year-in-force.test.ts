import { describe, expect, it } from 'vitest';
import { checkDoc } from '../check';
import { recordOf, type HistoryRecord } from '../history/record';
import { readText } from '../read/text';
import { formats } from '../spec';
import { baseReport } from '../../test/fixtures/base';
import { renderTsv, type SeedData } from '../../test/fixtures/render';

function yearReport(year: number, change: (d: SeedData) => void = () => {}): SeedData {
  const d = baseReport();
  d.title = `某某市某某局${year}年政府信息公开工作年度报告`;
  d.preamble = [`本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自${year}年1月1日至${year}年12月31日。`];
  change(d);
  return d;
}
/** Table 二's row (规章 or 行政规范性文件) set to three numbers. */
const setT2 = (d: SeedData, label: '规章' | '行政规范性文件', values: number[]) => {
  d.t2.subtables[0].rows.find((r) => r[0] === label)!.splice(1, 3, ...values.map(String));
};
/** Table 二 in the 2019 trial template (新制作/新公开/对外公开总数). */
const t2Of2019 = (d: SeedData) => {
  d.t2 = {
    format: '2019',
    subtables: formats['2019'].t2.subtables.map((st) => ({ caption: st.caption, columns: ['信息内容', ...st.columns.map((c) => c.label)], rows: st.rows.map((r) => [r.label, ...st.columns.map(() => '0')]) })),
  };
};
const check = (d: SeedData, previous?: HistoryRecord) => checkDoc(readText(renderTsv(d)), { previous });
const PREV_FILE = '/data/reports/2022.pdf';
const lastYear = (change: (d: SeedData) => void) => recordOf(check(yearReport(2022, change)).report!, { source: PREV_FILE, checkedAt: '2023-02-01T00:00:00.000Z' });
const inForce = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.rule === 'cross-year-in-force');

describe('cross-year-in-force', () => {
  it('finds nothing when last year\'s 现行有效 + 制发 − 废止 gives this year\'s 现行有效', () => {
    const previous = lastYear((d) => setT2(d, '行政规范性文件', [10, 2, 440]));
    expect(previous.t2Format).toBe('2021');
    expect(previous.figures.t2.normative?.['in-force']).toEqual({ value: 440, state: 'number', confident: true });
    expect(inForce(check(yearReport(2023, (d) => setT2(d, '行政规范性文件', [62, 33, 469])), previous))).toEqual([]);
  });

  it('gives the equation and the gap, names this year\'s three cells and last year\'s report (平潭 2024: 470 + 62 − 33 ≠ 440)', () => {
    const previous = lastYear((d) => setT2(d, '行政规范性文件', [77, 132, 470]));
    const f = inForce(check(yearReport(2023, (d) => setT2(d, '行政规范性文件', [62, 33, 440])), previous));
    expect(f.map((x) => [x.severity, x.cells.map((c) => `${c.table}.${c.row}.${c.col}=${c.value}`), x.expected, x.actual])).toEqual([
      ['warning', ['t2.normative.issued=62', 't2.normative.repealed=33', 't2.normative.in-force=440'], 499, 440],
    ]);
    expect(f[0].message.zh).toBe(
      `表二「行政规范性文件」：上一年度（2022年）现行有效件数 470（见《某某市某某局2022年政府信息公开工作年度报告》（${PREV_FILE}））+ 本年制发件数 62 − 本年废止件数 33 = 499，但现行有效件数填报为 440，相差 59；文件也可能因有效期届满而失效，或两年统计范围不同，请核对`,
    );
  });

  it('checks 规章 and 行政规范性文件 each', () => {
    const previous = lastYear((d) => {
      setT2(d, '规章', [1, 0, 12]);
      setT2(d, '行政规范性文件', [5, 0, 40]);
    });
    const f = inForce(
      check(
        yearReport(2023, (d) => {
          setT2(d, '规章', [2, 1, 14]);
          setT2(d, '行政规范性文件', [5, 5, 40]);
        }),
        previous,
      ),
    );
    expect(f.map((x) => [x.cells[0].row, x.expected, x.actual])).toEqual([['regulations', 13, 14]]);
  });

  it('compares only two tables 二 of the 2021 template', () => {
    const previous2019 = lastYear((d) => {
      t2Of2019(d);
      d.t2.subtables[0].rows[1].splice(1, 3, '5', '5', '400');
    });
    expect(previous2019.t2Format).toBe('2019');
    expect(inForce(check(yearReport(2023, (d) => setT2(d, '行政规范性文件', [62, 33, 440])), previous2019))).toEqual([]);
    const previous = lastYear((d) => setT2(d, '行政规范性文件', [77, 132, 470]));
    const this2019 = check(
      yearReport(2023, (d) => {
        t2Of2019(d);
        d.t2.subtables[0].rows[1].splice(1, 3, '62', '33', '440');
      }),
      previous,
    );
    expect(this2019.report!.tables.t2.layout).toBe('2019');
    expect(inForce(this2019)).toEqual([]);
  });

  it('asks for a look by eye when last year\'s figure was not read with certainty, and skips one not read', () => {
    const previous = lastYear((d) => setT2(d, '行政规范性文件', [77, 132, 470]));
    previous.figures.t2.normative!['in-force'].confident = false;
    const f = inForce(check(yearReport(2023, (d) => setT2(d, '行政规范性文件', [62, 33, 440])), previous));
    expect(f).toHaveLength(1);
    expect(f[0].message.zh).toMatch(/请人工核对）$/);
    previous.figures.t2.normative!['in-force'] = { value: null, state: 'invalid', confident: true };
    expect(inForce(check(yearReport(2023, (d) => setT2(d, '行政规范性文件', [62, 33, 440])), previous))).toEqual([]);
  });

  it('says where last year\'s figure came from when its table was not read and its text stated it', () => {
    const previous = lastYear((d) => d.t2.subtables[0].rows[1].splice(1, 3, '8855698'));
    expect(previous.figures.t2.normative!['in-force'].state).toBe('missing');
    previous.figures.t2.normative!['in-force'] = { value: 698, state: 'number', confident: false, stated: '集中公开现行有效行政规范性文件698件' };
    const f = inForce(check(yearReport(2023, (d) => setT2(d, '行政规范性文件', [77, 132, 470])), previous));
    expect(f.map((x) => [x.expected, x.actual, x.severity])).toEqual([[643, 470, 'warning']]);
    expect(f[0].message.zh).toContain(`现行有效件数 698（《某某市某某局2022年政府信息公开工作年度报告》（${PREV_FILE}）的表二未能读取，取自其正文「集中公开现行有效行政规范性文件698件」）`);
    expect(f[0].message.zh).toMatch(/请人工核对）$/);
  });

  it('asks for a look by eye when this year\'s cells were read by OCR (a scan, a picture), however sure OCR was', () => {
    const previous = lastYear((d) => setT2(d, '行政规范性文件', [77, 132, 470]));
    const doc = readText(renderTsv(yearReport(2023, (d) => setT2(d, '行政规范性文件', [62, 33, 440]))));
    // The same cells, as the picture reader gives them: image anchors, confident.
    for (const l of doc.lines) for (const t of l.tokens) if (t.kind === 'number') t.anchor = { kind: 'image', image: 'scan', x: 0, y: 0, w: 1, h: 1 };
    const f = inForce(checkDoc(doc, { previous }));
    expect(f.map((x) => [x.expected, x.actual, x.severity])).toEqual([[499, 440, 'warning']]);
    expect(f[0].message.zh).toMatch(/请人工核对）$/);
    expect(inForce(check(yearReport(2023, (d) => setT2(d, '行政规范性文件', [62, 33, 440])), previous))[0].message.zh).not.toMatch(/请人工核对/);
    // Last year's figures read by OCR are kept as unsure.
    expect(recordOf(checkDoc(doc).report!, { source: 'scan.pdf', checkedAt: '2025-02-01T00:00:00.000Z' }).figures.t2.normative!['in-force'].confident).toBe(false);
  });

  it('needs the year just before', () => {
    const previous = lastYear((d) => setT2(d, '行政规范性文件', [77, 132, 470]));
    expect(inForce(check(yearReport(2024, (d) => setT2(d, '行政规范性文件', [62, 33, 440])), previous))).toEqual([]);
    expect(inForce(check(yearReport(2023, (d) => setT2(d, '行政规范性文件', [62, 33, 440]))))).toEqual([]);
  });
});
