// Every seed, in every layout, gets exactly the findings a careful inspector would make.
import { describe, expect, it } from 'vitest';
import { LAYOUTS, SEED_IDS, layoutOf, type Layout, type SeedId } from './fixtures/render';
import { briefs, checkBytes } from './helpers';

// Layouts whose tables are the page's own HTML tables.
const isDom = (l: Layout) => l === 'word' || l === 'cms';

/** What an inspector flags in each seed, read cell by cell (see test/fixtures/seeds/README.md). */
const EXPECTED: Record<SeedId, (layout: Layout) => string[]> = {
  // 2022 report in the 2021 format, all zeros; 表二 still says 「规范性文件」 (the 2019 wording).
  '000': () => ['label-variant:warning:t2.normative.-'],
  // 表二: old column 「本年新制作数量」, old row 「规范性文件」, three blank decision counts;
  // 表三: 「（―）予以公开」 (a dash for 一), 「按照收费通知」 (extra 照), (六)2 and (六)3 left blank.
  '001': () => [
    // One finding for the three decision counts left blank, one for the two blank rows of 表三.
    'cell-blank:warning:t2.licensing.decisions',
    'cell-blank:warning:t3.t2.natural',
    'label-variant:warning:t2.-.issued',
    'label-variant:warning:t2.normative.-',
    'label-variant:warning:t3.c.-',
    'label-variant:warning:t3.t2.-',
  ],
  // A clean report (PDF text with wrapped labels): nothing to flag.
  '002': () => [],
  // 「商业机构」, 「一、本年接收政府信息公开数量」, 「不在处理」 (再→在), a reworded section 四 heading,
  // and 16 values in 表四's data row, which has 15 columns (an error where the page itself shows it).
  '003': (l) => [
    'label-variant:warning:t3.-.commercial',
    'label-variant:warning:t3.a.-',
    'label-variant:warning:t3.t1.-',
    // The header grid (the page's own table, or text fields that agree with the header) shows
    // which cell is too many: the one under no header. Pasted paragraphs have no grid.
    isDom(l) ? 'row-length:error:t4.-.-' : l === 'paras' ? 'row-length:warning:s4' : 'row-length:warning:t4.-.-',
    'section-heading-variant:warning:s4',
    // Its statistics period starts on 5月29日 (stated twice: one finding).
    'stat-period:warning:s1',
  ],
  // 2019 report in the 2019 format; two 表二 headers cut short to 「本年新」 (a note only in text extractions).
  '004': (l) => [`label-variant:${isDom(l) ? 'warning' : 'info'}:t2.-.made`, `label-variant:${isDom(l) ? 'warning' : 'info'}:t2.-.published`],
};

describe.each(SEED_IDS)('seed %s', (id) => {
  it.each(LAYOUTS)('layout %s: the exact findings', async (layout) => {
    const { kind, bytes } = layoutOf(id, layout);
    const result = await checkBytes(kind, bytes);
    expect(result.detection.isReport).toBe(true);
    expect(result.notices).toEqual([]);
    expect(briefs(result)).toEqual([...EXPECTED[id](layout)].sort());
  });
});

describe('values read from the seeds', () => {
  it.each(LAYOUTS)('001 in layout %s', async (layout) => {
    const { kind, bytes } = layoutOf('001', layout);
    const r = (await checkBytes(kind, bytes)).report!;
    expect(r.year).toBe(2022);
    expect(r.format).toBe('2021');
    const vals = (t: 't2' | 't3', k: string) => r.tables[t].rows[k].cells.map((c) => c.value);
    expect(vals('t3', 'a')).toEqual([0, 9, 0, 0, 0, 0, 9]);
    expect(vals('t3', 'c')).toEqual([0, 9, 0, 0, 0, 0, 9]);
    expect(vals('t3', 'v')).toEqual([0, 9, 0, 0, 0, 0, 9]);
    expect(vals('t3', 't2')).toEqual([null, null, null, null, null, null, null]);
    expect(vals('t2', 'fees')).toEqual([746.573001]);
    expect(r.tables.t4.rows.cells.cells.map((c) => c.value)).toEqual(Array(15).fill(0));
  });

  it.each(LAYOUTS)('004 in layout %s (2019 format)', async (layout) => {
    const { kind, bytes } = layoutOf('004', layout);
    const r = (await checkBytes(kind, bytes)).report!;
    expect(r.year).toBe(2019);
    expect(r.format).toBe('2019');
    expect(r.tables.t3.layout).toBe('2019');
    expect(Object.keys(r.tables.t3.rows)).toContain('t');
    expect(r.tables.t2.rows.procurement.cells.map((c) => c.value)).toEqual([200, 3.04]);
    expect(r.tables.t2.rows['other-services'].cells.map((c) => c.value)).toEqual([0, 0, 0]);
  });
});
