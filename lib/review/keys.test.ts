// The review keys and hashes written import-free for the page's UI script are model.ts's own: the
// same finding key and the same hash of the content read, on real reports and on odd cells.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDoc } from '../check';
import { contentHash, findingKey, sourceHash } from '../audit/model';
import { parseHtml } from '../cli/html';
import type { SourceDoc } from '../model';
import { decodeBytes } from '../read/decode';
import { readText } from '../read/text';
import { readDocument } from '../source';
import { REPORTS_DIR, reportSource } from '../../test/helpers';
import { fileHash, hashText, readHash, reviewKeyOf, reviewStorageKey, reviewUrl } from './keys';

const ids = readdirSync(REPORTS_DIR).filter((id) => /^\d+$/.test(id));

/** Each real report's source as the command line reads it (HTML through the DOM reader). */
async function sources(): Promise<SourceDoc[]> {
  const out: SourceDoc[] = [];
  for (const id of ids) {
    const { kind, bytes } = reportSource(id);
    const { text } = decodeBytes(bytes, { html: kind === 'html' });
    if (kind === 'text') out.push(readText(text));
    else {
      const page = parseHtml(text);
      try {
        out.push(readDocument(page.document));
      } finally {
        await page.close();
      }
    }
  }
  return out;
}

describe('review keys', () => {
  it('are model.ts findingKey and sourceHash on real reports', async () => {
    const docs = await sources();
    expect(docs.length).toBeGreaterThan(10);
    let findings = 0;
    for (const doc of docs) {
      expect(readHash(doc)).toBe(sourceHash(doc));
      for (const f of checkDoc(doc).findings) {
        findings++;
        expect(reviewKeyOf(f)).toBe(findingKey(f));
      }
    }
    expect(findings).toBeGreaterThan(0);
  });

  it('hash as contentHash does, on empty, astral and long text', () => {
    for (const s of ['', 'a', '年报', '𠀀𠀁', 'x'.repeat(100_000), '\u0000\uffff']) expect(hashText(s)).toBe(contentHash(s));
    expect(hashText('a')).not.toBe(hashText('b'));
    expect(hashText('')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('give a finding with rows, no section and blank cells the same key as model.ts', () => {
    const f = { rule: 't3-row-total' as const, section: undefined, rows: ['a', 'b'], cells: [{ table: 't3', row: null, col: 'total' }, { table: 't3', row: 'x', col: null }] };
    expect(reviewKeyOf(f)).toBe(findingKey(f as never));
    expect(reviewKeyOf({ ...f, rows: ['a'] })).not.toBe(reviewKeyOf(f));
  });

  it('hash a file by its bytes: another version differs, the same bytes agree', () => {
    const a = new Uint8Array(10_000).map((_, i) => i % 251);
    const b = a.slice();
    b[7 * 100] ^= 1;
    expect(fileHash(a)).toBe(fileHash(a.slice()));
    expect(fileHash(b)).not.toBe(fileHash(a));
    expect(fileHash(a.slice(0, 9999))).not.toBe(fileHash(a));
  });

  it('keep one report under one key: the fragment is no other report, the query is', () => {
    expect(reviewUrl(' https://a.gov.cn/r.html#part3 ')).toBe('https://a.gov.cn/r.html');
    expect(reviewStorageKey('https://a.gov.cn/r.html#x')).toBe(reviewStorageKey('https://a.gov.cn/r.html'));
    expect(reviewStorageKey('https://a.gov.cn/d.jsp?f=1.pdf')).not.toBe(reviewStorageKey('https://a.gov.cn/d.jsp?f=2.pdf'));
    expect(reviewStorageKey('x')).toMatch(/^review:[0-9a-f]{16}$/);
  });
});

describe('keys.ts', () => {
  it('imports nothing at run time: the page UI script takes it without the engine', () => {
    const src = readFileSync(new URL('./keys.ts', import.meta.url), 'utf8');
    const imports = src.split('\n').filter((l) => /^\s*import\s/.test(l));
    expect(imports.length).toBeGreaterThan(0);
    for (const l of imports) expect(l).toMatch(/^import type /);
  });
});
