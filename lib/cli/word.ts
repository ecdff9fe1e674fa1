// Word files on the command line (.docx, .doc/.wps, RTF): the same readers as the viewer's, then
// the DOM path of web pages. A file we cannot read is an InputError (exit 2), never 「未发现问题」.
import { checkDoc, type CheckResult } from '../check';
import type { Text } from '../findings';
import type { SourceDoc } from '../model';
import { DocError, GRID_LOST_NOTICE, readDoc, unsureTables, wordXmlHtml, type DocRead } from '../read/doc';
import { DocxError, flatOpcDocx, isFlatOpc } from '../read/docx';
import { renderDocxNode } from '../read/docx-node';
import { RtfError, readRtf } from '../read/rtf';
import type { FileType } from '../read/sniff';
import { findReportRoot, readDocumentAt } from '../source';
import { parseHtml, type ParsedHtml } from './html';
import { InputError } from './load';
import { checkWithPictures, ocrDeps } from './pictures';
import type { NodeRecognizer } from '../ocr/node';

export async function checkWord(input: string, bytes: Uint8Array, type: FileType, force: boolean): Promise<CheckResult> {
  if (type === 'docx' || (type === 'word-xml' && isFlatOpc(bytes))) {
    const page = await opened(input, async () => renderDocxNode(type === 'docx' ? bytes : await flatOpcDocx(bytes)));
    return checkPage(page, force, (s) => s, []);
  }
  const read: Partial<Record<FileType, () => DocRead>> = { ole: () => readDoc(bytes), rtf: () => readRtf(bytes), 'word-xml': () => wordXmlHtml(bytes) };
  const reader = read[type];
  if (reader) {
    const doc = await opened(input, async () => reader());
    // Rows and cells not recovered: the text is still read, but no sum of it is claimed as sure.
    return checkPage(parseHtml(doc.html), force, doc.gridLost ? unsureTables : (s) => s, doc.gridLost ? [GRID_LOST_NOTICE] : []);
  }
  throw new InputError(`暂不支持此格式（${type}）：${input}`, `This format is not supported (${type}): ${input}`);
}

/** Runs a reader; its own errors (a damaged, encrypted or foreign file) become the input's error. */
async function opened<T>(input: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof DocxError || e instanceof DocError || e instanceof RtfError) throw new InputError(`${e.zh}：${input}`, `${e.en}: ${input}`);
    throw e;
  }
}

/**
 * The rendered file checked as a web page is, pictures included: a table pasted into the document as
 * a picture (sections 二/三/四 without a table) is read by the same OCR as a page's, or said unread,
 * never reported missing. The OCR engine starts only for such a picture and stops after the file.
 */
async function checkPage(page: ParsedHtml, force: boolean, adjust: (s: SourceDoc) => SourceDoc, notices: Text[]): Promise<CheckResult> {
  let recognizer: Promise<NodeRecognizer> | null = null;
  const getRecognizer = async () => (recognizer ??= import('../ocr/node').then((m) => m.nodeRecognizer()));
  try {
    const document = page.document;
    const root = findReportRoot(document);
    const source = adjust(readDocumentAt(document, root));
    const first = checkDoc(source, { force });
    // Pictures of a Word file are inside it (data: URLs); nothing is fetched from anywhere.
    const result = await checkWithPictures(document, root, source, first, 'about:blank', force, () => ocrDeps(getRecognizer));
    const all = [...notices, ...page.notices, ...result.notices];
    return all.length ? { ...result, notices: all } : result;
  } finally {
    await page.close();
    if (recognizer) await (recognizer as Promise<NodeRecognizer>).then((r) => r.close()).catch(() => {});
  }
}
