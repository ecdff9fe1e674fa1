// The history's records (what is kept of a report, validated when read back) and its stores.
import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderStore } from '../lib/history/folder-store';
import { parseRecord, recordOf, type HistoryRecord } from '../lib/history/record';
import { MemoryStore, parseExport, previousOf } from '../lib/history/store';
import { compareWithHistory } from '../lib/history/compare';
import { checkChanged, COL, t3row } from './fixtures/base';

const base = (year: number, title = `某某市某某局${year}年政府信息公开工作年度报告`) =>
  checkChanged((d) => {
    d.title = title;
    d.preamble = [`本报告统计期限自${year}年1月1日至${year}年12月31日。`];
    d.t2.subtables[0].rows[1].splice(1, 3, '7', '2', '35');
  }).report!;
const rec = (year: number, source: string, checkedAt: string, title?: string) => recordOf(base(year, title), { source, checkedAt });

describe('history record', () => {
  it('keeps the agency, year, format, table 三 rows 二 and 四 and table 二 with how surely each was read', () => {
    const r = rec(2023, 'https://www.example.gov.cn/a.html', '2024-03-01T00:00:00.000Z');
    expect(r.agency).toEqual({ key: '某某市|某某局', name: '某某市某某局' });
    expect([r.year, r.format, r.t2Format, r.source, r.title]).toEqual([2023, '2021', '2021', { kind: 'url', ref: 'https://www.example.gov.cn/a.html' }, '某某市某某局2023年政府信息公开工作年度报告']);
    const b = checkChanged().report!.tables.t3.rows.b.cells;
    expect(r.figures.t3.b!.natural).toEqual({ value: b[COL.natural].value, state: 'number', confident: true });
    expect(Object.keys(r.figures.t3.w!)).toEqual(['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total']);
    expect(r.figures.t2.normative).toEqual({
      issued: { value: 7, state: 'number', confident: true },
      repealed: { value: 2, state: 'number', confident: true },
      'in-force': { value: 35, state: 'number', confident: true },
    });
    expect(rec(2023, '/tmp/a.pdf', 'x').source).toEqual({ kind: 'file', ref: '/tmp/a.pdf' });
  });

  it('takes the figure the text states where the table could not be read, as unsure (shared 009: 「8855698」)', () => {
    const unreadable = () =>
      checkChanged((d) => {
        d.title = '某某市某某局2022年政府信息公开工作年度报告';
        d.t2.subtables[0].rows[1].splice(1, 3, '8855698');
      }).report!;
    const report = unreadable();
    expect(report.tables.t2.rows.normative.cells.map((c) => c.state)).toEqual(['missing', 'missing', 'missing']);
    // The claims as lib/parse/claims states them (only the fields the record reads).
    const claim = (value: number, extra: Record<string, unknown> = {}) => ({ kind: 't2', doc: 'normative', action: 'in-force', value, text: `现行有效行政规范性文件${value}件`, ...extra });
    const withClaims = (...claims: object[]) => {
      const r = unreadable();
      (r.claims as unknown[]).push(...claims);
      return recordOf(r, { source: '/x/2022.html', checkedAt: '2023-01-01T00:00:00.000Z' }).figures.t2.normative!['in-force'];
    };
    expect(withClaims(claim(698))).toEqual({ value: 698, state: 'number', confident: false, stated: '现行有效行政规范性文件698件' });
    expect(withClaims(claim(698), claim(698))).toMatchObject({ value: 698 });
    // Two numbers for one figure, another year's number, a narrower scope: nothing taken.
    expect(withClaims(claim(698), claim(393)).state).toBe('missing');
    expect(withClaims(claim(698, { year: 2021 })).state).toBe('missing');
    expect(withClaims(claim(698, { scope: { text: '区政府办', narrow: true } })).state).toBe('missing');
    // A table read is never replaced by the text.
    const read = checkChanged((d) => d.t2.subtables[0].rows[1].splice(1, 3, '7', '2', '35')).report!;
    (read.claims as unknown[]).push(claim(40));
    expect(recordOf(read, { source: '/x', checkedAt: '2023-01-01T00:00:00.000Z' }).figures.t2.normative!['in-force']).toEqual({ value: 35, state: 'number', confident: true });
  });

  it('gives the same report from the same source the same id, another source another', () => {
    const a = rec(2023, 'https://www.example.gov.cn/a.html', '2024-03-01T00:00:00.000Z');
    expect(rec(2023, 'https://www.example.gov.cn/a.html', '2025-01-01T00:00:00.000Z').id).toBe(a.id);
    expect(rec(2023, 'https://www.example.gov.cn/a.pdf', '2024-03-01T00:00:00.000Z').id).not.toBe(a.id);
    expect(rec(2022, 'https://www.example.gov.cn/a.html', '2024-03-01T00:00:00.000Z').id).not.toBe(a.id);
  });

  it('validates a record read back: a valid one passes, a damaged one is refused with the reason', () => {
    const r = rec(2023, 'https://www.example.gov.cn/a.html', '2024-03-01T00:00:00.000Z');
    expect(parseRecord(JSON.parse(JSON.stringify(r)))).toEqual({ record: r });
    const bad = (change: (x: Record<string, any>) => void) => {
      const x = JSON.parse(JSON.stringify(r));
      change(x);
      return parseRecord(x);
    };
    expect(bad((x) => (x.version = 2))).toHaveProperty('error');
    expect(bad((x) => delete x.agency)).toHaveProperty('error');
    expect(bad((x) => (x.figures.t3.b.natural.value = '3'))).toHaveProperty('error');
    expect(bad((x) => (x.figures.t3.w.total.state = 'guessed'))).toHaveProperty('error');
    expect(bad((x) => (x.year = 2023.5))).toHaveProperty('error');
    expect(bad((x) => (x.source = 'https://x'))).toHaveProperty('error');
    expect(bad((x) => (x.checkedAt = 'yesterday'))).toHaveProperty('error');
    expect(parseRecord(null)).toHaveProperty('error');
  });
});

describe('history stores', () => {
  const r2022 = rec(2022, 'https://www.example.gov.cn/2022.html', '2023-02-01T00:00:00.000Z');
  const r2022b = rec(2022, 'https://www.example.gov.cn/2022.pdf', '2023-05-01T00:00:00.000Z');
  const r2023 = rec(2023, 'https://www.example.gov.cn/2023.html', '2024-02-01T00:00:00.000Z');
  const other = rec(2022, 'https://www.example.gov.cn/o.html', '2023-02-01T00:00:00.000Z', '某某市另一局2022年政府信息公开工作年度报告');

  const at = (key: string, year: number, ref = 'https://www.example.gov.cn/2023.html') => ({ agency: { key, name: key }, year, source: { kind: 'url' as const, ref } });

  it('finds the same body\'s record of the year before, the one checked last', () => {
    expect(previousOf([r2022, r2023, other], at('某某市|某某局', 2023))).toBe(r2022);
    expect(previousOf([r2022, r2022b, r2023], at('某某市|某某局', 2023))).toBe(r2022b);
    // A body without its place is no match for one with it.
    expect(previousOf([r2022], at('|某某局', 2023))).toBeNull();
    expect(previousOf([r2022, r2023], at('某某市|某某局', 2024))).toBe(r2023);
    expect(previousOf([r2022, r2023], at('某某市|某某局', 2022))).toBeNull();
    expect(previousOf([other], at('某某市|某某局', 2023))).toBeNull();
    expect(previousOf([r2022], { ...at('某某市|某某局', 2023), agency: null })).toBeNull();
  });

  it('matches a name without a place (「区统计局」) only on the same site or in the same folder', () => {
    const placeless = (year: number, source: string) => rec(year, source, '2024-01-01T00:00:00.000Z', `区统计局${year}年政府信息公开工作年度报告`);
    const a2022 = placeless(2022, 'https://tjj.a.gov.cn/2022.html');
    const b2022 = placeless(2022, 'https://www.b.gov.cn/tjj/2022.html');
    expect(a2022.agency!.key).toBe('|区统计局');
    expect(previousOf([a2022, b2022], placeless(2023, 'https://tjj.a.gov.cn/nb/2023.html'))).toBe(a2022);
    expect(previousOf([b2022], placeless(2023, 'https://tjj.a.gov.cn/nb/2023.html'))).toBeNull();
    const f2022 = placeless(2022, '/home/me/区统计局/2022.pdf');
    expect(previousOf([f2022], placeless(2023, '/home/me/区统计局/2023.pdf'))).toBe(f2022);
    expect(previousOf([f2022], placeless(2023, '/home/me/别处/2023.pdf'))).toBeNull();
  });

  it('memory: add replaces the same id, list, find, export and import, clear', async () => {
    const s = new MemoryStore();
    await s.add(r2022);
    await s.add({ ...r2022, checkedAt: '2023-03-01T00:00:00.000Z' });
    await s.add(r2023);
    expect((await s.list()).length).toBe(2);
    expect((await s.findPrevious(r2023))?.checkedAt).toBe('2023-03-01T00:00:00.000Z');
    const back = parseExport(await s.exportJson());
    expect(back.rejected).toEqual([]);
    expect(back.records.map((r) => r.year)).toEqual([2022, 2023]);
    await s.clear();
    expect(await s.list()).toEqual([]);
  });

  it('an import keeps the valid records and says why it left the others out', () => {
    const doc = JSON.stringify({ format: 'nianbao-check-history', version: 1, exportedAt: 'x', records: [r2022, { ...r2023, year: 'last' }] });
    const back = parseExport(doc);
    expect(back.records).toEqual([r2022]);
    expect(back.rejected).toHaveLength(1);
    expect(back.rejected[0]).toMatch(/^#1: year/);
    expect(parseExport('{').rejected[0]).toMatch(/^not JSON/);
    expect(parseExport('{"a":1}').rejected).toEqual(['not a history export']);
  });

  it('folder: one JSON file per record, read back validated; other files are left alone', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-history-')), 'h');
    const s = new FolderStore(dir);
    expect(await s.list()).toEqual([]);
    await s.add(r2022);
    await s.add(r2023);
    await s.add(r2022);
    expect(readdirSync(dir).sort()).toEqual([`${r2022.id}.json`, `${r2023.id}.json`].sort());
    expect(JSON.parse(readFileSync(join(dir, `${r2023.id}.json`), 'utf8'))).toEqual(r2023);
    expect(await new FolderStore(dir).findPrevious(r2023)).toEqual(r2022);
    writeFileSync(join(dir, 'broken.json'), '{"version":1');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const again = new FolderStore(dir);
    expect((await again.list()).length).toBe(2);
    expect(again.skipped.map((x) => x.file)).toEqual(['broken.json']);
    expect(parseExport(await again.exportJson()).records.length).toBe(2);
    await again.clear();
    expect(readdirSync(dir).sort()).toEqual(['broken.json', 'notes.txt']);
  });

  it('compares a report with the store and keeps it, as the extension will (compareWithHistory)', async () => {
    const store = new MemoryStore();
    const year = (y: number, w: string) =>
      checkChanged((d) => {
        d.title = `某某市某某局${y}年政府信息公开工作年度报告`;
        d.preamble = [`本报告统计期限自${y}年1月1日至${y}年12月31日。`];
        t3row(d, 'w').values[COL.natural] = w;
      });
    const first = await compareWithHistory(year(2022, '9'), 'https://www.example.gov.cn/2022.html', store, { checkedAt: '2023-01-01T00:00:00.000Z' });
    expect([first.previous, (await store.list()).length]).toEqual([null, 1]);
    const second = await compareWithHistory(year(2023, '0'), 'https://www.example.gov.cn/2023.html', store, { keep: false });
    expect(second.previous?.year).toBe(2022);
    const carry = second.result.findings.filter((f) => f.rule === 'cross-year-carryover');
    expect(carry.find((f) => f.cells[0].col === 'natural')).toMatchObject({ expected: 9, severity: 'warning' });
    expect(carry.every((f) => f.message.zh.includes('https://www.example.gov.cn/2022.html'))).toBe(true);
    expect((await store.list()).length).toBe(1);
    const untitled = checkChanged((d) => (d.title = '2023年政府信息公开工作年度报告'));
    expect((await compareWithHistory(untitled, 'https://www.example.gov.cn/x.html', store)).record).toBeNull();
  });
});
