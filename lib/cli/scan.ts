// Scanned PDFs on the command line: each page rendered in Node (pdf-render-node.ts) and its tables
// read by the OCR table reader (lib/read/pdf-scan.ts), then the engine, table rules only (as for a
// picture: headings and prose are not read). A scan without any table is said so (exit 2).
import { checkDoc, type CheckResult } from '../check';
import type { Text } from '../findings';
import { nodeRecognizer, type NodeRecognizer } from '../ocr/node';
import { ocrPdf, type OcrPdfResult } from '../read/pdf-scan';
import { openPdfNode, renderPageNode, type PDFPageProxy } from '../read/pdf-render-node';
import { InputError } from './load';

const TABLE_NAMES: Record<string, [string, string]> = { t2: ['表二（主动公开）', 'Table 二 (proactive disclosure)'], t3: ['表三（依申请公开）', 'Table 三 (requests)'], t4: ['表四（复议、诉讼）', 'Table 四 (reviews and suits)'] };

/** The OCR of a scanned PDF's pages in Node. Throws an InputError for a file pdf.js cannot open. */
export async function readScannedPdf(input: string, bytes: Uint8Array, onPage?: (done: number, total: number) => void, scale?: number): Promise<OcrPdfResult> {
  let doc;
  let rec: NodeRecognizer | undefined;
  try {
    doc = await openPdfNode(bytes);
  } catch (e) {
    if ((e as Error).name === 'PasswordException') throw new InputError(`PDF 文件已加密，无法读取：${input}`, `The PDF is encrypted and cannot be read: ${input}`);
    throw new InputError(`PDF 文件已损坏，无法读取（${(e as Error).message}）：${input}`, `The PDF is damaged and cannot be read (${(e as Error).message}): ${input}`);
  }
  try {
    // A recognizer of its own, closed after the file (starting one costs well under a second; the
    // pages cost seconds each).
    rec = await nodeRecognizer();
    return await ocrPdf(doc, { render: (page, scale) => renderPageNode(page as PDFPageProxy, scale), recognizer: rec, onPage, scale });
  } finally {
    await rec?.close().catch(() => {});
    await doc.destroy();
  }
}

export async function checkScannedPdf(input: string, bytes: Uint8Array, _force: boolean): Promise<CheckResult> {
  const read = await readScannedPdf(input, bytes);
  const result = checkDoc(read.source, { force: true, scope: 'tables' });
  const found = Object.entries(result.report?.tables ?? {}).filter(([, t]) => t.found);
  // No table in it: 「未发现问题」 would pass a scan nobody checked.
  if (!found.length) throw new InputError(`未在扫描版 PDF 中找到年报表格（已识别 ${read.pagesRead.length} 页）：${input}`, `No annual-report table was found in the scanned PDF (${read.pagesRead.length} pages read): ${input}`);
  const notices: Text[] = [
    {
      zh: `扫描版 PDF：已对 ${read.pagesRead.length} 页进行文字识别，只核对表格（标题和正文未识别）`,
      en: `Scanned PDF: ${read.pagesRead.length} pages read by OCR; only the tables are checked (headings and text are not read)`,
    },
    ...read.notices,
  ];
  // A table not found is said: it may be there without rules, or unreadable.
  for (const [id, [zh, en]] of Object.entries(TABLE_NAMES))
    if (!found.some(([k]) => k === id)) notices.push({ zh: `扫描页中未识别到${zh}，未核对`, en: `${en} was not recognised on the scanned pages and was not checked` });
  if (read.textPages.length)
    notices.push({ zh: `第 ${read.textPages.join('、')} 页有文字层，未做文字识别`, en: `Page(s) ${read.textPages.join(', ')} have a text layer and were not read by OCR` });
  return { ...result, notices: [...notices, ...result.notices] };
}
