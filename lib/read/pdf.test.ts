// PDF text items laid out again as lines and cells, and the real PDF reports of ../shared read as
// their text versions are.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkDoc } from '../check';
import { isScanned, pageLines, pdfSource, pdfText, type PdfItem } from './pdf';
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
