// Word files on the command line (.docx, .doc/.wps, RTF): the same readers as the viewer's.
import type { CheckResult } from '../check';
import type { FileType } from '../read/sniff';
import { InputError } from './load';

export async function checkWord(input: string, _bytes: Uint8Array, type: FileType, _force: boolean): Promise<CheckResult> {
  const what = { docx: 'Word (.docx)', ole: 'Word/WPS (.doc/.wps)', rtf: 'RTF' }[type as string] ?? type;
  throw new InputError(`暂不支持此格式（${what}）：${input}，请使用该报告的网页或 PDF 版本`, `This format is not supported yet (${what}): ${input}; use the report's web page or PDF`);
}
