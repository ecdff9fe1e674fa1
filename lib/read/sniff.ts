// What a file is, by its first bytes (a server's content type and a file name are often wrong:
// attachments come as application/octet-stream, .doc files that are HTML, .wps that are .doc).

/**
 * 'word-xml': Word 2003 XML (WordprocessingML 2003) or Word 2007's Flat OPC XML, 'mht': a web archive (MIME multipart/related,
 * what Word's 「单个文件网页」 writes); both are often published under a .doc name.
 */
export type FileType = 'pdf' | 'docx' | 'ofd' | 'zip' | 'ole' | 'rtf' | 'word-xml' | 'mht' | 'png' | 'jpeg' | 'html' | 'text';

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** The type of a file from its bytes; 'text' when nothing binary is recognised. */
export function sniffType(bytes: Uint8Array): FileType {
  // "%PDF-" may follow a few bytes of junk (some servers prepend a BOM or a newline).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (/^[\s\ufeff\u00ef\u00bb\u00bf]{0,8}%PDF-/.test(head)) return 'pdf';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: its entry names tell Word (word/document.xml) from OFD (OFD.xml) from others. The
    // names of the first entries stand in the clear near the start.
    // Also the central directory at the end (every name is there), for zips that put media first.
    const names = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))) + new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 64 * 1024)));
    if (/word\//.test(names)) return 'docx';
    if (/OFD\.xml/i.test(names)) return 'ofd';
    return 'zip';
  }
  if (/^[\s\ufeff]{0,8}\{\\rtf/.test(head)) return 'rtf';
  // Word 2003 XML: the root element is w:wordDocument (after the declaration and processing instructions).
  if (/^[\s\ufeff\u00ef\u00bb\u00bf]{0,8}<\?xml/.test(head)) {
    const xmlHead = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
    if (/<w:wordDocument[\s>]/.test(xmlHead)) return 'word-xml';
    // Word 2007's single-file XML (Flat OPC): a .docx package spelled out in one XML file.
    if (/<pkg:package[\s>]/.test(xmlHead) && /Word\.Document|wordprocessingml/.test(xmlHead)) return 'word-xml';
  }
  // A web archive: MIME headers first (Word writes MIME-Version, others From or Subject), multipart/related among them.
  if (/^[\s\ufeff]{0,8}(?:mime-version|content-type|from|subject|date|message-id|content-location|x-[\w-]+)\s*:/i.test(head) && /multipart\/related/i.test(head)) return 'mht';
  if (/<!doctype html|<html|<body|<table|<meta|<p[ >]/i.test(head)) return 'html';
  return 'text';
}
