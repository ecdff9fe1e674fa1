// Headings as real reports print them: other wordings in a section's place, headings inside long lines.
import { describe, expect, it } from 'vitest';
import { SEED_IDS, loadSeed, renderOneLine, renderTsv, renderWord, type SeedData } from '../../test/fixtures/render';
import { briefs, checkHtml, checkPlain } from '../../test/helpers';

const withHeading = (n: number, heading: string): SeedData => {
  const d = loadSeed('002');
  d.sections[n - 1].heading = heading;
  return d;
};

describe('a numbered heading in a section\'s place, in other words', () => {
  it.each([
    [6, '六、其他需要说明的事项'],
    [6, '六、其他事项'],
    [5, '五、存在的主要问题及整改措施'],
    [5, '五、存在的不足及下一步工作打算'],
    [1, '一、基本情况'],
  ])('section %i printed as 「%s」 is that section under a variant heading', (n, heading) => {
    for (const text of [renderTsv(withHeading(n, heading)), renderOneLine(withHeading(n, heading))]) {
      const r = checkPlain(text);
      expect(r.findings.filter((f) => f.rule === 'section-missing')).toEqual([]);
      const variant = r.findings.find((f) => f.rule === 'section-heading-variant' && f.section === n)!;
      expect(variant.message.zh).toContain(heading);
    }
  });

  it('a heading with another numeral is not taken for the section (it stays missing)', () => {
    const d = withHeading(6, '七、其他需要说明的事项');
    expect(briefs(checkPlain(renderTsv(d)))).toContain('section-missing:error:s6');
  });

  it('a group label read apart from its rows (「三、 结」 between two lines of values, as OCR splits it) is no heading', () => {
    const d = loadSeed('002');
    d.sections[2].heading = '';
    const lines = renderTsv(d).split('\n');
    const at = lines.findIndex((l) => l.includes('本机关不掌握相关政府信息'));
    lines.splice(at + 1, 0, '本年度办理', '三、\t结\t（四）无法提');
    const r = checkPlain(lines.join('\n'));
    expect(r.report!.sections[2].found).toBe(false);
    expect(r.report!.tables.t3.rows.a).toBeDefined();
    expect(r.report!.tables.t3.rows.c).toBeDefined();
  });

  it('a table row that begins with a numeral never takes the place of a section heading', () => {
    const d = loadSeed('002');
    d.sections[3].heading = '';
    const r = checkPlain(renderOneLine(d));
    // Section 四 is gone; 「四、结转下年度继续办理」 (table 三's last row) is not taken for it.
    expect(r.report!.sections[3].found).toBe(false);
    expect(r.report!.tables.t3.rows.w).toBeDefined();
  });
});

describe('the whole report in one line or a few (text copied or crawled from a page)', () => {
  it.each(SEED_IDS.flatMap((id) => [' ', ''].flatMap((sep) => [1, 3].map((lines) => [id, sep, lines] as const))))(
    'seed %s, cells joined by %j, %i line(s): every section found inline, in order',
    (id, sep, lines) => {
      const r = checkPlain(renderOneLine(loadSeed(id), sep, lines));
      expect(r.detection.isReport).toBe(true);
      expect(r.report!.sections.map((s) => s.found)).toEqual([true, true, true, true, true, true]);
      expect(r.findings.filter((f) => f.rule === 'section-missing')).toEqual([]);
      // Cells run together: never an arithmetic error from a split we invented.
      expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.message.en)).toEqual([]);
    },
  );

  it('a section whose heading is not found in a run-on text that has its words is a warning that says why', () => {
    const d = loadSeed('002');
    d.sections[4].heading = '';
    d.sections[4].paragraphs.unshift('本机关存在的问题主要是更新不及时，改进措施是加强培训。');
    const f = checkPlain(renderOneLine(d)).findings.find((x) => x.rule === 'section-missing')!;
    expect(f.severity).toBe('warning');
    expect(f.message.zh).toContain('无法可靠区分各部分');
  });

  it('a section whose words are nowhere in a run-on text is missing for certain', () => {
    const d = loadSeed('002');
    d.sections = d.sections.filter((s) => s.n !== 5);
    const f = checkPlain(renderOneLine(d)).findings.find((x) => x.rule === 'section-missing')!;
    expect(f.severity).toBe('error');
  });

  it('an unnumbered 「其他需要报告的事项」 run into the text after a sentence is section 六', () => {
    const d = loadSeed('002');
    d.sections[5].heading = '其他需要报告的事项';
    const r = checkPlain(renderOneLine(d));
    expect(r.report!.sections[5].found).toBe(true);
  });
});

describe('a table of contents at the top (目录: the six headings one after another)', () => {
  it.each(['html', 'text'] as const)('in %s: the headings after it are the sections, the tables are read', async (kind) => {
    const d = loadSeed('002');
    const toc = ['目录', ...d.sections.map((s) => s.heading)];
    d.preamble = [...toc, ...d.preamble];
    const r = kind === 'text' ? checkPlain(renderTsv(d)) : await checkHtml(renderWord(d));
    expect(r.report!.tables.t3.found && r.report!.tables.t4.found && r.report!.tables.t2.found).toBe(true);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.message.en)).toEqual([]);
    // The section is the heading after the contents.
    expect(r.report!.sections[2].line).toBeGreaterThan(toc.length + 1);
  });
});

describe('two reports on one page', () => {
  it('the first is read, the second is said and never mixed in', async () => {
    const first = loadSeed('003');
    const second = loadSeed('002');
    second.title = '某某县某某局2021年政府信息公开工作年度报告';
    const html = renderWord(first).replace('</div></body>', `${renderWord(second).split('<div class="WordSection1">')[1]}`);
    const r = await checkHtml(html);
    expect(r.notices.map((n) => n.zh)).toEqual([`本页还有另一份年度报告（「${second.title}」），只核对了前一份`]);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['row-length']);
    expect(r.report!.year).toBe(2024);
  });
});
