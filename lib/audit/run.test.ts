import { describe, expect, it } from 'vitest';
import { checkDoc, type CheckResult } from '../check';
import { readText } from '../read/text';
import { chainYears } from '../history/chain';
import { AuditRun, RowFailure, detached, type AuditDeps, type Fetched } from './run';
import { auditInputs } from './inputs';

/** A small report of `agency` and `year` whose table 三 carries `carried` over from the year before. */
function report(agency: string, year: number, carried: number, forward: number): string {
  const c = (n: number) => [n, 0, 0, 0, 0, 0, n].join(' ');
  return [
    `${agency}${year}年政府信息公开工作年度报告`,
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
    `一、本年新收政府信息公开申请数量 ${c(5)}`,
    `二、上年结转政府信息公开申请数量 ${c(carried)}`,
    `（一）予以公开 ${c(5 + carried - forward)}`,
    `四、结转下年度继续办理 ${c(forward)}`,
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ].join('\n');
}

const page = (text: string): Fetched => ({ bytes: new TextEncoder().encode(text), contentType: 'text/plain; charset=utf-8', url: 'https://x.gov.cn/r' });

function deps(pages: Record<string, string | Error>, log: string[] = []): AuditDeps {
  return {
    async fetch(url) {
      log.push(`fetch ${url}`);
      const p = pages[url];
      if (p instanceof Error) throw p;
      if (p == null) throw new RowFailure({ zh: '无', en: 'none' });
      return { ...page(p), url };
    },
    async check(_input, file) {
      const source = readText(new TextDecoder().decode(file.bytes));
      return { result: checkDoc(source), hash: 'h' };
    },
    chain: (checked) => chainYears(checked, [], false, (x) => x),
  };
}

const opts = { concurrency: 2, timeoutMs: 5000, retries: 0, backoffMs: 1 };

describe('AuditRun', () => {
  it('checks every input, keeps each row\'s state and counts, and chains the years of the batch in any order', async () => {
    const pages = {
      'https://a.gov.cn/2024': report('某某县', 2024, 3, 0),
      'https://a.gov.cn/2023': report('某某县', 2023, 0, 2),
      'https://a.gov.cn/news': '某某县召开会议',
      'https://a.gov.cn/404': new RowFailure({ zh: '服务器返回 404', en: 'the server answered 404' }),
    };
    const run = new AuditRun(Object.keys(pages).map((input) => ({ input })), deps(pages), opts);
    await run.start();
    expect(run.status).toBe('done');
    expect(run.rows.map((r) => r.state)).toEqual(['done', 'done', 'not-report', 'failed']);
    expect(run.rows[3].why?.en).toMatch(/404/);
    // 2024 carries 3 over where 2023 carried 2 forward: found although 2024 came first.
    const carry = run.rows[0].findings.filter((f) => f.rule === 'cross-year-carryover');
    expect(carry.length).toBeGreaterThan(0);
    expect(run.rows[1].findings.some((f) => f.rule === 'cross-year-carryover')).toBe(false);
    expect(run.records().length).toBe(2);
  });

  it('fails a row for want of access with the origin to ask for, and retries only the rows named', async () => {
    const log: string[] = [];
    const d = deps({ 'https://b.example/r': report('乙县', 2024, 0, 0) }, log);
    let allowed = false;
    const fetch = d.fetch;
    d.fetch = async (url, signal) => {
      if (!allowed) throw new RowFailure({ zh: '需要授权', en: 'needs access' }, 'https://b.example/*');
      return fetch(url, signal);
    };
    const run = new AuditRun([{ input: 'https://b.example/r' }], d, opts);
    await run.start();
    expect(run.rows[0]).toMatchObject({ state: 'failed', needsAccess: 'https://b.example/*' });
    allowed = true;
    await run.start(new Set([0]));
    expect(run.rows[0].state).toBe('done');
    expect(log).toEqual(['fetch https://b.example/r']);
  });

  it('resumes: rows done are kept, the others run', async () => {
    const log: string[] = [];
    const pages = { 'https://c.gov.cn/1': report('丙县', 2024, 0, 0), 'https://c.gov.cn/2': report('丙县', 2023, 0, 0) };
    const first = new AuditRun(Object.keys(pages).map((input) => ({ input })), deps(pages), opts);
    await first.start();
    const rows = first.rows.map((r, i) => (i === 1 ? { ...r, state: 'running' as const } : r));
    const again = new AuditRun(Object.keys(pages).map((input) => ({ input })), deps(pages, log), opts, rows);
    expect(again.settled).toBe(1);
    await again.start();
    expect(log).toEqual(['fetch https://c.gov.cn/2']);
    expect(again.rows.map((r) => r.state)).toEqual(['done', 'done']);
  });

  it('cancel stops the run: rows not settled are cancelled, and a later start runs them', async () => {
    const pages: Record<string, string> = {};
    for (let i = 0; i < 6; i++) pages[`https://d.gov.cn/${i}`] = report('丁县', 2020 + i, 0, 0);
    const d = deps(pages);
    const check = d.check;
    let run!: AuditRun;
    let once = true;
    d.check = async (input, file, signal) => {
      if (input.endsWith('/1') && once) (once = false), run.cancel();
      return check(input, file, signal);
    };
    run = new AuditRun(Object.keys(pages).map((input) => ({ input })), d, { ...opts, concurrency: 1 });
    await run.start();
    expect(run.status).toBe('cancelled');
    expect(run.rows.filter((r) => r.state === 'cancelled').length).toBeGreaterThanOrEqual(4);
    await run.start();
    expect(run.rows.every((r) => r.state === 'done')).toBe(true);
  });

  it('reads local files from their bytes, never fetching them', async () => {
    const log: string[] = [];
    const { inputs } = auditInputs('', [{ name: '本地.txt', arrayBuffer: async () => new TextEncoder().encode(report('戊县', 2024, 0, 0)).buffer as ArrayBuffer }]);
    const run = new AuditRun(inputs, deps({}, log), opts);
    await run.start();
    expect(run.rows[0]).toMatchObject({ input: '本地.txt', state: 'done', url: null });
    expect(log).toEqual([]);
  });

  it('keeps no DOM node of a result (the parsed page is dropped with its row)', () => {
    const node = { nodeType: 1 };
    const r = { detection: { isReport: true }, report: null, findings: [{ cells: [{ anchor: node }], anchor: node }], notices: [] } as unknown as CheckResult;
    expect(JSON.stringify(detached(r))).not.toContain('nodeType');
  });
});

describe('auditInputs', () => {
  it('takes one address a line, skips blanks, comments and repeats, and says what is not an address', () => {
    const { inputs, bad } = auditInputs(' https://a.gov.cn/1 \n\n# note\n<https://a.gov.cn/2>，\nhttps://a.gov.cn/1\nftp://x/y\n不是网址', []);
    expect(inputs.map((x) => x.input)).toEqual(['https://a.gov.cn/1', 'https://a.gov.cn/2']);
    expect(bad).toEqual(['ftp://x/y', '不是网址']);
  });
});
