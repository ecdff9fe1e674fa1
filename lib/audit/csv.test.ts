import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findingsCsv, findingHeader, findingLines } from './csv';
import { auditRowOf, failedRow, pendingRow, type AuditFinding, type AuditRow } from './model';
import type { RowReviews } from './review-types';

const finding = (over: Partial<AuditFinding> = {}): AuditFinding => ({
  key: 't3-row-total||t3:c:natural,t3:c:total|',
  rule: 't3-row-total',
  severity: 'error',
  message: { zh: '自然人 1 + 商业企业 0 = 1，但总计填报为 0，相差 1', en: 'natural persons 1 + businesses 0 = 1, but the total is 0: 1 apart' },
  table: 't3',
  row: 'e3',
  col: 'commercial',
  section: null,
  expected: 1,
  actual: 0,
  cells: [],
  ...over,
});

const row = (over: Partial<AuditRow> = {}): AuditRow => ({
  ...pendingRow('https://www.example.gov.cn/2024.html'),
  state: 'done',
  url: 'https://www.example.gov.cn/2024.html',
  title: '某某区人民政府2024年政府信息公开工作年度报告',
  agency: '某某区人民政府',
  year: 2024,
  format: '2021',
  errors: 1,
  findings: [finding()],
  ...over,
});

const none = () => ({});
/** The CSV read back as Excel would: BOM off, CRLF lines, quoted fields. */
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data;

describe('findingsCsv', () => {
  it('is UTF-8 with a BOM and CRLF line ends, headed in Chinese by default', () => {
    const csv = findingsCsv([row()], none);
    expect(csv.startsWith('\uFEFF输入,机关,标题,年度,格式,规则,级别,表,行,列,应为,实为,说明,审核,备注\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(findingsCsv([row()], none, 'en').split('\r\n')[0]).toBe('\uFEFFinput,agency,title,year,format,rule,severity,table,row,column,expected,actual,message,review,note');
  });

  it('names table, row and column as the user reads them, and round-trips Chinese through papaparse', () => {
    const [header, line] = parse(findingsCsv([row()], none));
    expect(header).toEqual(findingHeader('zh'));
    expect(line).toEqual([
      'https://www.example.gov.cn/2024.html',
      '某某区人民政府',
      '某某区人民政府2024年政府信息公开工作年度报告',
      '2024',
      '2021',
      't3-row-total',
      '错误',
      '表三',
      '「（三）不予公开 3.危及“三安全一稳定”」',
      '「商业企业」',
      '1',
      '0',
      '自然人 1 + 商业企业 0 = 1，但总计填报为 0，相差 1',
      '',
      '',
    ]);
    // English: the severity is the JSON's own id.
    const [, en] = parse(findingsCsv([row()], none, 'en'));
    expect(en[6]).toBe('error');
    expect(en[12]).toMatch(/^natural persons/);
  });

  it('quotes commas, quotes and line breaks in messages and notes, and they parse back whole', () => {
    const message = { zh: '第一行，含逗号, 和"引号"\n第二行\r\n第三行', en: 'a, "b"\nc' };
    const reviews = (): RowReviews => ({ [finding().key]: { verdict: 'confirmed', note: '已与填报人核实, "总计"漏填\n下次改正', at: '2026-03-01T08:00:00.000Z', hash: null, stale: false } });
    const csv = findingsCsv([row({ findings: [finding({ message })] })], reviews);
    const [, line] = parse(csv);
    expect(line[12]).toBe(message.zh);
    expect(line[13]).toBe('确认');
    expect(line[14]).toBe('已与填报人核实, "总计"漏填\n下次改正');
    expect(csv).toContain('"第一行，含逗号, 和""引号""');
  });

  it('keeps a message or note that begins with = + - @ from running as a formula, even over two lines', () => {
    const reviews = (): RowReviews => ({ [finding().key]: { verdict: 'excluded', note: '=HYPERLINK("http://x")', at: '2026-03-01T08:00:00.000Z', hash: 'a', stale: true } });
    const rows = [row({ findings: [finding({ message: { zh: '=1+1\n第二行', en: '@SUM(A1)' } })] })];
    const [, line] = parse(findingsCsv(rows, reviews));
    expect(line[12]).toBe("'=1+1\n第二行");
    expect(line[14]).toBe('\'=HYPERLINK("http://x")');
    expect(line[13]).toBe('排除（报告内容在审核后已变化，审核意见可能已过时）');
    expect(parse(findingsCsv(rows, reviews, 'en'))[1][12]).toBe("'@SUM(A1)");
  });

  it('gives a report without findings a status line, with the rule column empty; every finding line has one', () => {
    const rows = [
      row(),
      failedRow('https://www.example.gov.cn/404.html', { zh: '无法下载：服务器返回 404', en: 'Could not download: the server answered 404' }),
      { ...pendingRow('https://www.example.gov.cn/news.html'), state: 'not-report' as const, why: { zh: '未检测到政府信息公开工作年度报告', en: 'No report was detected' } },
      row({ input: 'clean.html', findings: [], errors: 0, notices: [{ zh: '第 2 张图片无法识别', en: 'Picture 2 could not be read' }] }),
    ];
    const lines = parse(findingsCsv(rows, none)).slice(1);
    expect(lines.map((l) => [l[0], l[5], l[12]])).toEqual([
      ['https://www.example.gov.cn/2024.html', 't3-row-total', '自然人 1 + 商业企业 0 = 1，但总计填报为 0，相差 1'],
      ['https://www.example.gov.cn/404.html', '', '【失败】无法下载：服务器返回 404'],
      ['https://www.example.gov.cn/news.html', '', '【非年报】未检测到政府信息公开工作年度报告'],
      ['clean.html', '', '【已核查】未发现问题'],
      ['clean.html', '', '【未能核对】第 2 张图片无法识别'],
    ]);
    expect(lines.filter((l) => l[5]).every((l) => l[6])).toBe(true);
    expect(lines.filter((l) => !l[5]).every((l) => !l[6])).toBe(true);
  });

  it('writes the findings of a real report: one line each, with the JSON\'s rule, expected and actual', async () => {
    const { checkBytes, reportSource } = await import('../../test/helpers');
    const { kind, bytes } = reportSource('015');
    const result = await checkBytes(kind, bytes);
    const r = auditRowOf('015', result);
    expect(result.findings.length).toBeGreaterThan(0);
    const lines = findingLines([r], none, 'zh');
    expect(lines.map((l) => [l.rule, l.expected, l.actual])).toEqual(result.findings.map((f) => [f.rule, f.expected, f.actual]));
    const parsed = parse(findingsCsv([r], none)).slice(1);
    expect(parsed.map((l) => l[12])).toEqual(result.findings.map((f) => f.message.zh));
  });
});
