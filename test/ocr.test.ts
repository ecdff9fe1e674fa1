// Tables published as pictures: fixtures rendered from the seeds (and a generated report with varied
// numbers) by headless Chromium in several styles, read back by the OCR table reader in Node.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDoc, parseStep, rulesStep } from '../lib/check';
import { readText } from '../lib/read/text';
import { brief } from './helpers';
import { decodeImage, nodeRecognizer, type NodeRecognizer } from '../lib/ocr/node';
import { cleanDigits, readTableImage } from '../lib/ocr/table';
import { baseReport } from './fixtures/base';
import { STYLES, tableImage, withBrowser, type TableId } from './fixtures/images';
import { SEED_IDS, loadSeed, renderTsv, type SeedData } from './fixtures/render';

interface Case {
  name: string;
  data: SeedData;
  table: TableId;
  style: (typeof STYLES)[number];
}

const cases: Case[] = [
  ...STYLES.flatMap((style) => (['t3', 't4'] as const).map((table) => ({ name: 'generated', data: baseReport(), table, style }))),
  // Every seed, each in another style, so that CI sees every seed's labels and every style's flaws.
  ...SEED_IDS.flatMap((id, i) => (['t3', 't4'] as const).map((table) => ({ name: id, data: loadSeed(id), table, style: STYLES[(i + 1) % STYLES.length] }))),
];

let rec: NodeRecognizer;
const pictures = new Map<Case, Uint8Array>();
beforeAll(async () => {
  await withBrowser(async (browser) => {
    for (const c of cases) pictures.set(c, await tableImage(browser, c.data, c.table, c.style));
  });
  rec = await nodeRecognizer();
}, 180_000);
afterAll(async () => {
  await rec?.close();
});

describe('digits as OCR writes them', () => {
  it('maps look-alike letters and drops stray marks, but refuses words', () => {
    expect(cleanDigits('1了')).toEqual({ text: '17', changed: true });
    expect(cleanDigits('工')).toEqual({ text: '1', changed: true });
    expect(cleanDigits('0%')).toEqual({ text: '0', changed: true });
    expect(cleanDigits('128')).toEqual({ text: '128', changed: false });
    expect(cleanDigits('行政')).toBeNull();
  });
});

describe('table pictures', () => {
  const totals = { right: 0, all: 0 };

  it.each(cases.map((c) => [`${c.name} ${c.table} ${c.style.name}`, c] as const))('%s: values read, no error from a misread', async (_, c) => {
    const doc = await readTableImage(decodeImage(pictures.get(c)!), rec, c.name);
    const parsed = parseStep(doc, { force: true });
    const result = parsed.report ? rulesStep(parsed, { scope: 'tables' }) : parsed;
    const table = result.report!.tables[c.table];
    const expected = c.table === 't3' ? c.data.t3.rows.map((r) => [r.key, r.values] as const) : [['cells', c.data.t4.values] as const];
    for (const [key, values] of expected) {
      // A row wider than the table (seed 003's 16-value table 四) cannot be placed: row-length says so.
      if (values.length !== (c.table === 't3' ? 7 : 15)) continue;
      const got = table.rows[key]?.cells ?? [];
      values.forEach((v, i) => {
        if (v === '') return;
        totals.all++;
        if (got[i]?.state === 'number' && String(got[i].value) === v) totals.right++;
      });
    }
    // An error may only be one the report really has (the same data as text gives it): never a misread.
    const real = new Set(checkDoc(readText(renderTsv(c.data))).findings.filter((f) => f.severity === 'error').map(brief));
    expect(result.findings.filter((f) => f.severity === 'error' && !real.has(brief(f))).map((f) => f.message.en)).toEqual([]);
  });

  it('reads the numeric cells right', () => {
    console.log(`OCR numeric cells read right: ${totals.right}/${totals.all} = ${((100 * totals.right) / totals.all).toFixed(2)}%`);
    expect(totals.all).toBeGreaterThan(1500);
    expect(totals.right / totals.all).toBeGreaterThanOrEqual(0.99);
  });
});

describe('the command line reads PNG and JPEG pictures through the same OCR code', () => {
  it('checks a picture of table 四 and finds a wrong total in one', async () => {
    const c = cases.find((x) => x.name === 'generated' && x.table === 't4' && x.style.name === 'ruled-2x-sans')!;
    const dir = mkdtempSync(join(tmpdir(), 'nbc-img-'));
    const good = join(dir, 't4.png');
    writeFileSync(good, pictures.get(c)!);
    const wrong = { ...c.data, t4: { values: [...c.data.t4.values] } };
    wrong.t4.values[4] = String(Number(wrong.t4.values[4]) + 3);
    const bad = join(dir, 't4-wrong.png');
    writeFileSync(bad, await withBrowser((b) => tableImage(b, wrong, 't4', c.style)));
    const bin = fileURLToPath(new URL('../bin/nianbao-check.mjs', import.meta.url));
    const run = promisify(execFile);
    const out = await run('node', [bin, '--json', good, bad]).catch((e: { stdout: string; code: number }) => ({ stdout: e.stdout, code: e.code }));
    const [a, b] = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(a.detected).toBe(true);
    expect(a.report.tables.t4.cells).toEqual(c.data.t4.values.map(Number));
    const t4 = b.findings.find((f: { rule: string }) => f.rule === 't4-block-total');
    expect(t4.cells[4]).toMatchObject({ table: 't4', row: 'review', col: 'total' });
    // Read with confidence on a clean picture: an error (exit 1); otherwise a request for a human look.
    expect(['error', 'warning']).toContain(t4.severity);
  }, 120_000);
});
