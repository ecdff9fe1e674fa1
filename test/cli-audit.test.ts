// The command line as the inspector's desk: --list, --csv, --memo, --jobs and the progress bar, on the
// real reports of ../shared (read from there, never copied). The CSV and the memo are the audit
// page's own exports (lib/audit), so what is checked here of them holds there too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { markdownText } from '../lib/audit/memo';
import { listEntries } from '../lib/cli/list';
import { clock, progressBar, progressLine } from '../lib/cli/progress';
import { FindingJsonSchema } from '../lib/json-schema';
import { cli, CLI_BIN } from './fixtures/cli';
import { REPORTS_DIR } from './helpers';

/** Each real report's own file (HTML, text or Markdown), in id order. */
const REAL = readdirSync(REPORTS_DIR)
  .filter((d) => /^\d+$/.test(d))
  .sort()
  .map((id) => ['source.html', 'source.txt', 'source.md'].map((f) => join(REPORTS_DIR, id, f)).find((p) => existsSync(p))!);
const PDF = join(REPORTS_DIR, '002', 'source.pdf');
const MISSING = join(tmpdir(), 'nianbao-no-such-report.html');

interface JsonOut {
  input: string;
  detected: boolean;
  findings: { rule: string; severity: string; message: string; expected: number | null; actual: number | null }[];
  error?: string;
}
const jsonLines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonOut);
const csvRows = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data;
const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

describe('nianbao-check --list', () => {
  it('reads one input a line, skipping blank lines and # comments, relative paths from the list\'s folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-list-'));
    const rel = (p: string) => relative(dir, p);
    const list = join(dir, 'reports.txt');
    // A BOM, CRLF line ends, indented entries and comments, as a list pasted from a spreadsheet.
    writeFileSync(list, `\uFEFF# 平潭 2023–2024\r\n\r\n${rel(REAL[12])}\r\n   ${rel(REAL[7])}  \r\n  # 上海\r\n${REAL[6]}\r\n`);
    const viaList = await cli('--json', '--list', list, REAL[0]);
    const direct = await cli('--json', join(dir, rel(REAL[12])), join(dir, rel(REAL[7])), REAL[6], REAL[0]);
    expect(viaList.code).toBe(direct.code);
    expect(viaList.stdout).toBe(direct.stdout);
    expect(jsonLines(viaList.stdout).map((o) => o.input)).toEqual([join(dir, rel(REAL[12])), join(dir, rel(REAL[7])), REAL[6], REAL[0]]);
    expect(jsonLines(viaList.stdout).every((o) => o.detected)).toBe(true);
  });

  it('says a list that cannot be read, or names nothing, in both languages (exit 2)', async () => {
    const gone = await cli('--json', '--list', join(tmpdir(), 'nianbao-no-such-list.txt'));
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('无法读取输入清单');
    expect(gone.stderr).toContain('Could not read the list of inputs');
    expect(gone.stdout).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-list-'));
    writeFileSync(join(dir, 'empty.txt'), '# nothing yet\n\n');
    const empty = await cli('--list', join(dir, 'empty.txt'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('清单中没有输入');
    expect(empty.stderr).toContain('The list names no input');
    const bare = await cli('--list');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--list takes a file');
  });

  it('reads the list from standard input with --list -', async () => {
    const piped = spawnSync('node', [CLI_BIN, '--json', '--list', '-'], { input: `# 平潭\n${REAL[14]}\n`, encoding: 'utf8' });
    const direct = await cli('--json', REAL[14]);
    expect(piped.stdout).toBe(direct.stdout);
    expect(piped.status).toBe(direct.code);
  });

  it('keeps addresses and absolute paths as they are', () => {
    const text = '# c\nhttps://www.pingtan.gov.cn/a.html#x\nfile:///r/b.html\n/abs/c.html\nsub/d.html\n#e.html\n';
    expect(listEntries(text, '/lists/l.txt')).toEqual(['https://www.pingtan.gov.cn/a.html#x', 'file:///r/b.html', '/abs/c.html', '/lists/sub/d.html']);
    expect(listEntries('sub/d.html\r\n', 'l.txt')).toEqual(['sub/d.html']);
    expect(listEntries('sub/d.html', '-')).toEqual(['sub/d.html']);
  });
});

describe('nianbao-check --csv', async () => {
  const inputs = [...REAL, PDF, MISSING];
  const [json, csv] = await Promise.all([cli('--json', '--jobs', '2', ...inputs), cli('--csv', '--jobs', '2', ...inputs)]);
  const objects = jsonLines(json.stdout);
  const rows = csvRows(csv.stdout);

  it('is the findings CSV with its BOM, and the exit code of --json', () => {
    expect(csv.stdout.startsWith('\uFEFF输入,机关,标题,年度,格式,规则,级别,表,行,列,应为,实为,说明,审核,备注\r\n')).toBe(true);
    expect(csv.code).toBe(json.code);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toBe(json.stderr);
  });

  it('has, per report, the JSON\'s findings: the same count, rule, severity, expected, actual and message', () => {
    const total = objects.reduce((n, o) => n + o.findings.length, 0);
    expect(total).toBeGreaterThan(10);
    const findingRows = rows.slice(1).filter((r) => r[5] !== '');
    expect(findingRows).toHaveLength(total);
    for (const o of objects) {
      const mine = findingRows.filter((r) => r[0] === o.input);
      expect(mine.map((r) => [r[5], r[6], r[10], r[11], r[12]])).toEqual(
        o.findings.map((f) => [FindingJsonSchema.parse(f).rule, SEVERITY_ZH[f.severity], f.expected == null ? '' : String(f.expected), f.actual == null ? '' : String(f.actual), f.message]),
      );
    }
  });

  it('lists an input that could not be read on a line of its own, the rule column empty', () => {
    const status = rows.slice(1).filter((r) => r[0] === MISSING);
    expect(status).toHaveLength(1);
    expect(status[0][5]).toBe('');
    expect(status[0][12]).toBe(`【失败】${objects.find((o) => o.input === MISSING)!.error}`);
  });

  it('speaks English with --lang en: English headers and the JSON\'s severity ids', async () => {
    const en = await cli('--csv', '--lang', 'en', REAL[14]);
    const [header, ...lines] = csvRows(en.stdout);
    expect(header.slice(0, 7)).toEqual(['input', 'agency', 'title', 'year', 'format', 'rule', 'severity']);
    const j = jsonLines((await cli('--json', '--lang', 'en', REAL[14])).stdout)[0];
    expect(lines.map((l) => [l[6], l[12]])).toEqual(j.findings.map((f) => [f.severity, f.message]));
  });
});

describe('nianbao-check --memo', () => {
  it('writes the memo in Markdown: every report, each error with its equation', async () => {
    const inputs = [REAL[12], REAL[7], REAL[14], MISSING];
    const [memo, json] = await Promise.all([cli('--memo', ...inputs), cli('--json', ...inputs)]);
    expect(memo.code).toBe(json.code);
    expect(memo.stdout.startsWith('# 年报核查意见\n')).toBe(true);
    const objects = jsonLines(json.stdout);
    const errors = objects.flatMap((o) => o.findings.filter((f) => f.severity === 'error'));
    expect(errors.length).toBeGreaterThan(0);
    for (const o of objects) expect(memo.stdout).toContain(o.error ? `## ${objects.indexOf(o) + 1}. ${markdownText(o.input)}` : markdownText(o.input));
    for (const f of errors) expect(memo.stdout).toContain(markdownText(f.message));
    // The equation as the panel shows it: parts, their sum and the gap.
    expect(errors.some((f) => /=.*相差/.test(f.message))).toBe(true);
    expect(memo.stdout).toContain('状态：失败');
    // 平潭 2024 given after its 2023: the memo says which report it was compared with.
    expect(memo.stdout).toContain(`- 跨年度核对：对照上一年度报告《平潭综合实验区2023年度政府信息公开工作年度报告》（${markdownText(REAL[12])}）`);
  });
});

describe('nianbao-check output modes', () => {
  it('takes one of --json, --csv, --memo, and says so in both languages', async () => {
    for (const pair of [['--json', '--csv'], ['--csv', '--memo'], ['--memo', '--json']]) {
      const r = await cli(...pair, REAL[0]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('只能选一个');
      expect(r.stderr).toContain('choose one of --json, --csv, --memo');
    }
  });
});

describe('nianbao-check --jobs', () => {
  it('gives with 3 at once the output of one at a time, in the inputs\' order, cross-year chaining over all', async () => {
    // 平潭 2025 first, its 2023 and 2024 later: the chain still runs over every input.
    const inputs = [REAL[11], REAL[0], PDF, REAL[12], REAL[5], REAL[7], REAL[10], MISSING, REAL[14]];
    const [one, three] = await Promise.all([cli('--json', '--jobs', '1', ...inputs), cli('--json', '--jobs=3', ...inputs)]);
    expect(three.stdout).toBe(one.stdout);
    expect(three.code).toBe(one.code);
    expect(jsonLines(three.stdout).map((o) => o.input)).toEqual(inputs);
    const y2025 = jsonLines(three.stdout)[0];
    expect(y2025.findings.some((f) => f.rule === 'cross-year-in-force')).toBe(true);
    const [text1, text3] = await Promise.all([cli('--jobs', '1', ...inputs), cli('--jobs', '3', ...inputs)]);
    expect(text3.stdout).toBe(text1.stdout);
  });

  it('takes a whole number from 1', async () => {
    for (const n of ['0', 'x', '2.5', '-1']) {
      const r = await cli('--jobs', n, REAL[0]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--jobs');
    }
    expect((await cli('--jobs')).stderr).toContain('--jobs takes a whole number');
  });
});

describe('progress bar', () => {
  it('is never written when standard error is not a terminal', async () => {
    const r = await cli('--json', ...REAL.slice(0, 5));
    expect(r.stderr).not.toMatch(/[█░\r]/);
  });

  it('draws done/total and the time left on a terminal, clears itself, and stays off for 3 inputs', () => {
    let t = 0;
    const written: string[] = [];
    const tty = { isTTY: true, columns: 60, write: (s: string) => written.push(s) };
    const bar = progressBar(4, tty, () => t);
    expect(written.at(-1)).toContain('0/4 估算中 estimating');
    t = 10_000;
    bar.tick();
    expect(written.at(-1)).toMatch(/^\r\[█+░+\] 1\/4 剩余约 0:30 left\x1b\[K$/);
    t = 20_000;
    bar.tick();
    expect(written.at(-1)).toContain('2/4 剩余约 0:20 left');
    bar.end();
    expect(written.at(-1)).toBe('\r\x1b[K');
    const few: string[] = [];
    progressBar(3, { isTTY: true, write: (s: string) => few.push(s) }).end();
    progressBar(10, { isTTY: false, write: (s: string) => few.push(s) }).end();
    expect(few).toEqual([]);
  });

  it('fits its terminal and counts time in minutes and hours', () => {
    const line = progressLine(3, 200, 60_000, 40);
    expect([...line].reduce((n, c) => n + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0)).toBeLessThan(40);
    expect(line).toContain('3/200 剩余约 1:05:40 left');
    expect(clock(65_000)).toBe('1:05');
    expect(clock(0)).toBe('0:00');
    expect(progressLine(4, 4, 5000)).toMatch(/^\[█+\] 4\/4 剩余约 0:00 left$/);
  });
});
