// A table pasted into a Word file as a picture (a screenshot of Word or Excel) is read by the same
// OCR as a page's picture, never reported missing. Pictures made by Chromium from the generator's data.
import { describe, expect, it } from 'vitest';
import { checkWord } from '../lib/cli/word';
import { generatedReport, writeDocx } from './fixtures/docx';
import { styleOf, tableImage, withBrowser } from './fixtures/images';

describe('.docx with a table as a picture', () => {
  it('table 四 as a picture: its values read by OCR where the table should stand, the table not missing', async () => {
    const g = generatedReport(1013);
    const picture = await withBrowser((b) => tableImage(b, g.data, 't4', styleOf(1013)));
    const r = await checkWord('report.docx', await writeDocx(g.data, 1013, { pictures: { 4: picture } }), 'docx', false);
    expect(r.findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
    const read = r.report!.tables.t4.rows.cells.cells.map((c) => c.value);
    const right = read.filter((v, i) => v === Number(g.data.t4.values[i])).length;
    expect(right).toBeGreaterThanOrEqual(14);
    // Values read from a picture are never the base of an error unless read surely (the OCR's own rule).
    for (const f of r.findings.filter((x) => x.severity === 'error')) expect(f.cells.every((c) => c.table !== 't4' || g.broken.some((b) => b.table === 't4'))).toBe(true);
  });
});
