// The command line's history: `--history DIR` keeps a record per report and compares each with the
// same body's report of the year before, from the same command line (any order) or from DIR.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './fixtures/cli';
import { FindingJsonSchema } from '../lib/json-schema';
import { parseRecord } from '../lib/history/record';

const REPORTS = fileURLToPath(new URL('../../shared/reports/', import.meta.url));
const P2023 = `${REPORTS}013/source.html`;
const P2024 = `${REPORTS}008/source.html`;
const P2025 = `${REPORTS}012/source.html`;

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; findings: unknown[]; notices: string[] });
const crossYear = (o: { findings: unknown[] }) => o.findings.map((f) => FindingJsonSchema.parse(f)).filter((f) => f.rule.startsWith('cross-year'));

describe('nianbao-check --history', () => {
  it('chains the inputs of one command in any order, keeps them in DIR, and uses DIR next time', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-cli-history-')), 'history');
    const first = await cli('--json', '--history', dir, P2025, P2023, P2024);
    expect(first.code).toBe(0);
    const out = lines(first.stdout);
    expect(out.map((o) => o.input)).toEqual([P2025, P2023, P2024]);
    expect(out.map((o) => crossYear(o).map((f) => [f.rule, f.severity, f.expected, f.actual, f.cells.map((c) => `${c.table}.${c.row}.${c.col}`)]))).toEqual([
      [['cross-year-in-force', 'warning', 453, 546, ['t2.normative.issued', 't2.normative.repealed', 't2.normative.in-force']]],
      [],
      [['cross-year-in-force', 'warning', 499, 440, ['t2.normative.issued', 't2.normative.repealed', 't2.normative.in-force']]],
    ]);
    expect(crossYear(out[0])[0].message).toContain(P2024);
    const files = readdirSync(dir);
    expect(files).toHaveLength(3);
    for (const f of files) expect(parseRecord(JSON.parse(readFileSync(join(dir, f), 'utf8')))).toHaveProperty('record');

    // Next run: 2025 alone finds its 2024 in DIR; a damaged file there is said and left out.
    writeFileSync(join(dir, 'damaged.json'), '{');
    const second = await cli('--json', '--history', dir, P2025);
    expect(crossYear(lines(second.stdout)[0]).map((f) => f.expected)).toEqual([453]);
    expect(second.stderr).toContain('damaged.json');

    // The readable summary says what it compared with.
    const text = await cli('--history', dir, P2024);
    expect(text.stdout).toContain(`跨年度核对：对照上一年度报告《平潭综合实验区2023年度政府信息公开工作年度报告》（${P2023}）`);
    expect(text.stdout).toContain('[cross-year-in-force] 表二「行政规范性文件」：上一年度（2023年）现行有效件数 470');
  }, 120_000);

  it('without --history compares only the inputs given together', async () => {
    expect(crossYear(lines((await cli('--json', P2025)).stdout)[0])).toEqual([]);
    const both = lines((await cli('--json', P2024, P2025)).stdout);
    expect(both.map((o) => crossYear(o).length)).toEqual([0, 1]);
  }, 120_000);

  it('needs a directory after --history', async () => {
    const r = await cli('--history');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--history 需要一个目录');
  });
});
