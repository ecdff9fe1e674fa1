// The audit page checks a page's reading in a worker, as plain data (lib/audit/inert.ts): on every
// real report in ../shared the findings must be those of the reading itself.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDoc, type CheckResult } from '../lib/check';
import { inertDoc, inertLines } from '../lib/audit/inert';
import type { SourceDoc } from '../lib/model';
import { parseHtml } from '../lib/cli/html';
import { readText } from '../lib/read/text';
import { findReportRoot, readDocumentAt } from '../lib/source';
import { REPORTS_DIR, reportSource } from './helpers';

const ids = readdirSync(REPORTS_DIR).filter((d) => /^\d+$/.test(d));
/** As the audit page sends a long reading to its worker: in parts, each copied on its own. */
function inParts(doc: SourceDoc, part = 40): SourceDoc {
  const plainOf = inertLines();
  const lines = [];
  for (let at = 0; at < doc.lines.length; at += part) lines.push(...structuredClone(plainOf(doc.lines.slice(at, at + part))));
  return { title: doc.title, lines };
}

const plain = (r: CheckResult) => r.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, expected: f.expected, actual: f.actual, cells: f.cells.map((c) => [c.table, c.row, c.col, c.value]) }));

describe('inert reading = reading, on the real reports', () => {
  it.each(ids)('%s', async (id) => {
    const { kind, bytes } = reportSource(id);
    const text = new TextDecoder().decode(bytes);
    if (kind === 'text') {
      const doc = readText(text);
      expect(plain(checkDoc(structuredClone(inertDoc(doc))))).toEqual(plain(checkDoc(doc)));
      expect(plain(checkDoc(inParts(doc)))).toEqual(plain(checkDoc(doc)));
      return;
    }
    const page = parseHtml(text);
    try {
      const source = readDocumentAt(page.document, findReportRoot(page.document));
      const direct = checkDoc(source);
      expect(direct.report).not.toBeNull();
      expect(plain(checkDoc(structuredClone(inertDoc(source))))).toEqual(plain(direct));
      expect(plain(checkDoc(inParts(source)))).toEqual(plain(direct));
    } finally {
      await page.close();
    }
  });
});
