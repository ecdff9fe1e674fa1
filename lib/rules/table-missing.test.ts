import { describe, expect, it } from 'vitest';
import { checkChanged } from '../../test/fixtures/base';

describe('table-missing', () => {
  it('reports a section that has no table', () => {
    const r = checkChanged((d) => {
      d.t4.values = [];
    });
    // The renderer still prints 表四's headers; without values there is nothing to read.
    const f = r.findings.filter((x) => x.rule === 'table-missing' || x.rule === 'row-length');
    expect(f.length).toBe(1);
  });
});

describe('table-missing when only the heading names the table', () => {
  it('a section 四 heading (复议, 诉讼) without any table is a missing table, not a short row', async () => {
    const { checkHtml } = await import('../../test/helpers');
    const { renderWord } = await import('../../test/fixtures/render');
    const { baseReport } = await import('../../test/fixtures/base');
    let k = 0;
    // The Word page with table 四 left out entirely (its heading stays).
    const html = renderWord(baseReport()).replace(/<table[\s\S]*?<\/table>/g, (t) => (k++ === 2 ? '' : t));
    const r = await checkHtml(html);
    expect(r.report!.tables.t4.found).toBe(false);
    expect(r.findings.filter((f) => f.rule === 'table-missing' || f.rule === 'row-length').map((f) => [f.rule, f.severity, f.section])).toEqual([['table-missing', 'error', 4]]);
  });
});
