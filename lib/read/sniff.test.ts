import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sniffType } from './sniff';

const bytes = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe('what a file is, by its bytes', () => {
  it('knows PDF (also after a stray newline), pictures, old Word, RTF, HTML and text', () => {
    expect(sniffType(new Uint8Array(readFileSync('../shared/reports/001/source.pdf')))).toBe('pdf');
    expect(sniffType(bytes('\n%PDF-1.7\n'))).toBe('pdf');
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('png');
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffType(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole');
    expect(sniffType(bytes('{\\rtf1\\ansi'))).toBe('rtf');
    // A ".doc" that is a saved web page.
    expect(sniffType(bytes('<html xmlns:w="urn:schemas-microsoft-com:office:word"><body>'))).toBe('html');
    expect(sniffType(bytes('一、总体情况'))).toBe('text');
  });

  it('tells Word from OFD among zips by their entry names', () => {
    const zip = (name: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0), ...bytes(name)]);
    expect(sniffType(zip('word/document.xml'))).toBe('docx');
    expect(sniffType(zip('OFD.xml'))).toBe('ofd');
    expect(sniffType(zip('data.csv'))).toBe('zip');
  });

  it('knows Word 2003 XML and web archives (both often named .doc) from other XML and pages', () => {
    expect(sniffType(bytes('<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">'))).toBe('word-xml');
    expect(sniffType(bytes('<?xml version="1.0"?><rss version="2.0">'))).toBe('text');
    expect(sniffType(bytes('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n<html>'))).toBe('mht');
    expect(sniffType(bytes('From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html"'))).toBe('mht');
    // A page that mentions multipart/related is still a page.
    expect(sniffType(bytes('<html><body><p>Content-Type: multipart/related</p>'))).toBe('html');
  });
});
