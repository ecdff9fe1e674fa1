import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../test/fixtures/render';
import { DocError, mhtHtml, readDoc, unsureTables, wordXmlHtml } from './doc';

/** Text pieces of a hand-built .doc: 8-bit (GBK or cp1252 bytes) or UTF-16. */
type Piece = { compressed: true; bytes: Uint8Array } | { compressed: false; text: string };

/** A minimal Word 97 file: a FIB, the pieces' text in the WordDocument stream, a piece table in 1Table. */
function buildDoc(pieces: Piece[], opts: { lid?: number; flags?: number; nFib?: number } = {}): Uint8Array {
  const w = new Uint8Array(4096);
  const dv = new DataView(w.buffer);
  dv.setUint16(0, 0xa5ec, true);
  dv.setUint16(2, opts.nFib ?? 0xc1, true);
  dv.setUint16(6, opts.lid ?? 0x0804, true);
  dv.setUint16(0x0a, opts.flags ?? 0x0200, true);
  dv.setUint16(32, 14, true); // csw
  const lw = 32 + 2 + 28 + 2;
  dv.setUint16(lw - 2, 22, true); // cslw
  const fcLcb = lw + 88 + 2;
  dv.setUint16(fcLcb - 2, 93, true); // cbRgFcLcb
  // Text from offset 1024; the piece table records each piece's CPs and file offset.
  let fc = 1024;
  let cp = 0;
  const cps: number[] = [0];
  const pcds: number[] = [];
  for (const p of pieces) {
    if (p.compressed) {
      w.set(p.bytes, fc);
      pcds.push((fc * 2) | 0x40000000);
      fc += p.bytes.length;
      cp += p.bytes.length;
    } else {
      for (let i = 0; i < p.text.length; i++) dv.setUint16(fc + i * 2, p.text.charCodeAt(i), true);
      pcds.push(fc);
      fc += p.text.length * 2;
      cp += p.text.length;
    }
    cps.push(cp);
  }
  dv.setUint32(lw + 12, cp, true); // ccpText
  const plc = new Uint8Array(cps.length * 4 + pcds.length * 8);
  const pv = new DataView(plc.buffer);
  cps.forEach((c, i) => pv.setUint32(i * 4, c, true));
  pcds.forEach((f, i) => pv.setUint32(cps.length * 4 + i * 8 + 2, f >>> 0, true));
  const table = new Uint8Array(5 + plc.length);
  table[0] = 0x02;
  new DataView(table.buffer).setUint32(1, plc.length, true);
  table.set(plc, 5);
  dv.setUint32(fcLcb + 33 * 8, 0, true); // fcClx
  dv.setUint32(fcLcb + 33 * 8 + 4, table.length, true);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/WordDocument', w);
  CFB.utils.cfb_add(cfb, '/1Table', table);
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as number[]);
}

describe('old Word files (.doc/.wps) by their piece table', () => {
  it('GBK 8-bit pieces of a Chinese file, UTF-16 pieces, field results without their codes', () => {
    const doc = buildDoc([
      { compressed: true, bytes: encodeGbk('2023年度报告\r') },
      { compressed: false, text: '第\x13 PAGE \x14三\x15页\r' },
    ]);
    const r = readDoc(doc);
    expect(r.html).toBe('<p>2023年度报告</p>\n<p>第三页</p>');
    expect(r.gridLost).toBe(false);
  });

  it("a Chinese file's 8-bit piece of Latin text with curly quotes is cp1252, not GBK", () => {
    const r = readDoc(buildDoc([{ compressed: true, bytes: new Uint8Array([0x93, 0x41, 0x42, 0x94, 0x0d]) }], { lid: 0x0804 }));
    expect(r.html).toBe('<p>\u201cAB\u201d</p>');
  });

  it('cp1252 pieces of another language; text is escaped', () => {
    const r = readDoc(buildDoc([{ compressed: true, bytes: new Uint8Array([0x93, 0x3c, 0x62, 0x3e, 0x94, 0x0d]) }], { lid: 0x0409 }));
    expect(r.html).toBe('<p>\u201c&lt;b&gt;\u201d</p>');
  });

  it('cell marks without paragraph properties: tab-joined rows, and the grid said to be lost', () => {
    const r = readDoc(buildDoc([{ compressed: false, text: '表三\r名称\x07数量\x07\x07规章\x075\x07\x07完\r' }]));
    expect(r.gridLost).toBe(true);
    expect(r.html).toBe('<p>表三</p>\n<pre>名称\t数量\n规章\t5</pre>\n<p>完</p>');
  });

  it('encrypted, Word 6/95, not Word, damaged: a DocError that says which', () => {
    const err = (b: Uint8Array) => {
      try {
        readDoc(b);
      } catch (e) {
        expect(e).toBeInstanceOf(DocError);
        return (e as DocError).zh;
      }
      throw new Error('no error');
    };
    const text = { compressed: false as const, text: '报告\r' };
    expect(err(buildDoc([text], { flags: 0x0300 }))).toContain('已加密');
    expect(err(buildDoc([text], { nFib: 0x65 - 1 }))).toContain('Word 6.0/95');
    // A password-protected .docx is an OLE file holding the encrypted package.
    const locked = CFB.utils.cfb_new();
    CFB.utils.cfb_add(locked, '/EncryptionInfo', new Uint8Array(600));
    CFB.utils.cfb_add(locked, '/EncryptedPackage', new Uint8Array(600));
    expect(err(new Uint8Array(CFB.write(locked, { type: 'array' }) as number[]))).toContain('已加密');
    const other = CFB.utils.cfb_new();
    CFB.utils.cfb_add(other, '/Workbook', new Uint8Array(600));
    expect(err(new Uint8Array(CFB.write(other, { type: 'array' }) as number[]))).toContain('不是 Word 文档');
    expect(err(buildDoc([text]).subarray(0, 1500))).toContain('已损坏');
  });

  it('never fails otherwise on damaged bytes (random corruption of a real file)', () => {
    const good = buildDoc([{ compressed: false, text: '名称\x07数量\x07\x07规章\x075\x07\x07\r' }]);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 200; k++) {
      const b = good.slice();
      for (let i = 0; i < 20; i++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      try {
        readDoc(b);
      } catch (e) {
        expect(e).toBeInstanceOf(DocError);
      }
    }
  });

  it('unsureTables: every value unsure, labels kept', () => {
    const src = {
      lines: [{ tokens: [{ kind: 'text' as const, raw: '规章', cell: true, confident: true, anchor: { kind: 'text' as const, line: 0, col: 0, length: 2 } }, { kind: 'number' as const, raw: '5', value: 5, cell: true, confident: true, anchor: { kind: 'text' as const, line: 0, col: 3, length: 1 } }], text: '规章 5', prose: false, rowEnd: true, anchor: { kind: 'text' as const, line: 0, col: 0, length: 4 } }],
    };
    expect(unsureTables(src).lines[0].tokens.map((t) => t.confident)).toEqual([true, false]);
  });
});

describe('other files saved as .doc', () => {
  it('a web archive: the HTML part, base64, by its charset', () => {
    const html = '<html><body><p>二、主动公开</p></body></html>';
    const b64 = btoa(String.fromCharCode(...encodeGbk(html)));
    const mht = `MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b1"\n\n--b1\nContent-Type: image/png\n\nxx\n--b1\nContent-Type: text/html; charset="gbk"\nContent-Transfer-Encoding: base64\n\n${b64}\n--b1--\n`;
    expect(mhtHtml(new TextEncoder().encode(mht))).toContain('二、主动公开');
    expect(() => mhtHtml(new TextEncoder().encode('MIME-Version: 1.0\n\nnothing'))).toThrow(DocError);
  });

  it('Word 2003 XML: spans, gridBefore, vertical merges, breaks and tabs; markup in text escaped', () => {
    const tc = (t: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const xml = `<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r><w:t>a &lt;b&gt;</w:t><w:tab/><w:t>c</w:t><w:br/><w:t>d</w:t></w:r></w:p><w:tbl><w:tr>${tc('x', '<w:vmerge w:val="restart"/>')}${tc('y', '<w:gridSpan w:val="2"/>')}</w:tr><w:tr>${tc('', '<w:vmerge/>')}${tc('1')}${tc('2')}</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('3')}${tc('4')}</w:tr></w:tbl></w:body></w:wordDocument>`;
    const r = wordXmlHtml(new TextEncoder().encode(xml));
    expect(r.gridLost).toBe(false);
    expect(r.html).toBe('<p>a &lt;b&gt;\tc<br>d</p>\n<table border="1"><tr><td rowspan="2"><p>x</p></td><td colspan="2"><p>y</p></td></tr>\n<tr><td><p>1</p></td><td><p>2</p></td></tr>\n<tr><td data-grid-placeholder=""></td><td><p>3</p></td><td><p>4</p></td></tr></table>');
  });
});
