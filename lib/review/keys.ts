// A finding's review key, the hash of the content read, and the storage key of a report's reviews:
// one definition for the page, the viewer, the audit page and the exports (lib/audit/model.ts takes
// its findingKey / contentHash / sourceHash from here).
//
// Import-free on purpose: the page's UI script must hold no engine code (test/e2e/extension.e2e.test.ts
// "what the page loads": the spec's wording lives in the engine only, and the page scripts have a size
// budget), and a module that imports the parser brings the format spec (13 KB) with it.
import type { Finding } from '../findings';

type Keyed = Pick<Finding, 'rule' | 'section' | 'rows'> & { cells: readonly { table: string; row: string | null; col: string | null }[] };

const cellKey = (c: { table: string; row: string | null; col: string | null }) => `${c.table}:${c.row ?? ''}:${c.col ?? ''}`;

/** = model.ts findingKey: rule, section and cells (not the message: wording changes between versions). */
export const reviewKeyOf = (f: Keyed) => [f.rule, f.section ?? '', f.cells.map(cellKey).join(','), (f.rows ?? []).join(',')].join('|');

/** = model.ts contentHash (FNV-1a, 2×32 bits, hex): tells one reading from another; no protection. */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** = model.ts sourceHash: the title and every line the engine read (table rows included). */
export const readHash = (doc: { title?: string; lines: readonly { text: string }[] }) => hashText(`${doc.title ?? ''}\n${doc.lines.map((l) => l.text).join('\n')}`);

/**
 * The hash of a file's bytes (a PDF, a Word file, a picture), in the viewer and on the audit page:
 * every 7th byte and the length, cheap on 30 MB and enough to tell two versions of a file apart.
 */
export function fileHash(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 7) s += String.fromCharCode(bytes[i]);
  return hashText(`${bytes.length}:${s}`);
}

/**
 * The address a report's reviews are kept under: the fragment dropped (「#第三部分」 is the same
 * report), the rest kept as given (a query may name the file: downfile.jsp?filename=…).
 */
export function reviewUrl(url: string): string {
  const at = url.indexOf('#');
  return (at >= 0 ? url.slice(0, at) : url).trim();
}

/** The key prefix of reviews in storage.local. */
export const REVIEW_PREFIX = 'review:';

/** One storage key per report: `review:<hash of its address>` (the address itself is kept in the value). */
export const reviewStorageKey = (url: string) => `${REVIEW_PREFIX}${hashText(reviewUrl(url))}`;
