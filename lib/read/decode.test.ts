import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../test/fixtures/render';
import { decodeBytes, sniffHtmlCharset, unknownCharsetNotice } from './decode';

describe('charset decoding', () => {
  it('decodes a GB2312 page by its meta declaration', () => {
    const bytes = encodeGbk('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>三、收到和处理政府信息公开申请情况</body></html>');
    expect(sniffHtmlCharset(bytes)).toBe('gbk');
    expect(decodeBytes(bytes, { html: true }).text).toContain('三、收到和处理政府信息公开申请情况');
  });
  it('prefers the transport charset, then falls back from UTF-8 to GBK', () => {
    const gbk = encodeGbk('行政复议');
    expect(decodeBytes(gbk, { contentType: 'text/html; charset=GBK' }).text).toBe('行政复议');
    expect(decodeBytes(gbk).charset).toBe('gbk');
    expect(decodeBytes(new TextEncoder().encode('行政诉讼')).text).toBe('行政诉讼');
  });
  it('honours a UTF-8 byte order mark', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
  });
});

describe('a declared charset no decoder knows', () => {
  const page = (charset: string, body: string) => `<html><head><meta charset="${charset}"><title>t</title></head><body>${body}</body></html>`;
  it('is read as UTF-8 when the bytes are valid UTF-8, and says so', () => {
    const d = decodeBytes(new TextEncoder().encode(page('utf-902', '三、收到和处理政府信息公开申请情况')), { html: true });
    expect(d.text).toContain('三、收到和处理政府信息公开申请情况');
    expect(d).toMatchObject({ charset: 'utf-8', unknownCharset: 'utf-902' });
  });
  it('is read as GBK when the bytes are not UTF-8', () => {
    const d = decodeBytes(encodeGbk(page('x-unheard-of', '行政复议')), { html: true });
    expect(d.text).toContain('行政复议');
    expect(d).toMatchObject({ charset: 'gbk', unknownCharset: 'x-unheard-of' });
  });
  it('treats the replacement encoding (iso-2022-kr) as unknown rather than turning the page into U+FFFD', () => {
    const d = decodeBytes(encodeGbk(page('iso-2022-kr', '行政诉讼')), { html: true });
    expect(d.text).toContain('行政诉讼');
    expect(d.unknownCharset).toBe('iso-2022-kr');
  });
  it('an unknown transport charset is sniffed too', () => {
    const d = decodeBytes(encodeGbk('行政复议'), { contentType: 'text/html; charset=klingon' });
    expect(d).toMatchObject({ text: '行政复议', charset: 'gbk', unknownCharset: 'klingon' });
  });
  it('known labels are no notice: UTF-16 declared in the page means UTF-8, x-user-defined means windows-1252', () => {
    const utf16 = decodeBytes(new TextEncoder().encode(page('utf-16', '行政复议')), { html: true });
    expect(utf16.charset).toBe('utf-8');
    expect(utf16.text).toContain('行政复议');
    expect(utf16.unknownCharset).toBeUndefined();
    const user = decodeBytes(new Uint8Array([...new TextEncoder().encode('<meta charset=x-user-defined>'), 0xe9]), { html: true });
    expect(user.charset).toBe('windows-1252');
    expect(user.text.endsWith('é')).toBe(true);
    expect(user.unknownCharset).toBeUndefined();
  });
  it('the notice names both charsets in both languages', () => {
    const n = unknownCharsetNotice('utf-902', 'gbk');
    expect(n.zh).toContain('「utf-902」');
    expect(n.zh).toContain('GBK');
    expect(n.en).toContain('"utf-902"');
    expect(n.en).toContain('GBK');
  });
});

describe('the declared charset', () => {
  it('is not read from another page held in a script string', () => {
    const page = `<html><head><title>x</title></head><body><script>var s = "<meta charset=\\"gbk\\">";</script></body></html>`;
    expect(sniffHtmlCharset(new TextEncoder().encode(page))).toBeNull();
  });
});
