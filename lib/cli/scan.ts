// Scanned PDFs on the command line: each page rendered in Node and read by the OCR table reader.
import type { CheckResult } from '../check';
import { InputError } from './load';

export async function checkScannedPdf(input: string, _bytes: Uint8Array, _force: boolean): Promise<CheckResult> {
  throw new InputError(`${input} 是扫描版 PDF（页面是图片，没有文字层），命令行暂不能识别扫描页`, `${input} is a scanned PDF (its pages are pictures without a text layer); the command line cannot read scanned pages yet`);
}
