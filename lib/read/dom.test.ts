import { describe, expect, it } from 'vitest';
import { makeReport } from '../../test/fixtures/generate';
import { renderTsv } from '../../test/fixtures/render';
import { checkHtml } from '../../test/helpers';
import { parseHtml } from '../cli/html';
import { readDocument } from '../source';
import { cellText, readDom, readDomSteps } from './dom';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const report = () => makeReport(Array.from({ length: 21 }, (_, i) => [i % 3, 0, 0, 0, 0, 1]), [0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [[0, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]]);

describe('DOM reader', () => {
  it('joins inline runs and reads <br> and paragraphs in a cell as spaces', async () => {
    const page = parseHtml('<table><tr><td><p><span>本年新</span><br/><span>制作数量</span></p></td><td><p><span>1</span><span>2</span></p></td></tr></table>');
    const [a, b] = Array.from(page.document.querySelectorAll('td'));
    expect(cellText(a)).toBe('本年新 制作数量');
    expect(cellText(b)).toBe('12');
    await page.close();
  });

  it('reads a heading split across <font> runs as one line', async () => {
    const page = parseHtml('<div><p><font>三、收到和处理</font><font>政府信息公开申请情况</font></p><p>正文。</p></div>');
    const doc = readDom(page.document.body);
    expect(doc.lines.map((l) => l.text)).toEqual(['三、收到和处理政府信息公开申请情况', '正文。']);
    await page.close();
  });

  it('reads a table pasted as one paragraph per cell', async () => {
    const text = renderTsv(report());
    const html = text
      .split('\n')
      .map((line) => line.split('\t').map((cell) => `<p>${esc(cell) || '&nbsp;'}</p>`).join(''))
      .join('\n');
    const r = await checkHtml(`<html><body>${html}</body></html>`);
    expect(r.report!.tables.t3.rows.a.cells.map((c) => c.value)).toEqual([20, 0, 0, 0, 0, 21, 41]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('ignores site chrome around the report: navigation, sidebars listing other reports, footers', async () => {
    const r = await checkHtml(`<html><head><title>2023年政府信息公开工作年度报告</title></head><body>
      <nav><a>首页</a><a>2022年政府信息公开工作年度报告</a></nav>
      <div class="sidebar"><p>三、收到和处理政府信息公开申请情况 12 34</p></div>
      <div class="article"><pre>${esc(renderTsv(report()))}</pre></div>
      <div class="footer">网站标识码 1234567890 电话 12345</div></body></html>`);
    expect(r.report!.tables.t3.found).toBe(true);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('anchors every cell to its DOM node', async () => {
    const page = parseHtml('<table><tr><td>规章</td><td>0</td></tr></table>');
    const doc = readDocument(page.document);
    const cell = doc.lines[0].tokens[1];
    expect(cell.anchor.kind).toBe('dom');
    expect((cell.anchor as { node: Element }).node.tagName).toBe('TD');
    await page.close();
  });
});

describe('a page nested thousands deep', () => {
  it('is read without running out of stack', async () => {
    const { Window } = await import('happy-dom');
    const w = new Window();
    const doc = w.document as unknown as Document;
    // (A title in the head: happy-dom's own title lookup is recursive and would search the body.)
    doc.title = '报告';
    let el: Element = doc.body;
    const chain: Element[] = [];
    // Built by script, as a page's own code could: no parser depth cap applies.
    for (let i = 0; i < 20_000; i++) {
      const d = doc.createElement(i % 2 ? 'span' : 'div');
      el.appendChild(d);
      chain.push(d);
      el = d;
    }
    el.textContent = '一、总体情况';
    const lines = readDom(doc.body).lines;
    expect(lines.map((l) => l.text)).toEqual(['一、总体情况']);
    // Taken apart from the bottom: happy-dom's own teardown is recursive.
    for (const d of chain.reverse()) d.remove();
    await w.happyDOM.close();
  });
});

describe('the read in steps', () => {
  it('gives way on a big page and reads it as in one pass', async () => {
    const rows = Array.from({ length: 800 }, (_, i) => `<li><a href="/a/${i}.html">新闻标题第${i}条</a><span>2024-01-0${i % 9}</span></li>`).join('');
    const page = parseHtml(`<html><body><ul>${rows}</ul><p>本年新收政府信息公开申请数量 12 件。</p></body></html>`);
    const whole = readDom(page.document.body);
    const steps = readDomSteps(page.document.body);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    // 800 items of three nodes and their text: several steps, each a bounded number of nodes.
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(r.value.lines.map((l) => l.text)).toEqual(whole.lines.map((l) => l.text));
    expect(r.value.lines.length).toBe(801);
    await page.close();
  });
});
