import { describe, expect, it } from 'vitest';
import { RtfError, readRtf } from './rtf';

const rtf = (body: string, head = '{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\\'cb\\\'ce\\\'cc\\\'e5;}{\\f1\\fnil\\fcharset0 Arial;}}') => new TextEncoder().encode(`${head}${body}}`);

describe('RTF', () => {
  it('text by \\u (its fallback skipped) and by GBK bytes of the code page; skipped destinations; escaped', () => {
    const r = readRtf(rtf('{\\*\\generator Word;}{\\info{\\title x}}\\pard \\f0\\\'d2\\\'bb\\\'a1\\\'a2\\u24635?\\u20307?\\\'c7\\\'e9\\\'bf\\\'f6\\par <b>&amp;\\tab x\\line y\\par {\\field{\\*\\fldinst PAGE}{\\fldrslt 3}}\\par'));
    expect(r.html).toBe('<p>一、总体情况</p>\n<p>&lt;b&gt;&amp;amp;\tx<br>y</p>\n<p>3</p>');
  });

  it('tables: \\cellx edges give spans, \\clvmgf/\\clvmrg vertical merges', () => {
    const row1 = '\\trowd\\clvmgf\\cellx1000\\cellx3000\\pard\\intbl A\\cell B\\cell\\row';
    const row2 = '\\trowd\\clvmrg\\cellx1000\\cellx2000\\cellx3000\\pard\\intbl\\cell 1\\cell 2\\cell\\row';
    const r = readRtf(rtf(`${row1}${row2}\\pard after\\par`));
    expect(r.gridLost).toBe(false);
    expect(r.html).toBe('<table border="1"><tr><td rowspan="2"><p>A</p></td><td colspan="2"><p>B</p></td></tr>\n<tr><td><p>1</p></td><td><p>2</p></td></tr></table>\n<p>after</p>');
  });

  it('a row whose cells and edges disagree: tab-joined lines, the grid said to be lost', () => {
    const r = readRtf(rtf('\\trowd\\cellx1000\\pard\\intbl a\\cell b\\cell\\row\\pard\\par'));
    expect(r.gridLost).toBe(true);
    expect(r.html).toContain('<pre>a\tb</pre>');
  });

  it('AbiWord: the empty cells it writes first for places merged cells above cover are no cells of the row', () => {
    const row1 = '\\trowd\\clvmgf\\cellx1000\\cellx2000\\cellx3000\\pard\\intbl A\\cell B\\cell C\\cell\\row';
    const row2 = '\\trowd\\clvmrg\\cellx1000\\cellx2000\\cellx3000\\cell\\pard\\intbl\\cell 1\\cell 2\\cell\\row';
    const r = readRtf(rtf(`${row1}${row2}`));
    expect(r.gridLost).toBe(false);
    expect(r.html).toContain('<tr><td><p>1</p></td><td><p>2</p></td></tr>');
    // A surplus that holds text is not AbiWord's: the grid stays lost.
    expect(readRtf(rtf('\\trowd\\cellx1000\\pard\\intbl a\\cell\\cell\\row')).gridLost).toBe(true);
  });

  it('not RTF: an RtfError', () => {
    expect(() => readRtf(new TextEncoder().encode('hello'))).toThrow(RtfError);
  });
});

describe('RTF \\upr', () => {
  it('reads the Unicode copy (\\ud), not the ANSI one', () => {
    const r = readRtf(new TextEncoder().encode('{\\rtf1\\ansi\\ansicpg936 {\\upr{\\\'3f\\\'3f}{\\*\\ud{\\u24180?\\u25253?}}}\\par}'));
    expect(r.html).toBe('<p>年报</p>');
  });
});
