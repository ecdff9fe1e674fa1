import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zip } from './fflate-sync';
import { failedRow, pendingRow, type AuditFinding, type AuditRow } from './model';
import type { RowReviews } from './review-types';
import { auditSheets, auditWorkbook, XLSX_TYPE } from './xlsx';

const finding: AuditFinding = {
  key: 'k1',
  rule: 't3-row-total',
  severity: 'error',
  message: { zh: '自然人 1 + 商业企业 0 = 1，但总计填报为 0，相差 1', en: 'natural persons 1 + businesses 0 = 1, but the total is 0: 1 apart' },
  table: 't3',
  row: 'v',
  col: 'total',
  section: null,
  expected: 1,
  actual: 0,
  cells: [],
};
const rows: AuditRow[] = [
  { ...pendingRow('https://www.example.gov.cn/2024.html'), state: 'done', title: '某某区人民政府2024年政府信息公开工作年度报告', agency: '某某区人民政府', year: 2024, format: '2021', errors: 1, warnings: 2, findings: [finding] },
  failedRow('https://www.example.gov.cn/404.html', { zh: '无法下载：服务器返回 404', en: 'Could not download: the server answered 404' }),
];
const reviews = (r: AuditRow): RowReviews => (r === rows[0] ? { k1: { verdict: 'confirmed', note: '已核实 & <确认>', at: '2026-03-01T08:00:00.000Z', hash: null, stale: false } } : {});

/** A sheet of the workbook as a grid of strings, shared strings resolved (what Excel shows). */
async function readSheets(book: Blob): Promise<Record<string, string[][]>> {
  const zipped = await JSZip.loadAsync(await book.arrayBuffer());
  const text = (p: string) => zipped.file(p)!.async('string');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const shared = [...(await text('xl/sharedStrings.xml')).matchAll(/<si>(.*?)<\/si>/gs)].map((m) => unescape([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')));
  const names = [...(await text('xl/workbook.xml')).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const out: Record<string, string[][]> = {};
  for (const [i, name] of names.entries()) {
    const xml = await text(`xl/worksheets/sheet${i + 1}.xml`);
    out[name] = [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map((row) => {
      const line: string[] = [];
      for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
        const col = [...c[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const v = /<v>(.*?)<\/v>/s.exec(c[3] ?? '')?.[1] ?? '';
        line[col] = /t="s"/.test(c[2]) ? shared[Number(v)] : /t="inlineStr"/.test(c[2]) ? unescape(/<t[^>]*>(.*?)<\/t>/s.exec(c[3])![1]) : v;
      }
      return Array.from(line, (x) => x ?? '');
    });
  }
  return out;
}

describe('auditWorkbook', () => {
  it('writes sheet 「报告」 (one row per report) and sheet 「问题」 (the CSV\'s lines), readable back from the zip', async () => {
    const book = await auditWorkbook(rows, reviews);
    expect(book.type).toBe(XLSX_TYPE);
    const sheets = await readSheets(book);
    expect(Object.keys(sheets)).toEqual(['报告', '问题']);
    expect(sheets['报告']).toEqual([
      ['输入', '机关', '标题', '年度', '格式', '状态', '错误', '警告', '原因'],
      ['https://www.example.gov.cn/2024.html', '某某区人民政府', '某某区人民政府2024年政府信息公开工作年度报告', '2024', '2021', '已核查', '1', '2'],
      ['https://www.example.gov.cn/404.html', '', '', '', '', '失败', '', '', '无法下载：服务器返回 404'],
    ]);
    const [header, line, status] = sheets['问题'];
    expect(header).toEqual(['输入', '机关', '标题', '年度', '格式', '规则', '级别', '表', '行', '列', '应为', '实为', '说明', '审核', '备注']);
    expect(line.slice(5)).toEqual(['t3-row-total', '错误', '表三', '「（七）总计」', '「总计」', '1', '0', finding.message.zh, '确认', '已核实 & <确认>']);
    expect([status[5], status[12]]).toEqual(['', '【失败】无法下载：服务器返回 404']);
    expect(sheets['问题'].length).toBe(auditSheets(rows, reviews)[1].lines.length + 1);
  });

  it('names its sheets in English when asked, and drops characters XML cannot hold', async () => {
    const odd = [{ ...rows[0], findings: [{ ...finding, message: { zh: '', en: 'a\u0001b\u000bc' } }] }];
    const sheets = await readSheets(await auditWorkbook(odd, () => ({}), 'en'));
    expect(Object.keys(sheets)).toEqual(['Reports', 'Findings']);
    expect(sheets.Findings[1][12]).toBe('abc');
    expect(sheets.Findings[1][6]).toBe('error');
  });

  it('writes a large audit (parts past fflate\'s 160 kB worker threshold)', async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ ...rows[0], input: `https://www.example.gov.cn/${i}.html`, findings: Array.from({ length: 10 }, (_, k) => ({ ...finding, key: `k${k}` })) }));
    const sheets = await readSheets(await auditWorkbook(many, () => ({})));
    expect(sheets['问题'].length).toBe(4001);
    expect(sheets['问题'][4000][0]).toBe('https://www.example.gov.cn/399.html');
  });
});

describe('fflate-sync (the extension build\'s fflate)', () => {
  it('zips as fflate does, past 160 kB, calling back in a later task', async () => {
    const big = new TextEncoder().encode('自然人 1 + 商业企业 0 = 1，'.repeat(20_000));
    let sync = true;
    const archive = await new Promise<Uint8Array>((resolve, reject) => {
      zip({ 'a.txt': big, 'b/c.txt': new Uint8Array([1, 2, 3]) }, (err, data) => (err ? reject(err) : resolve(data)));
      expect(big.length).toBeGreaterThan(160_000);
      sync = false;
    });
    expect(sync).toBe(false);
    const back = await JSZip.loadAsync(archive);
    expect(await back.file('a.txt')!.async('uint8array')).toEqual(big);
    expect(await back.file('b/c.txt')!.async('uint8array')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('can be cancelled before it runs, and reports an error through the callback', async () => {
    let called = false;
    zip({ 'a.txt': new Uint8Array([1]) }, { level: 6 }, () => (called = true))();
    await new Promise((r) => setTimeout(r, 20));
    expect(called).toBe(false);
    const err = await new Promise((resolve) => zip({ ['x'.repeat(70_000)]: new Uint8Array([1]) }, (e) => resolve(e)));
    expect(err).toBeTruthy();
  });
});
