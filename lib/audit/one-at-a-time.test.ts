// pdf.js (5.x) keeps the page count of the last document opened in a global (PagesMapper), so a
// longer PDF read while a shorter one has been opened fails with "Invalid page request.": the
// audit page reads its PDFs in turn (lib/ext/audit-check.ts). Both shown here on the real PDFs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORTS_DIR } from '../../test/helpers';
import { turns } from './one-at-a-time';

const pdf = (id: string) => new Uint8Array(readFileSync(`${REPORTS_DIR}${id}/source.pdf`));

async function open(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
}

/** Every page's text length: what a reading needs of each page. */
async function readAll(bytes: Uint8Array, between?: () => Promise<unknown>) {
  const doc = await open(bytes);
  try {
    const lengths: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (n === 2 && between) await between();
      const page = await doc.getPage(n);
      lengths.push((await page.getTextContent()).items.length);
    }
    return lengths;
  } finally {
    await doc.destroy();
  }
}

describe('PDF readings in turn', () => {
  it('pdf.js fails a longer PDF\'s last page once a shorter one was opened meanwhile (the cause)', async () => {
    const long = pdf('001'); // 6 pages
    const short = pdf('002'); // 5 pages
    let other: Awaited<ReturnType<typeof open>> | null = null;
    await expect(readAll(long, async () => (other = await open(short)))).rejects.toThrow(/Invalid page request/);
    await (other as Awaited<ReturnType<typeof open>> | null)?.destroy();
  }, 60_000);

  it('taken in turn, both read every page, whatever the order they were asked in', async () => {
    const take = turns();
    const alone = [await readAll(pdf('001')), await readAll(pdf('002'))];
    const both = await Promise.all([take(() => readAll(pdf('001'))), take(() => readAll(pdf('002')))]);
    expect(both).toEqual(alone);
    expect(alone[0].length).toBe(6);
  }, 60_000);

  it('runs each step after the one before has settled, a failure included', async () => {
    const take = turns();
    const log: string[] = [];
    const step = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) => {
        log.push(`start ${name}`);
        setTimeout(() => (log.push(`end ${name}`), fail ? reject(new Error(name)) : resolve(name)), ms);
      });
    const a = take(step('a', 30, true));
    const b = take(step('b', 5));
    await expect(a).rejects.toThrow('a');
    expect(await b).toBe('b');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('a step given up while waiting never starts', async () => {
    const take = turns();
    let started = false;
    const first = take(() => new Promise((r) => setTimeout(r, 20)));
    const controller = new AbortController();
    const second = take(async () => (started = true), controller.signal);
    controller.abort();
    await first;
    await expect(second).rejects.toThrow('cancelled');
    expect(started).toBe(false);
  });
});
