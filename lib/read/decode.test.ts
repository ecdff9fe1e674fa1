import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../test/fixtures/render';
import { decodeBytes, sniffHtmlCharset } from './decode';

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
