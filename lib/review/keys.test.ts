// The review keys and hashes (import-free: the page's UI script, the viewer, the audit page and
// model.ts all use these): stable for the same reading, changed by any change of content.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDoc } from '../check';
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
  it('are the same for the same report read again, and the hash changes with any line', async () => {
    const [docs, again] = [await sources(), await sources()];
    expect(docs.length).toBeGreaterThan(10);
    let findings = 0;
    docs.forEach((doc, i) => {
      expect(readHash(again[i])).toBe(readHash(doc));
      const keys = checkDoc(doc).findings.map(reviewKeyOf);
      expect(checkDoc(again[i]).findings.map(reviewKeyOf)).toEqual(keys);
      findings += keys.length;
      // A sentence added anywhere is other content.
      const changed = { ...doc, lines: [...doc.lines, { ...doc.lines[0], text: '本报告如有疑问，请与本机关联系。' }] };
      expect(readHash(changed)).not.toBe(readHash(doc));
      expect(readHash({ ...doc, title: `${doc.title ?? ''}（修订）` })).not.toBe(readHash(doc));
    });
    expect(findings).toBeGreaterThan(0);
    // Reports differ: no two real reports share a hash.
    expect(new Set(docs.map(readHash)).size).toBe(docs.length);
  });

  it('hash text: 16 hex digits, astral and long text, one character apart is another hash', () => {
    const all = ['', 'a', 'b', '年报', '年极', '𠀀𠀁', 'x'.repeat(100_000), `${'x'.repeat(99_999)}y`, '\u0000\uffff'].map(hashText);
    for (const h of all) expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(all).size).toBe(all.length);
    expect(hashText('年报')).toBe(hashText('年报'));
  });

  it('key a finding by rule, section, cells and rows, never by its wording', () => {
    const f = { rule: 't3-row-total' as const, section: undefined, rows: ['a', 'b'], cells: [{ table: 't3', row: null, col: 'total' }, { table: 't3', row: 'x', col: null }] };
    expect(reviewKeyOf(f)).toBe('t3-row-total||t3::total,t3:x:|a,b');
    expect(reviewKeyOf({ ...f, rows: ['a'] })).not.toBe(reviewKeyOf(f));
    expect(reviewKeyOf({ ...f, section: 3 })).not.toBe(reviewKeyOf(f));
    expect(reviewKeyOf({ ...f, cells: f.cells.slice(1) })).not.toBe(reviewKeyOf(f));
    expect(reviewKeyOf({ ...f, message: { zh: '另一种说法', en: 'other words' } } as typeof f)).toBe(reviewKeyOf(f));
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
