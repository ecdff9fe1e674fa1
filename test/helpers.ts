// Runs the engine on a layout exactly as the command line does (bytes -> charset -> DOM or text).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkDoc, type CheckResult } from '../lib/check';
import { parseHtml } from '../lib/cli/html';
import { decodeBytes } from '../lib/read/decode';
import { readText } from '../lib/read/text';
import { readDocument } from '../lib/source';
import type { Finding } from '../lib/findings';

export async function checkBytes(kind: 'text' | 'html', bytes: Uint8Array): Promise<CheckResult> {
  const { text } = decodeBytes(bytes, { html: kind === 'html' });
  if (kind === 'text') return checkDoc(readText(text));
  const page = parseHtml(text);
  try {
    return checkDoc(readDocument(page.document));
  } finally {
    await page.close();
  }
}

export const checkHtml = (html: string) => checkBytes('html', new TextEncoder().encode(html));
export const checkPlain = (text: string) => checkDoc(readText(text));

/** A finding reduced to what an assertion names: rule, severity and the first cell or the section. */
export const brief = (f: Finding) =>
  `${f.rule}:${f.severity}:${f.cells.length ? `${f.cells[0].table}.${f.cells[0].row ?? '-'}.${f.cells[0].col ?? '-'}` : `s${f.section ?? '-'}`}`;

export const briefs = (r: CheckResult) => r.findings.map(brief).sort();

export const REPORTS_DIR = fileURLToPath(new URL('../../shared/reports/', import.meta.url));

/** A real report of ../shared/reports as served: its source file's bytes and whether it is HTML. */
export function reportSource(id: string): { kind: 'text' | 'html'; bytes: Uint8Array } {
  const dir = `${REPORTS_DIR}${id}/`;
  const file = ['source.html', 'source.txt', 'source.md'].find((f) => existsSync(dir + f))!;
  return { kind: file.endsWith('.html') ? 'html' : 'text', bytes: new Uint8Array(readFileSync(dir + file)) };
}
