// Properties: a consistent report passes; changing any single number of table 三 or 四 is caught,
// in any supported layout; reading never throws, whatever the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankReportArb, numberCells, reportArb, withChange } from './fixtures/generate';
import { encodeGbk, renderCms, renderCsv, renderParas, renderPdfText, renderPipe, renderTsv, renderWord, type SeedData } from './fixtures/render';
import { checkBytes, checkHtml, checkPlain } from './helpers';

const LAYOUTS: Record<string, (d: SeedData) => { kind: 'text' | 'html'; bytes: Uint8Array }> = {
  tsv: (d) => ({ kind: 'text', bytes: new TextEncoder().encode(renderTsv(d)) }),
  pipe: (d) => ({ kind: 'text', bytes: new TextEncoder().encode(renderPipe(d)) }),
  csv: (d) => ({ kind: 'text', bytes: new TextEncoder().encode(renderCsv(d)) }),
  pdf: (d) => ({ kind: 'text', bytes: new TextEncoder().encode(renderPdfText(d)) }),
  word: (d) => ({ kind: 'html', bytes: new TextEncoder().encode(renderWord(d)) }),
  cms: (d) => ({ kind: 'html', bytes: encodeGbk(renderCms(d)) }),
  paras: (d) => ({ kind: 'html', bytes: new TextEncoder().encode(renderParas(d, d.t3.rows[0].values.join('').length)) }),
};

describe.each(Object.keys(LAYOUTS))('layout %s', (layout) => {
  const render = LAYOUTS[layout];

  it('a consistent report has no error and no warning', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, async (data) => {
        const { kind, bytes } = render(data);
        const r = await checkBytes(kind, bytes);
        expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.message.en)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('a consistent report with blank cells: cell-blank warnings naming every row with blanks, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(blankReportArb, async (data) => {
        const { kind, bytes } = render(data);
        const r = await checkBytes(kind, bytes);
        const blankRows = new Set([
          ...data.t3.rows.filter((row) => row.values.includes('')).map((row) => `t3.${row.key}`),
          ...['review', 'direct', 'after-review'].filter((_, b) => data.t4.values.slice(5 * b, 5 * b + 5).includes('')).map((b) => `t4.${b}`),
        ]);
        const other = r.findings.filter((f) => f.severity !== 'info' && f.rule !== 'cell-blank');
        expect(other.map((f) => f.message.en)).toEqual([]);
        const named = new Set(r.findings.filter((f) => f.rule === 'cell-blank').flatMap((f) => f.cells.map((c) => `${c.table}.${c.row}`)));
        expect([...named].sort()).toEqual([...blankRows].sort());
      }),
      { numRuns: 15 },
    );
  });

  it.each([
    ['', reportArb],
    [' (rows with blank cells)', blankReportArb],
  ] as const)('changing any one number of table 三 or 四 gives an error naming that cell%s', async (_, arb) => {
    await fc.assert(
      fc.asyncProperty(arb, fc.nat(), fc.integer({ min: 1, max: 40 }), async (data, pick, delta) => {
        const cells = numberCells(data);
        const cell = cells[pick % cells.length];
        const { kind, bytes } = render(withChange(data, cell, delta));
        const r = await checkBytes(kind, bytes);
        const hit = r.findings.filter(
          (f) => f.severity === 'error' && f.cells.some((c) => c.table === cell.table && c.row === cell.row && c.col === cell.col),
        );
        expect(hit.length, `${cell.table}.${cell.row}.${cell.col} +${delta}: ${r.findings.map((f) => f.message.en).join(' | ')}`).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe('reading never throws', () => {
  const tableish = fc.array(
    fc.oneof(
      fc.constantFrom('一、总体情况', '三、收到和处理政府信息公开申请情况', '（七）总计', '行政复议', '0', '12', '/', '—', '', '1.属于国家秘密', '勾稽关系', '|', '\t', '\n', '2.其他', '713000074'),
      fc.string(),
    ),
    { maxLength: 200 },
  );
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), tableish.map((xs) => xs.join(' '))), (text) => {
        const r = checkPlain(text);
        expect(r.notices).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
  it('on arbitrary HTML', async () => {
    const tag = fc.constantFrom('p', 'div', 'td', 'tr', 'table', 'span', 'font', 'br', 'h1', 'script', 'nav', 'th');
    const html = fc.array(fc.tuple(tag, fc.boolean(), tableish.map((xs) => xs.join(''))), { maxLength: 60 }).map((parts) =>
      parts.map(([t, close, text]) => `<${t}>${text.replace(/</g, '&lt;')}${close ? `</${t}>` : ''}`).join(''),
    );
    await fc.assert(
      fc.asyncProperty(html, async (h) => {
        const r = await checkHtml(`<html><body>${h}</body></html>`);
        expect(r.notices).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
  it('on a report forced through the engine whatever its content', () => {
    fc.assert(
      fc.property(tableish, (xs) => {
        expect(() => checkPlain(xs.join('\n'))).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
