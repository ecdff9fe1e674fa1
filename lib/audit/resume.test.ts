import { describe, expect, it } from 'vitest';
import { failedRow, pendingRow, type AuditFinding, type AuditRow } from './model';
import { parseSaved, serialize, toResume, type SavedAudit } from './resume';

const finding = (i: number): AuditFinding => ({
  key: `t3-row-total||t3:r${i}:total`,
  rule: 't3-row-total',
  severity: i % 3 ? 'warning' : 'error',
  message: {
    zh: `表三第${i}行：自然人 12 + 商业企业 3 + 科研机构 0 + 社会公益组织 1 + 法律服务机构 0 + 其他 2 = 18，但总计为 19（相差 1）`,
    en: `Table 3 row ${i}: natural persons 12 + businesses 3 + research 0 + non-profits 1 + legal services 0 + other 2 = 18, but the total is 19 (off by 1)`,
  },
  table: 't3',
  row: `r${i}`,
  col: 'total',
  section: 3,
  expected: 18,
  actual: 19,
  cells: ['np', 'biz', 'res', 'npo', 'law', 'other', 'total'].map((col, k) => ({ table: 't3' as const, row: `r${i}`, col, value: k })),
});

const doneRow = (input: string, n: number): AuditRow => ({
  ...pendingRow(input),
  url: input,
  state: 'done',
  title: '某某市某某区人民政府2023年政府信息公开工作年度报告',
  agency: '某某市某某区人民政府',
  year: 2023,
  format: '2021',
  errors: Math.ceil(n / 3),
  warnings: n - Math.ceil(n / 3),
  findings: Array.from({ length: n }, (_, i) => finding(i)),
  notices: [{ zh: '网页声明的字符编码无法识别', en: 'The page declares an unknown charset' }],
  hash: '0123456789abcdef',
});

function audit(rows: AuditRow[]): SavedAudit {
  return { id: 'a1', createdAt: '2026-03-01T08:00:00.000Z', inputs: rows.map((r) => r.input), rows, options: { concurrency: 4, timeoutMs: 30_000 } };
}

const mixed = () =>
  audit([
    doneRow('https://a.gov.cn/1.html', 2),
    { ...pendingRow('https://a.gov.cn/2.html'), state: 'running' },
    pendingRow('https://a.gov.cn/3.html'),
    failedRow('https://a.gov.cn/4.html', { zh: '页面不存在', en: 'No such page' }, 'https://a.gov.cn/4.html'),
    { ...pendingRow('https://a.gov.cn/5.html'), state: 'not-report', why: { zh: '不是年报', en: 'Not a report' } },
    { ...pendingRow('https://a.gov.cn/6.html'), state: 'cancelled' },
    { ...pendingRow('https://a.gov.cn/list.html'), state: 'not-report', links: [{ url: 'https://a.gov.cn/2022.pdf', text: '2022年政府信息公开工作年度报告', kind: 'pdf', year: 2022 }] },
    { ...failedRow('https://b.gov.cn/x.html', { zh: '无法连接', en: 'Could not connect' }), needsAccess: 'https://b.gov.cn/*' },
    { ...doneRow('https://a.gov.cn/r.pdf', 1), file: true },
  ]);

describe('saved audits', () => {
  it('round-trip through JSON text and through a stored object', () => {
    const saved = mixed();
    expect(parseSaved(serialize(saved))).toEqual({ saved });
    expect(parseSaved(JSON.parse(serialize(saved)))).toEqual({ saved });
  });

  it('resume the rows not settled: queued, running (stopped by the reload) and cancelled', () => {
    expect(toResume(mixed())).toEqual([1, 2, 5]);
  });

  it('refuse what is not a save of this shape, saying where', () => {
    expect(parseSaved('{')).toMatchObject({ error: expect.stringMatching(/^not JSON/) });
    expect(parseSaved(null)).toHaveProperty('error');
    const raw = JSON.parse(serialize(mixed()));
    expect(parseSaved({ ...raw, version: 2 })).toMatchObject({ error: expect.stringContaining('version') });
    const badState = structuredClone(raw);
    badState.rows[0].state = 'finished';
    expect(parseSaved(badState)).toMatchObject({ error: expect.stringContaining('rows.0.state') });
    const badRule = structuredClone(raw);
    badRule.rows[0].findings[0].rule = 'no-such-rule';
    expect(parseSaved(badRule)).toMatchObject({ error: expect.stringContaining('rows.0.findings.0.rule') });
    const short = structuredClone(raw);
    short.rows.pop();
    expect(parseSaved(short)).toMatchObject({ error: expect.stringContaining('rows') });
    const swapped = structuredClone(raw);
    swapped.inputs.reverse();
    expect(parseSaved(swapped)).toMatchObject({ error: expect.stringContaining('input') });
    expect(parseSaved({ ...raw, createdAt: 'yesterday' })).toMatchObject({ error: expect.stringContaining('createdAt') });
  });

  it('drop what a row does not hold (a page body added by mistake is not saved back)', () => {
    const raw = JSON.parse(serialize(mixed()));
    raw.rows[0].html = '<html>…</html>';
    const r = parseSaved(raw);
    expect('saved' in r && r.saved.rows[0]).not.toHaveProperty('html');
  });

  it('200 reports of 30 findings each stay within a few MB, messages kept, and read back quickly', () => {
    const saved = audit(Array.from({ length: 200 }, (_, i) => doneRow(`https://www.example.gov.cn/zwgk/zfxxgknb/2024${i}/t2024_${i}.html`, 30)));
    const text = serialize(saved);
    const mb = new TextEncoder().encode(text).length / 1048576;
    expect(mb).toBeLessThan(4);
    const t0 = performance.now();
    const back = parseSaved(text);
    const ms = performance.now() - t0;
    expect('saved' in back && back.saved.rows[199].findings[29].message.zh).toContain('总计为 19');
    // Generous on a shared machine; it is a few tens of ms where nothing else runs.
    expect(ms).toBeLessThan(1000);
  });
});
