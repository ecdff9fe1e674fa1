// The command line: readable summary, the JSON contract, exit codes, bad input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { z } from 'zod';
import { FindingJsonSchema } from '../../lib/json-schema';
import { layoutOf } from '../fixtures/render';

const SEEDS = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
const REPORTS = fileURLToPath(new URL('../../../shared/reports/', import.meta.url));


const ReportJson = z
  .object({
    input: z.string(),
    detected: z.boolean(),
    report: z
      .object({
        title: z.string().nullable(),
        year: z.number().nullable(),
        format: z.enum(['2021', '2019', 'pre-2019', 'unknown']),
        sections: z.array(z.object({ n: z.number(), heading: z.string(), found: z.boolean() }).strict()),
        tables: z
          .object({
            t2: z.object({ rows: z.record(z.string(), z.array(z.number().nullable())) }).strict(),
            t3: z.object({ rows: z.record(z.string(), z.array(z.number().nullable()).length(7)) }).strict(),
            t4: z.object({ cells: z.array(z.number().nullable()) }).strict(),
          })
          .strict(),
      })
      .strict()
      .nullable(),
    findings: z.array(FindingJsonSchema),
    notices: z.array(z.string()),
  })
  .strict();

describe('nianbao-check', () => {
  it('prints a readable Chinese summary for every seed, with the equation', async () => {
    const { code, stdout } = await cli(`${SEEDS}001.txt`, `${SEEDS}003.txt`);
    expect(code).toBe(0);
    expect(stdout).toContain('结论：0 个错误，6 个警告');
    expect(stdout).toContain('【第三部分 / 表三】');
    expect(stdout).toContain('「（―）予以公开」');
  });

  it('exits 1 when errors were found, and shows the equation with the gap', async () => {
    const { code, stdout } = await cli(`${REPORTS}002/source.txt`);
    expect(code).toBe(1);
    expect(stdout).toContain('结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，但总计填报为 0，相差 11');
  });

  it('--json prints one object per input, one per line, in the contract shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nbc-'));
    const cms = join(dir, '000.cms.html');
    writeFileSync(cms, layoutOf('000', 'cms').bytes);
    const { code, stdout } = await cli('--json', `${SEEDS}000.txt`, cms, `${REPORTS}002/source.txt`);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const objs = lines.map((l) => ReportJson.parse(JSON.parse(l)));
    expect(objs[0].report!.format).toBe('2021');
    expect(objs[0].report!.tables.t3.rows.a).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(objs[0].report!.sections.map((s) => s.found)).toEqual([true, true, true, true, true, true]);
    expect(objs[1].findings).toEqual(objs[0].findings);
    const t4 = objs[2].findings.find((f) => f.rule === 't4-block-total')!;
    expect(t4.cells[4]).toEqual({ table: 't4', row: 'review', col: 'total', value: 0 });
    expect([t4.expected, t4.actual]).toEqual([11, 0]);
    const mismatch = objs[2].findings.find((f) => f.rule === 'format-mismatch')!;
    expect(mismatch).toMatchObject({ section: 3, cells: [] });
    const label = objs[2].findings.find((f) => f.rule === 'label-variant')!;
    expect(label.cells).toEqual([{ table: 't3', row: 'e2', col: null, value: null }]);
  });

  it('blank cells are null in the JSON', async () => {
    const { stdout } = await cli('--json', `${SEEDS}001.txt`);
    const obj = ReportJson.parse(JSON.parse(stdout));
    expect(obj.report!.tables.t3.rows.t2).toEqual([null, null, null, null, null, null, null]);
    expect(obj.report!.tables.t2.rows.licensing).toEqual([null]);
  });

  it('--lang en writes the messages in English', async () => {
    const { stdout } = await cli('--json', '--lang', 'en', `${REPORTS}002/source.txt`);
    const obj = ReportJson.parse(JSON.parse(stdout));
    expect(obj.findings.find((f) => f.rule === 't4-block-total')!.message).toContain('upheld 10 + corrected 1 + other result 0 + pending 0 = 11, but total is given as 0, a gap of 11');
  });

  it('exits 2 on an input it cannot read, says which and why in both languages, and still checks the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nbc-'));
    const damaged = join(dir, 'report.pdf');
    writeFileSync(damaged, '%PDF-1.4\n this is not really a PDF');
    // A Word file served under a neutral name: known by its bytes (a zip holding word/).
    const word = join(dir, 'attachment.bin');
    writeFileSync(word, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('word/document.xml')]));
    const { code, stdout, stderr } = await cli('/nonexistent/report.html', `${SEEDS}002.txt`, damaged, word);
    expect(code).toBe(2);
    expect(stderr).toContain('无法读取 /nonexistent/report.html：文件不存在');
    expect(stderr).toContain('Could not read /nonexistent/report.html: no such file');
    expect(stderr).toContain('PDF 文件已损坏');
    expect(stderr).toContain('Word 文件已损坏或不是有效的 .docx');
    expect(stdout).toContain('中卫市公共资源交易中心');
  });

  it('reads a PDF report by its text layer', async () => {
    const { code, stdout } = await cli(`${REPORTS}001/source.pdf`);
    expect(code).toBe(0);
    expect(stdout).toContain('淮安市人民政府');
    expect(stdout).toContain('0 个错误');
  });

  it('says plainly when a page is not a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nbc-'));
    const page = join(dir, 'news.html');
    writeFileSync(page, '<html><head><title>新闻</title></head><body><p>今天天气很好。</p></body></html>');
    const { code, stdout } = await cli(page);
    expect(code).toBe(0);
    expect(stdout).toContain('未检测到政府信息公开工作年度报告');
  });

  it('a bad command line says why in both languages and exits 2', async () => {
    const unknown = await cli('--jsno', `${SEEDS}001.txt`);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知选项：--jsno');
    expect(unknown.stderr).toContain('Unknown option: --jsno');
    expect(unknown.stdout).toBe('');
    const lang = await cli('--lang', 'fr', `${SEEDS}001.txt`);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang takes zh or en, not "fr"');
    const ok = await cli('--json', '--lang', 'en-GB', `${SEEDS}001.txt`);
    expect(ok.code).toBe(0);
  });

  it('a damaged picture, a page with an unknown charset: said plainly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nbc-'));
    const png = join(dir, 'cut.png');
    writeFileSync(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const page = join(dir, 'news.html');
    writeFileSync(page, '<html><head><meta charset="utf-902"><title>新闻</title></head><body><p>今天天气很好。</p></body></html>');
    const { code, stdout, stderr } = await cli(png, page);
    expect(code).toBe(2);
    expect(stderr).toContain(`无法读取图片 ${png}：图片已损坏，无法解码`);
    expect(stderr).toContain(`Could not read the picture ${png}: it is damaged and cannot be decoded`);
    expect(stdout).toContain('未检测到政府信息公开工作年度报告');
    expect(stdout).toContain('网页声明的字符编码「utf-902」无法识别，已按内容判断为 UTF-8 读取');
  });
});
