import { describe, expect, it } from 'vitest';
import { parseHtml } from '../cli/html';
import { DocxError, sanitise } from './docx';
import { renderDocxNode } from './docx-node';
import { zipDocx } from '../../test/fixtures/docx';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const tc = (t: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;

describe('.docx rendered for reading', () => {
  it('sanitise: nothing that runs or loads, images only inline, links to a new tab without access to us', () => {
    const page = parseHtml('<div id="x"><iframe src="https://a"></iframe><script>1</script><object></object><embed><link rel="stylesheet" href="https://a/s.css"><img src="https://a/p.png"><img src="data:image/png;base64,AA=="><a href="javascript:alert(1)">j</a><a href="https://gov.cn/x" onclick="f()">k</a><p onmouseover="f()" style="color:red">t</p></div>');
    const root = page.document.getElementById('x')!;
    sanitise(root);
    expect(root.innerHTML).toBe('<img src="data:image/png;base64,AA=="><a>j</a><a href="https://gov.cn/x" target="_blank" rel="noopener noreferrer">k</a><p style="color:red">t</p>');
    void page.close();
  });

  it('gridSpan, vMerge restart/continue, gridBefore (a placeholder, no cell), w:br and split runs in Node as in the viewer', async () => {
    const rows = [
      `<w:tr>${tc('甲', '<w:vMerge w:val="restart"/>')}${tc('乙', '<w:gridSpan w:val="2"/>')}</w:tr>`,
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('1')}<w:tc><w:p><w:r><w:t>1</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>2</w:t></w:r></w:p></w:tc></w:tr>`,
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>上</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>下</w:t></w:r></w:p></w:tc>${tc('3')}</w:tr>`,
    ];
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>${rows.join('')}</w:tbl><w:p><w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p></w:body></w:document>`;
    const page = await renderDocxNode(await zipDocx(xml));
    try {
      const { readDom } = await import('./dom');
      const lines = readDom(page.document.body).lines.filter((l) => l.tokens.some((t) => t.htmlCell));
      expect(lines.map((l) => l.tokens.map((t) => `${t.raw}@${t.grid!.col}+${t.grid!.span}`))).toEqual([['甲@0+1', '乙@1+2'], ['1@1+1', '12@2+1'], ['上 下@1+1', '3@2+1']]);
      expect(page.document.querySelector('td[rowspan="2"]')?.textContent).toBe('甲');
    } finally {
      await page.close();
    }
  });

  it('a damaged or foreign file: a DocxError in both languages', async () => {
    const bad = await renderDocxNode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])).catch((e) => e);
    expect(bad).toBeInstanceOf(DocxError);
    expect((bad as DocxError).zh).toContain('Word 文件已损坏');
    expect((bad as DocxError).en).toContain('damaged');
  });
});

describe('list numbers written as text', () => {
  it('formats agencies use', async () => {
    const { formatNumber } = await import('./docx');
    expect([1, 2, 10, 11, 20, 23].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '二', '十', '十一', '二十', '二十三']);
    expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
    expect(formatNumber(2, 'decimalEnclosedCircle')).toBe('②');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(7)).toBe('7');
  });

  it('numbered paragraphs get their numbers as text, levels counted and restarted', async () => {
    const { writeNumbering } = await import('./docx');
    const page = parseHtml('<div id="r"><p class="docx-num-1-0">总体情况</p><p class="docx-num-1-1">组织</p><p class="docx-num-1-1">制度</p><p class="docx-num-1-0">主动公开</p><p class="docx-num-1-1">规章</p><p class="docx-num-9-0">圆点</p></div>');
    const root = page.document.getElementById('r')!;
    writeNumbering(root, [
      { id: '1', level: 0, start: 1, format: 'chineseCounting', levelText: '%1、', suff: 'nothing' },
      { id: '1', level: 1, start: 1, format: 'chineseCounting', levelText: '（%2）', suff: 'nothing' },
      { id: '9', level: 0, start: 1, format: 'bullet', levelText: '•', suff: 'tab' },
    ]);
    expect(Array.from(root.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['一、总体情况', '（一）组织', '（二）制度', '二、主动公开', '（一）规章', '圆点']);
    expect(root.querySelector('.docx-num-1-0')).toBeNull();
    void page.close();
  });

  it('as Word counts: lists of one definition count on together, a w:startOverride restarts', async () => {
    const { writeNumbering } = await import('./docx');
    const page = parseHtml('<div id="r"><p class="docx-num-10-0">a</p><p class="docx-num-10-0">b</p><p class="docx-num-11-0">c</p><p class="docx-num-12-0">d</p><p class="docx-num-12-0">e</p></div>');
    const root = page.document.getElementById('r')!;
    const lvl = (id: string) => ({ id, level: 0, start: 1, format: 'decimal', levelText: '%1.', suff: 'nothing' });
    writeNumbering(root, [lvl('10'), lvl('11'), lvl('12')], new Map([
      ['10', { abstractId: '1', starts: new Map() }],
      ['11', { abstractId: '1', starts: new Map() }],
      ['12', { abstractId: '1', starts: new Map([[0, 1]]) }],
    ]));
    expect(Array.from(root.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['1.a', '2.b', '3.c', '1.d', '2.e']);
    void page.close();
  });
});
