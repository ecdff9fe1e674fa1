// The text against the tables on the real reports of ../shared (read from there at test time):
// every text-table finding is a real disagreement, every disagreement an inspector finds is there.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../lib/check';
import type { Finding } from '../lib/findings';
import { REPORTS_DIR, checkBytes, checkPlain, reportSource } from './helpers';

async function check(id: string): Promise<CheckResult> {
  const { kind, bytes } = reportSource(id);
  return checkBytes(kind, bytes);
}

const textTable = (r: CheckResult) => r.findings.filter((f) => f.rule === 'text-table');
const brief = (f: Finding) => [f.severity, f.actual, f.expected, f.cells.map((c) => `${c.table}.${c.row}.${c.col}`).join(' ')];

/** What each real report's text says against its tables, read by hand (see ../shared/reports/NNN). */
const EXPECTED: Record<string, (string | number | null)[][]> = {
  // 「区政府办代表区政府受理政府信息公开申请 17 件」 against row 一's 95 (spec §7 E5 b).
  '003': [['warning', 17, 95, 't3.a.total t3.b.total']],
  // 上海 2019 (spec §7 E5 a): 予以公开及部分公开 258 vs 272 + 3, 无法提供 265 vs 337, and its
  // outcomes 716 against its own 「答复805件」. 不予公开 35 and 不予处理 158 agree; 859, 805, 18, 72,
  // 复议 7, 诉讼 9 and 「均获维持」 agree with the table.
  '007': [
    ['warning', 258, 275, 't3.c.natural t3.c.commercial t3.c.legal t3.c.other t3.d.natural'],
    ['warning', 265, 337, 't3.f1.natural t3.f1.commercial t3.f1.legal t3.f2.natural t3.f2.commercial t3.f3.natural'],
    ['warning', 805, 716, 't3.v.total'],
  ],
  // 平潭 2023: 「清理并集中发布现行有效行政规范性文件393件」 against table 二's 470.
  '013': [['warning', 393, 470, 't2.normative.in-force']],
};

describe('real reports: the text against the tables', () => {
  const ids = readdirSync(REPORTS_DIR).filter((d) => /^\d+$/.test(d)).sort();

  it.each(ids)('%s: the disagreements an inspector finds, and no other', async (id) => {
    const r = await check(id);
    expect(textTable(r).map(brief)).toEqual(EXPECTED[id] ?? []);
  });

  it('003: the scope the text names is said, the number is marked, both languages', async () => {
    const [f] = textTable(await check('003'));
    expect(f.message.zh).toBe(
      '正文称「区政府办代表区政府受理政府信息公开申请17件」，但表三「一、本年新收政府信息公开申请数量」总计为 95（加上年结转为 95），相差 78；正文所述为「区政府办代表区政府」的数字，范围可能窄于表格（表格或为全辖区汇总），请人工核对',
    );
    expect(f.message.en).toMatch(/^The text says "区政府办代表区政府受理政府信息公开申请17件", but table 3, row a .* is 95 \(95 with the carried-over requests\), a gap of 78; .*"区政府办代表区政府".*narrower/);
    expect(f.anchor).toMatchObject({ kind: 'text', length: 2 });
  });

  it('007: a category of sub-rows is summed, a blank 总计 is its applicant columns, and the likely slip is named', async () => {
    const fs = textTable(await check('007'));
    expect(fs[0].message.zh).toBe(
      '正文称「予以公开及部分公开258件」，但表三「（一）予以公开」 272 + 表三「（二）部分公开」 3 = 275（总计栏空白，按各申请人栏相加），相差 17；正文数字与表三「（一）予以公开」「自然人」栏 258 相同，请人工核对',
    );
    expect(fs[1].message.zh).toContain('表三「（四）无法提供」各项之和为 「1.本机关不掌握相关政府信息」 265 + 「2.没有现成信息需要另行制作」 47 + 「3.补正后申请内容仍不明确」 25 = 337');
    expect(fs[1].message.zh).toContain('正文数字与其中「1.本机关不掌握相关政府信息」 265 相同');
    expect(fs[2].message.zh).toBe(
      '正文所列各项办理结果之和为 予以公开及部分公开 258 + 不予公开 35 + 无法提供 265 + 不予处理 158 + 其他处理 0 = 716，但正文称「答复政府信息公开申请805件」（表三「（七）总计」为 805），相差 89，请人工核对',
    );
    // The numbers of the text are marked where they stand (the page's own text nodes).
    expect(fs.every((f) => f.anchor?.kind === 'dom')).toBe(true);
  });

  it('013: 现行有效 in the text against table 二, in the 2021 columns', async () => {
    const [f] = textTable(await check('013'));
    expect(f.message.zh).toBe('正文称「清理并集中发布现行有效行政规范性文件393件」，但表二「行政规范性文件」现行有效件数为 470，相差 77，请人工核对');
    expect(f.message.en).toContain('table 2');
  });

  it('the claims of the real texts are read (agreeing ones give nothing, but they are there)', async () => {
    const kinds = async (id: string) => (await check(id)).report!.claims.map((c) => [c.kind, c.block ?? c.doc ?? '', c.col ?? c.action ?? '', c.value].join(':'));
    // 淮安市 2024: requests, carry-overs, and table 四 block by block, results included.
    expect(await kinds('001')).toEqual(
      expect.arrayContaining(['received:::3119', 'handled:::3050', 'carried-in:::34', 'carried:::103', 't4:review:total:351', 't4:review:upheld:72', 't4:suit:total:46', 't4:suit:pending:7']),
    );
    // 平潭 2025: 「结转至2026年6件」, 「行政复议36起，行政诉讼9起」.
    expect(await kinds('012')).toEqual(['received:::154', 'handled:::148', 'carried:::6', 't4:review:total:36', 't4:suit:total:9']);
    // 平潭 2021: 「本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理」.
    expect(await kinds('014')).toEqual(['received:::70', 'handled:::69', 'carried:::1']);
    // 上海市政府办公厅 2025: 「未发生因依申请公开被行政复议纠错或行政诉讼败诉情形」.
    expect(await kinds('006')).toEqual(expect.arrayContaining(['t4:review:corrected:0', 't4:suit:corrected:0', 'open-partial:::208', 'unavailable:::564']));
  });
});

describe('the seeds of ../shared: nothing claimed where text and table agree', () => {
  const dir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  it.each(files)('%s', (file) => {
    const r = checkPlain(readFileSync(dir + file, 'utf8'));
    expect(textTable(r)).toEqual([]);
  });

  it('their 「未收到…申请」「没有…行政复议、行政诉讼」 are read', () => {
    const r = checkPlain(readFileSync(dir + files.find((f) => f.startsWith('001'))!, 'utf8'));
    expect(r.report!.claims.map((c) => [c.kind, c.block, c.col, c.wording])).toEqual([
      ['t4', 'review', 'total', 'none'],
      ['t4', 'suit', 'total', 'none'],
    ]);
  });
});
