// Word files (.docx, .doc/.wps, RTF, Word 2003 XML, web pages and web archives saved as .doc) read
// as the command line and the viewer read them: values against the generator's, findings against
// the broken totals it knows or against the same report as a Word web page (the HTML reader).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cli } from './fixtures/cli';
import type { CheckResult } from '../lib/check';
import { checkWord } from '../lib/cli/word';
import { loadBytes } from '../lib/cli/load';
import { checkLoaded } from '../lib/cli/main';
import { classify } from '../lib/model';
import { readDoc } from '../lib/read/doc';
import { sniffType } from '../lib/read/sniff';
import { formats } from '../lib/spec';
import { DOC_FIXTURES, docFixtureBytes, type DocFixture } from './fixtures/doc-files';
import { documentXml, generatedReport, writeDocx, type GeneratedReport } from './fixtures/docx';
import { encodeGbk, loadSeed, renderWord, SEED_IDS, type SeedData, type SeedId } from './fixtures/render';
import { briefs, checkHtml } from './helpers';

/** A printed value as the engine gives it (unit suffixes stripped), blank as null. */
const num = (v: string) => classify(v).value ?? null;

/** Cells of tables 二, 三 and 四 read right (value or blank), against the report's own data. */
function cellScore(r: CheckResult, data: SeedData): { right: number; total: number; wrong: string[] } {
  let right = 0;
  let total = 0;
  const wrong: string[] = [];
  const cmp = (got: (number | null)[] | undefined, want: (number | null)[], what: string) =>
    want.forEach((w, i) => {
      total++;
      if (got?.[i] === w) right++;
      else wrong.push(`${what}[${i}]: ${got?.[i]} ≠ ${w}`);
    });
  const t = r.report?.tables;
  for (const row of data.t3.rows) cmp(t?.t3.rows[row.key]?.cells.map((c) => c.value), row.values.map(num), `t3.${row.key}`);
  cmp(t?.t4.rows.cells?.cells.map((c) => c.value), data.t4.values.map(num), 't4');
  const spec = formats[data.t2.format === '2019' ? '2019' : '2021'];
  data.t2.subtables.forEach((st, i) => st.rows.forEach((row, j) => cmp(t?.t2.rows[spec.t2.subtables[i].rows[j].key]?.cells.map((c) => c.value), row.slice(1).map(num), `t2.${i}.${j}`)));
  return { right, total, wrong };
}

/** What is wrong with the findings on a generated report: a broken total not named by an error, or anything else said. */
function findingProblems(r: CheckResult, g: GeneratedReport): string[] {
  const names = (f: CheckResult['findings'][number], b: GeneratedReport['broken'][number]) => f.cells.some((c) => c.table === b.table && c.row === b.row && c.col === b.col);
  const errors = r.findings.filter((f) => f.severity === 'error');
  const missed = g.broken.filter((b) => !errors.some((f) => names(f, b))).map((b) => `missed ${b.table}.${b.row}.${b.col}`);
  // Any other finding (an error naming no broken total, any warning) is a false one: the report is otherwise consistent.
  const other = r.findings.filter((f) => f.severity !== 'info' && !(f.severity === 'error' && g.broken.some((b) => names(f, b)))).map((f) => `${f.rule}:${f.severity}: ${f.message.en}`);
  return [...missed, ...other];
}

const check = (bytes: Uint8Array, name: string) => {
  const loaded = loadBytes(name, bytes, null, `file:///tmp/${name}`);
  return checkLoaded(name, loaded, false);
};

describe('.docx (docx-preview, as the viewer renders it)', () => {
  // Held-out seeds: the reader was tuned on 1–20.
  const SEEDS = Array.from({ length: 16 }, (_, i) => 1001 + i);

  it('generated reports: ≥ 99.5 % of cells right, every broken total an error, nothing else', async () => {
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    const problems: string[] = [];
    let broken = 0;
    for (const seed of SEEDS) {
      const g = generatedReport(seed);
      broken += g.broken.length;
      const r = await check(await writeDocx(g.data, seed), `r${seed}.docx`);
      const s = cellScore(r, g.data);
      right += s.right;
      total += s.total;
      wrong.push(...s.wrong.map((w) => `${seed} ${w}`));
      problems.push(...findingProblems(r, g).map((p) => `${seed} ${p}`));
    }
    expect(broken).toBeGreaterThan(10);
    expect(right / total, wrong.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.995);
    expect(problems).toEqual([]);
  });

  it.each(SEED_IDS)('seed %s: the findings of the same report as a Word web page', async (id) => {
    const s = loadSeed(id);
    const docx = await check(await writeDocx(s, 100 + Number(id)), `${id}.docx`);
    expect(docx.detection.isReport).toBe(true);
    expect(docx.notices).toEqual([]);
    expect(briefs(docx)).toEqual(briefs(await checkHtml(renderWord(s))));
  });

  it('a .docx that holds the report as an HTML alt chunk (HTML-to-Word converters): read as that HTML, inert', async () => {
    const s = loadSeed('003');
    const html = renderWord(s).replace('<body', '<body onload="alert(1)"').replace('</body>', '<script>alert(2)</script><iframe src="https://x"></iframe><img src="https://x/p.png"></body>');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="html" ContentType="text/html"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/_rels/document.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.html"/></Relationships>');
    zip.file('word/chunk.html', html);
    zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:altChunk r:id="rIdA"/><w:sectPr/></w:body></w:document>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(briefs(await check(bytes, 'export.docx'))).toEqual(briefs(await checkHtml(renderWord(s))));
    const { renderDocxNode } = await import('../lib/read/docx-node');
    const page = await renderDocxNode(bytes);
    try {
      expect(page.document.querySelector('iframe, script, [onload], img[src^="http"]')).toBeNull();
      expect(page.document.querySelectorAll('[data-alt-chunk] table')).toHaveLength(3);
    } finally {
      await page.close();
    }
  });

  it('merged cells keep their place: vMerge continuations hidden, gridAfter columns no cells', async () => {
    const { renderDocxNode } = await import('../lib/read/docx-node');
    const page = await renderDocxNode(await writeDocx(loadSeed('001'), 7));
    try {
      const tables = Array.from(page.document.querySelectorAll('table'));
      expect(tables).toHaveLength(3);
      const t3 = tables[1];
      expect(t3.querySelector('td[rowspan="3"][colspan="3"]')?.textContent).toContain('勾稽关系');
      // The 22 outcome rows under 三、本年度办理结果: one cell spanning them, 21 hidden below it.
      const outcome = Array.from(t3.querySelectorAll('td')).find((td) => td.textContent === '三、本年度办理结果')!;
      expect(outcome.getAttribute('rowspan')).toBe('22');
      expect(t3.querySelectorAll('td[style*="display: none"]').length).toBeGreaterThanOrEqual(21);
      expect(page.document.querySelector('iframe, script, object, embed')).toBeNull();
    } finally {
      await page.close();
    }
  });
});

/** The report a fixture holds and the findings expected of it. */
function expectationOf(f: DocFixture): { data: SeedData; g?: GeneratedReport } {
  if (f.source.kind === 'generated') {
    const g = generatedReport(f.source.seed);
    return { data: g.data, g };
  }
  return { data: loadSeed(f.source.id as SeedId) };
}

describe.each(['doc', 'rtf', 'xml'] as const)('LibreOffice-written %s files', (format) => {
  it.each(DOC_FIXTURES.filter((f) => f.format === format).map((f) => [f.name, f] as const))('%s: rows and cells recovered, the expected findings', async (_, f) => {
    const bytes = docFixtureBytes(f);
    const name = `${f.name}.${format === 'xml' ? 'doc' : format}`;
    const r = await check(bytes, name);
    const { data, g } = expectationOf(f);
    expect(r.detection.isReport).toBe(true);
    expect(r.notices.map((n) => n.en)).toEqual([]);
    const s = cellScore(r, data);
    expect(s.right / s.total, s.wrong.join('\n')).toBeGreaterThanOrEqual(0.995);
    if (g) expect(findingProblems(r, g)).toEqual([]);
    else expect(briefs(r)).toEqual(briefs(await checkHtml(renderWord(data))));
  });
});

it('.doc list numbers (Word draws them; the text stream lacks them) are written before their paragraphs', () => {
  const f = DOC_FIXTURES.find((x) => x.numbering)!;
  const html = readDoc(docFixtureBytes(f)).html;
  for (const h of ['一、总体情况', '二、主动公开政府信息情况', '六、其他需要报告的事项']) expect(html).toContain(`<p>${h}</p>`);
  expect(html).toContain('<p>1.属于国家秘密</p>');
  expect(html).toContain('<p>3.补正后申请内容仍不明确</p>');
});

it('a .wps (Kingsoft WPS, the .doc format) is read as the .doc it is', async () => {
  const f = DOC_FIXTURES.find((x) => x.format === 'doc')!;
  const bytes = docFixtureBytes(f);
  expect(briefs(await check(bytes, 'report.wps'))).toEqual(briefs(await check(bytes, 'report.doc')));
  expect((await check(bytes, 'report.wps')).detection.isReport).toBe(true);
});

describe('.doc whose grid cannot be recovered', () => {
  /** The same file with its paragraph properties cut away (lcbPlcfBtePapx = 0), as some writers leave them unreadable. */
  function withoutPapx(bytes: Uint8Array): Uint8Array {
    return patchFib(bytes, (w) => {
      const fcLcb = 154; // FibBase 32 + csw 2 + 28 + cslw 2 + 88 + cbRgFcLcb 2 (Word 97 and later)
      new DataView(w.buffer, w.byteOffset).setUint32(fcLcb + 13 * 8 + 4, 0, true);
    });
  }

  it('the text and values are read, the notice is given, and no sum is claimed as an error', async () => {
    const f = DOC_FIXTURES.find((x) => x.format === 'doc' && x.source.kind === 'generated' && generatedReport(x.source.seed).broken.length > 0)!;
    const bytes = withoutPapx(docFixtureBytes(f));
    expect(readDoc(bytes).gridLost).toBe(true);
    const r = await check(bytes, 'old.doc');
    expect(r.notices.map((n) => n.zh)).toContain('旧版 Word 表格结构可能不完整，建议另存为 .docx 或 PDF');
    expect(r.findings.filter((x) => x.severity === 'error').map((x) => x.message.en)).toEqual([]);
    // The broken total is still seen, as a warning that asks for a human look.
    const g = generatedReport((f.source as { seed: number }).seed);
    const b = g.broken[0];
    expect(r.findings.some((x) => x.severity === 'warning' && x.cells.some((c) => c.table === b.table && c.row === b.row && c.col === b.col))).toBe(true);
  });
});

describe('.doc files that are something else', () => {
  it('a web page saved as .doc (and as .wps) is read as the page', async () => {
    const s = loadSeed('003');
    const html = renderWord(s);
    const expected = briefs(await checkHtml(html));
    expect(sniffType(encodeGbk(html.replace('charset=utf-8', 'charset=gb2312')))).toBe('html');
    expect(briefs(await check(encodeGbk(html.replace('charset=utf-8', 'charset=gb2312')), 'report.doc'))).toEqual(expected);
    expect(briefs(await check(new TextEncoder().encode(html), 'report.wps'))).toEqual(expected);
  });

  it('a web archive (MHT, quoted-printable GBK) saved as .doc', async () => {
    const s = loadSeed('001');
    const html = renderWord(s).replace('charset=utf-8', 'charset=gb2312');
    const qp = Array.from(encodeGbk(html), (b) => (b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b)))
      .join('')
      .replace(/(.{72})/g, '$1=\r\n');
    const mht = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D9"\r\n\r\n此文档为“单个文件网页”。\r\n\r\n------=_NextPart_01D9\r\nContent-Location: file:///C:/report.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n${qp}\r\n\r\n------=_NextPart_01D9--\r\n`;
    const bytes = new TextEncoder().encode(mht);
    expect(sniffType(bytes)).toBe('mht');
    expect(briefs(await check(bytes, 'report.doc'))).toEqual(briefs(await checkHtml(renderWord(s))));
  });

  it("Word 2007's single-file XML (Flat OPC) saved as .doc: read as the .docx it spells out", async () => {
    const g = generatedReport(3002);
    const zip = await JSZip.loadAsync(await writeDocx(g.data, 3002));
    const parts: string[] = [];
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir || name === '[Content_Types].xml') continue;
      const text = (await entry.async('string')).replace(/^<\?xml[^>]*\?>\s*/, '');
      const type = name.endsWith('.rels') ? 'application/vnd.openxmlformats-package.relationships+xml' : name === 'word/document.xml' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' : 'application/xml';
      parts.push(`<pkg:part pkg:name="/${name}" pkg:contentType="${type}"><pkg:xmlData>${text}</pkg:xmlData></pkg:part>`);
    }
    const xml = `<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${parts.join('')}</pkg:package>`;
    const bytes = new TextEncoder().encode(xml);
    expect(sniffType(bytes)).toBe('word-xml');
    const r = await check(bytes, 'report.doc');
    const s = cellScore(r, g.data);
    expect(s.right / s.total, s.wrong.join('\n')).toBeGreaterThanOrEqual(0.995);
    expect(findingProblems(r, g)).toEqual([]);
  });

  it('Word 2003 XML with vertical merges (w:vmerge) and spans', async () => {
    const g = generatedReport(3001);
    // The same body in the 2003 vocabulary: another namespace, w:vmerge for w:vMerge, no package.
    const xml = documentXml(g.data, 3001)
      .replace('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://schemas.microsoft.com/office/word/2003/wordml')
      .replace(/<w:document /, '<?mso-application progid="Word.Document"?><w:wordDocument ')
      .replace('</w:document>', '</w:wordDocument>')
      .replace(/w:vMerge/g, 'w:vmerge');
    expect(xml).toContain('<w:vmerge/>');
    const bytes = new TextEncoder().encode(xml);
    expect(sniffType(bytes)).toBe('word-xml');
    const r = await check(bytes, 'report.doc');
    const s = cellScore(r, g.data);
    expect(s.right / s.total, s.wrong.join('\n')).toBeGreaterThanOrEqual(0.995);
    expect(findingProblems(r, g)).toEqual([]);
  });
});

/** A copy of a .doc with its FIB (the WordDocument stream's start) changed in place. */
function patchFib(bytes: Uint8Array, change: (fib: Uint8Array) => void): Uint8Array {
  const copy = bytes.slice();
  // The FIB starts with wIdent 0xA5EC: find the WordDocument stream by it (it is in a full sector).
  for (let o = 512; o + 512 <= copy.length; o += 512) {
    if (copy[o] === 0xec && copy[o + 1] === 0xa5 && copy[o + 0x1a] !== undefined) {
      change(copy.subarray(o));
      return copy;
    }
  }
  throw new Error('no FIB found');
}

describe('files we cannot read: said so, exit 2, the other inputs still checked', () => {
  it('damaged .docx, damaged and encrypted .doc, a .doc that is no Word file; the .docx beside them gives its findings as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nbw-'));
    const g = generatedReport(1003);
    const docx = await writeDocx(g.data, 1003);
    const good = join(dir, 'good.docx');
    writeFileSync(good, docx);
    const cutDocx = join(dir, 'cut.docx');
    writeFileSync(cutDocx, docx.subarray(0, Math.floor(docx.length / 2)));
    const doc = docFixtureBytes(DOC_FIXTURES[0]);
    const cutDoc = join(dir, 'cut.doc');
    writeFileSync(cutDoc, doc.subarray(0, 3000));
    const locked = join(dir, 'locked.doc');
    writeFileSync(locked, patchFib(doc, (w) => (w[0x0b] |= 0x01))); // fEncrypted (bit 8 of the flags at 0x0A)
    const junk = join(dir, 'junk.doc');
    writeFileSync(junk, 'just some words, no document');
    const { code, stdout } = await cli('--json', cutDocx, cutDoc, locked, junk, good);
    expect(code).toBe(2);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].error).toContain('Word 文件已损坏或不是有效的 .docx');
    expect(lines[1].error).toContain('Word 文件已损坏');
    expect(lines[2].error).toContain('Word 文件已加密');
    expect(lines[3].error).toContain('不是有效的 Word 文件');
    for (const l of lines.slice(0, 4)) expect(l).toMatchObject({ detected: false, report: null, findings: [] });
    // The good file: the same JSON as the engine gives in-process (the viewer's path).
    const inProcess = await checkWord('good.docx', docx, 'docx', false);
    const { toJson } = await import('../lib/json');
    expect(lines[4].findings).toEqual(toJson('good.docx', inProcess, 'zh').findings);
    expect(lines[4].findings.filter((f: { severity: string }) => f.severity === 'error').length).toBeGreaterThanOrEqual(g.broken.length > 0 ? 1 : 0);
    const en = await cli('--json', '--lang', 'en', cutDoc);
    expect(JSON.parse(en.stdout).error).toContain('The Word file is damaged');
  });
});
