// PDF text items laid out again as lines and cells, and the real PDF reports of ../shared read as
// their text versions are.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkDoc } from '../check';
import { isScanned, pageLines, pdfSource, pdfText, type PdfItem, type PdfPage, type PdfRule } from './pdf';
import { pageGraphics, structTables } from './pdf-extract';
import { pdfPages } from './pdf-node';
import { readText } from './text';

const item = (str: string, x: number, y: number, h = 10): PdfItem => ({ str, x, y, w: str.length * h, h });

describe('PDF text items as lines and cells', () => {
  it('puts items of one visual line together (values a size larger stand lower), cells apart by their gaps', () => {
    const items = [item('一、本年新收政府信息', 50, 700), item('公开申请数量', 150, 700), item('12', 300, 698.9, 14), item('3', 360, 698.9, 14), item('15', 420, 698.9, 14)];
    expect(pageLines(items)).toEqual([['一、本年新收政府信息公开申请数量', '12', '3', '15']]);
  });

  it('joins header cells wrapped over lines (「商业企」 over 「业」, 「其他」 centred among them)', () => {
    const items = [item('自然人', 100, 700), item('商业企', 160, 706), item('科研机', 220, 706), item('其他', 280, 700), item('业', 170, 694), item('构', 230, 694)];
    const cells = pageLines(items).flat();
    expect(cells).toContain('商业企业');
    expect(cells).toContain('科研机构');
    expect(cells).not.toContain('业');
  });

  it('never joins running text, values, or a line under a single cell', () => {
    const items = [item('二是政务公开队伍建设还需进一步加', 50, 700), item('强，个别单位存在人员配备不足', 50, 686)];
    expect(pageLines(items)).toHaveLength(2);
    // A lone value on its own line inside a page is a value, not a page number.
    expect(pageLines([item('合计', 50, 700), item('3', 200, 700), item('4', 260, 700), item('5', 205, 686), item('注：', 50, 672)])).toEqual([['合计', '3', '4'], ['5'], ['注：']]);
  });

  it('drops page numbers standing alone at the top or bottom of a page', () => {
    const page3 = [item('- 3 -', 280, 40), item('一、总体情况', 50, 700)];
    const page4 = [item('第 4 页', 280, 800), item('二、主动公开政府信息情况', 50, 700)];
    expect(pdfText([page3, page4])).toBe('一、总体情况\n二、主动公开政府信息情况');
  });

  it('calls a PDF whose pages hold no text a scan', () => {
    expect(isScanned([[], []])).toBe(true);
    expect(isScanned([[item('一、总体情况……'.repeat(10), 50, 700)]])).toBe(false);
  });
});

// Synthetic pages: one item per character (as Chromium prints), CJK a full em wide, digits about half.
const chars = (str: string, x: number, y: number, h = 10): PdfItem[] => {
  const out: PdfItem[] = [];
  let at = x;
  for (const ch of str) {
    const w = /[\d.]/.test(ch) ? 0.55 * h : h;
    out.push({ str: ch, x: at, y, w, h });
    at += w;
  }
  return out;
};
/** A number centred in the column [x0, x1]. */
const centred = (str: string, x0: number, x1: number, y: number, h = 10) => chars(str, (x0 + x1) / 2 - (str.length * 0.55 * h) / 2, y, h);
const page = (n: number, items: PdfItem[], rules: PdfRule[] = []): PdfPage => ({ page: n, view: [0, 0, 595, 842], items, rules });
/** The rules of a grid: full horizontal lines at ys, full vertical lines at xs (borders as thin boxes' centre lines). */
const gridRules = (xs: number[], ys: number[]): PdfRule[] => [
  ...ys.map((y) => ({ x1: xs[0], y1: y, x2: xs[xs.length - 1], y2: y, w: 0.75 })),
  ...xs.map((x) => ({ x1: x, y1: Math.min(...ys), x2: x, y2: Math.max(...ys), w: 0.75 })),
];

describe('PDF geometry: pages as pdf.js gives them', () => {
  it('rebuilds cells from items split per character, numbers of neighbouring columns apart', () => {
    const items = [...chars('一、本年新收政府信息公开申请数量', 50, 700), ...centred('12', 220, 250, 700), ...centred('3', 250, 280, 700), ...centred('15', 280, 310, 700)];
    expect(pageLines(items)).toEqual([['一、本年新收政府信息公开申请数量', '12', '3', '15']]);
  });

  it('reads a ruled table cell by cell: a label wrapped over three lines is one cell, its numbers on the middle line stay in its row', () => {
    const xs = [50, 110, 160, 210];
    const ys = [720, 700, 650, 630];
    const items = [
      ...chars('项目', 60, 706),
      ...chars('件数', 120, 706),
      ...chars('合计', 170, 706),
      // Label 「（一）本机关认为不属于」 wrapped in a narrow column, the numbers centred in the row.
      ...chars('（一）本', 52, 680),
      ...chars('机关认为', 52, 668),
      ...chars('不属于', 52, 656),
      ...centred('3', 110, 160, 668),
      ...centred('3', 160, 210, 668),
      ...chars('总计', 60, 636),
      ...centred('3', 110, 160, 636),
      ...centred('3', 160, 210, 636),
    ];
    expect(pdfText([page(1, items, gridRules(xs, ys))])).toBe('项目\t件数\t合计\n（一）本机关认为不属于\t3\t3\n总计\t3\t3');
  });

  it('keeps a blank cell of a ruled table as an empty cell in its column', () => {
    const xs = [50, 110, 160, 210];
    const ys = [720, 700, 680];
    const items = [...chars('项目', 60, 706), ...chars('甲', 120, 706), ...chars('乙', 170, 706), ...chars('规章', 60, 686), ...centred('7', 160, 210, 686)];
    expect(pdfText([page(1, items, gridRules(xs, ys))])).toBe('项目\t甲\t乙\n规章\t\t7');
  });

  it('drops header rows printed again on the next page and joins a row cut by the page break', () => {
    const xs = [50, 150, 200, 250];
    const head = [...chars('项目', 60, 786), ...chars('甲', 160, 786), ...chars('乙', 210, 786)];
    const one = page(1, [...head, ...chars('规章', 60, 766), ...centred('1', 150, 200, 766), ...centred('2', 200, 250, 766), ...chars('（一）本机关认为', 52, 746)], gridRules(xs, [800, 780, 760, 740]).filter((r) => !(r.y1 === 740 && r.y2 === 740)));
    const two = page(2, [...head, ...chars('不属于', 52, 766), ...centred('4', 150, 200, 766), ...centred('5', 200, 250, 766), ...chars('合计', 60, 746), ...centred('5', 150, 200, 746), ...centred('7', 200, 250, 746)], gridRules(xs, [800, 780, 760, 740]));
    expect(pdfText([one, two])).toBe('项目\t甲\t乙\n规章\t1\t2\n（一）本机关认为不属于\t4\t5\n合计\t5\t7');
  });

  it('drops page numbers and a running header or footer repeated on the pages, keeps the body', () => {
    const pages = [1, 2, 3].map((n) => page(n, [...chars('某某局2023年政府信息公开工作年度报告', 150, 810, 8), ...chars(`第${n}页`, 280, 30, 8), ...chars(n === 1 ? '一、总体情况' : n === 2 ? '二、主动公开政府信息情况' : '三、收到和处理政府信息公开申请情况', 50, 700)]));
    expect(pdfText(pages)).toBe('一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况');
  });

  it('folds Kangxi radicals and supplement radicals that fonts map characters to', () => {
    expect(pdfText([page(1, chars('申请\u2f08情况\u2ed3期', 50, 700))])).toBe('申请人情况长期');
  });

  it('shares out a label wrapped around its numbers in a table without rules (each label centred on its numbers)', () => {
    // Two rows, each label over three lines in a narrow column, the numbers on its middle line.
    const items = [
      ...chars('1.属', 50, 700),
      ...chars('于国', 50, 688),
      ...centred('0', 100, 130, 688),
      ...centred('6', 130, 160, 688),
      ...chars('家秘密', 50, 676),
      ...chars('2.其', 50, 658),
      ...chars('他法', 50, 646),
      ...centred('1', 100, 130, 646),
      ...centred('2', 130, 160, 646),
      ...chars('律', 50, 634),
      ...chars('3.危', 50, 616),
      ...centred('5', 100, 130, 616),
      ...centred('5', 130, 160, 616),
    ];
    expect(pageLines(items)).toEqual([
      ['1.属于国家秘密', '0', '6'],
      ['2.其他法律', '1', '2'],
      ['3.危', '5', '5'],
    ]);
  });

  it('reads a tagged table without rules by its structure (rows TR, cells TD)', () => {
    // The second label's two runs stand apart (by position they would be two cells): one TD.
    const items = [...chars('规章', 50, 700), ...centred('3', 120, 150, 700), ...chars('行政', 50, 680), ...chars('规范性文件', 82, 680), ...centred('4', 150, 180, 680)];
    const ids = new Map([
      ['a', [0, 1]],
      ['b', [2]],
      ['c', [3, 4, 5, 6, 7, 8, 9]],
      ['d', [10]],
    ]);
    expect(pdfText([page(1, items)])).not.toBe('规章\t3\n行政规范性文件\t4');
    const td = (id: string) => ({ role: 'TD', children: [{ type: 'content', id }] });
    const tree = { role: 'Root', children: [{ role: 'Table', children: [{ role: 'TBody', children: [{ role: 'TR', children: [td('a'), td('b')] }, { role: 'TR', children: [td('c'), td('d')] }] }] }] };
    const struct = structTables(tree, ids);
    expect(struct).toHaveLength(1);
    expect(pdfText([{ ...page(1, items), struct }])).toBe('规章\t3\n行政规范性文件\t4');
  });

  it('reads by position a tagged table whose tags disagree with the page (cells out of order)', () => {
    const items = [...chars('规章', 50, 700), ...centred('3', 120, 150, 700)];
    const ids = new Map([
      ['a', [0, 1]],
      ['b', [2]],
    ]);
    // The number tagged as the row's first cell, the label as its second.
    const td = (id: string) => ({ role: 'TD', children: [{ type: 'content', id }] });
    const struct = structTables({ role: 'Table', children: [{ role: 'TR', children: [td('b'), td('a')] }] }, ids);
    expect(pdfText([{ ...page(1, items), struct }])).toBe('规章\t3');
  });

  it('finds ruling lines in an operator list: thin filled boxes and stroked lines under the CTM, not white boxes', () => {
    const OPS = { save: 10, restore: 11, transform: 12, constructPath: 91, fill: 22, stroke: 20, setFillRGBColor: 59 };
    const box = (x: number, y: number, w: number, h: number) => new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);
    const fn = [OPS.save, OPS.transform, OPS.setFillRGBColor, OPS.constructPath, OPS.setFillRGBColor, OPS.constructPath, OPS.restore, OPS.constructPath];
    const args = [[], [1, 0, 0, -1, 0, 842], ['#000000'], [OPS.fill, [box(50, 100, 200, 0.75)], null], ['#ffffff'], [OPS.fill, [box(0, 0, 595, 842)], null], [], [OPS.stroke, [new Float32Array([0, 50, 600, 1, 50, 700])], null]];
    const { rules } = pageGraphics(fn, args as unknown[][]);
    // The thin box flipped by the CTM (y down to y up), the stroked vertical line as is; the white page box is no rule.
    expect(rules.map((r) => [r.x1, Math.round(r.y1 * 10) / 10, r.x2, Math.round(r.y2 * 10) / 10])).toEqual([
      [50, 741.6, 250, 741.6],
      [50, 600, 50, 700],
    ]);
  });

  it('anchors every token on its page, at the box of its characters', () => {
    const doc = pdfSource([page(1, chars('一、总体情况', 50, 700)), page(2, [...chars('规章', 50, 700), ...centred('12', 100, 130, 700)])]);
    const number = doc.lines.flatMap((l) => l.tokens).find((t) => t.raw === '12')!;
    expect(number.anchor.kind).toBe('pdf');
    if (number.anchor.kind !== 'pdf') return;
    expect(number.anchor.page).toBe(2);
    const [x1, y1, x2, y2] = number.anchor.rect;
    expect(x1).toBeCloseTo(109.5, 0);
    expect(x2).toBeCloseTo(120.5, 0);
    expect(y1).toBeLessThan(700);
    expect(y2).toBeGreaterThan(705);
    expect(doc.lines[0].anchor).toMatchObject({ kind: 'pdf', page: 1 });
  });
});

describe('the real PDF reports of ../shared', () => {
  const briefs = (r: ReturnType<typeof checkDoc>) => r.findings.map((f) => `${f.rule}:${f.severity}:${f.cells.map((c) => `${c.row}.${c.col}`).join(',')}`).sort();
  it.each(['001', '002', '003'])('%s: the PDF gives the findings of its text version', async (id) => {
    const pages = await pdfPages(new Uint8Array(readFileSync(`../shared/reports/${id}/source.pdf`)));
    expect(isScanned(pages)).toBe(false);
    const fromPdf = checkDoc(pdfSource(pages));
    const fromText = checkDoc(readText(readFileSync(`../shared/reports/${id}/source.txt`, 'utf8')));
    expect(fromPdf.detection.isReport).toBe(true);
    expect(briefs(fromPdf)).toEqual(briefs(fromText));
  });
});
