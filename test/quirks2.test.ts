// More of what other tools put in a report (a second outside try): footnote marks, hidden spans,
// invisible characters, form fields, spacing paragraphs, innerText's row-end tabs, WPS columns, minus signs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../lib/model';
import { loadInput } from '../lib/cli/load';
import { baseReport, COL, t3row } from './fixtures/base';
import { renderQuirks, renderTsv, type SeedData } from './fixtures/render';
import { checkHtml, checkPlain } from './helpers';

/** The base report with f1's 社会公益组织 cell marked so a test can rewrite it (its value is kept). */
const marked = (d: SeedData) => {
  const v = t3row(d, 'f1').values[COL.social];
  t3row(d, 'f1').values[COL.social] = `@@${v}@@`;
  return { html: renderQuirks(d, {}), v };
};
const cellOf = (html: string, replace: (v: string) => string, v: string) => html.replace(`@@${v}@@`, replace(v));

describe.each([
  ['a footnote mark after the number', (v: string) => `${v}<sup>注</sup>`],
  ['a hidden span before the number', (v: string) => `<span style="display:none">x</span>${v}`],
  ['a zero-width space after the number', (v: string) => `${v}&#8203;`],
  ['the number in a form field', (v: string) => `<input type="text" value="${v}">`],
  ['the number in a textarea', (v: string) => `<textarea>${v}</textarea>`],
])('%s', (_, write) => {
  it('is the number', async () => {
    const d = baseReport();
    const { html, v } = marked(d);
    const r = await checkHtml(cellOf(html, write, v));
    expect(r.report!.tables.t3.rows.f1.cells[COL.social].value).toBe(Number(v));
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.message.en)).toEqual([]);
  });
  it('a changed number there is an error naming it', async () => {
    const v = t3row(baseReport(), 'f1').values[COL.social];
    const d2 = baseReport();
    t3row(d2, 'f1').values[COL.social] = `@@${Number(v) + 4}@@`;
    const changed = await checkHtml(cellOf(renderQuirks(d2, {}), write, String(Number(v) + 4)));
    expect(changed.findings.some((f) => f.severity === 'error' && f.cells.some((c) => c.row === 'f1' && c.col === 'social'))).toBe(true);
  });
});

describe('invisible characters', () => {
  it('a cell holding only a zero-width space is a blank', async () => {
    const d = baseReport();
    t3row(d, 'f1').values[COL.social] = '@@0@@';
    const r = await checkHtml(renderQuirks(d, {}).replace('@@0@@', '&#8203;'));
    expect(r.report!.tables.t3.rows.f1.cells.map((c) => c.state)).toEqual(['number', 'number', 'number', 'blank', 'number', 'number', 'number']);
  });
  it('inside a label they are no difference of wording', async () => {
    const d = baseReport();
    t3row(d, 'b').label = '二、上年\u200b结转政府信息公开申\u00ad请数量';
    d.t2.subtables[0].rows[1][0] = '行政规\u200b范性文件';
    const r = await checkHtml(renderQuirks(d, {}));
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.message.en)).toEqual([]);
  });
});

describe('spacing around a page\'s own tables', () => {
  it('table 四 split in two tables with an empty paragraph between them reads its 15 values', async () => {
    const d = baseReport();
    const html = renderQuirks(d, {});
    // Cut table 四's header from its data row: two tables, an empty paragraph between.
    const i = html.lastIndexOf('<tr>', html.lastIndexOf('</table>'));
    const split = `${html.slice(0, i)}</table><p>&nbsp;</p><table border="1">${html.slice(i)}`;
    const r = await checkHtml(split);
    expect(r.report!.tables.t4.rows.cells.cells.map((c) => c.value)).toEqual(d.t4.values.map(Number));
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.message.en)).toEqual([]);
  });
});

describe('text copied from other programs', () => {
  it('innerText: a tab ends every row; a blank first cell stays in its column', () => {
    const d = baseReport();
    // e3's 自然人 is 0: printed blank.
    expect(t3row(d, 'e3').values[COL.natural]).toBe('0');
    t3row(d, 'e3').values[COL.natural] = '';
    const text = renderTsv(d).split('\n').map((l) => (l.includes('\t') ? `${l}\t` : l)).join('\n');
    const r = checkPlain(text);
    expect(r.report!.tables.t3.rows.e3.cells.map((c) => c.value)).toEqual([null, ...t3row(d, 'e3').values.slice(1).map(Number)]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('WPS: fields apart by two spaces or more, a label with commas in it, is not CSV', () => {
    const d = baseReport();
    t3row(d, 'd').label = '(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)';
    const text = renderTsv(d).replace(/\t/g, '   ');
    const r = checkPlain(text);
    expect(r.report!.tables.t3.rows.d.label).toBeDefined();
    expect(r.findings.filter((f) => f.rule === 'table-unreadable')).toEqual([]);
  });
  it('Markdown with raw HTML tables is read as a page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nbc-md-'));
    const html = renderQuirks(baseReport(), {});
    const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>')).replace(/<h2>(.*?)<\/h2>/g, '\n## $1\n').replace(/<p>(.*?)<\/p>/g, '\n$1\n');
    writeFileSync(join(dir, 'r.md'), `# 某某局2023年政府信息公开工作年度报告\n${body}`);
    const loaded = await loadInput(join(dir, 'r.md'));
    expect(loaded.kind).toBe('html');
    const r = await checkHtml(loaded.text);
    expect(r.report!.tables.t3.found && r.report!.tables.t4.found).toBe(true);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.message.en)).toEqual([]);
  });
});

describe('signs and marks in a cell', () => {
  it.each([
    ['−9', -9],
    ['–9', -9],
    ['0※', 0],
    ['12（注1）', 12],
    ['\u200b', null],
  ])('%j is read as %j', (raw, value) => {
    const c = classify(raw);
    expect(value === null ? c.kind : c.value).toBe(value === null ? 'blank' : value);
  });
});
