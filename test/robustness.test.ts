// Every page a browser can show, the command line reads: nesting thousands deep, a charset nobody
// knows, markup happy-dom's parser throws on, byte soup. The checker returns a result (or, for a
// file that is no text at all, a clear InputError), never throws anything else, never kills the process.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../lib/check';
import { buildTolerant, MAX_DEPTH, parseHtml } from '../lib/cli/html';
import { InputError, loadBytes } from '../lib/cli/load';
import { checkLoaded } from '../lib/cli/main';
import { encodeGbk, loadSeed, renderWord } from './fixtures/render';
import { briefs } from './helpers';

/** As the command line checks a file of this name and these bytes. */
async function check(name: string, bytes: Uint8Array, force = false): Promise<CheckResult> {
  return checkLoaded(name, loadBytes(name, bytes, null, `file:///nonexistent-dir/${name}`), force);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

const REPORT = renderWord(loadSeed('001'));
const REPORT_BODY = /<body[^>]*>([\s\S]*)<\/body>/i.exec(REPORT)![1];
const REPORT_TITLE = /<title>([\s\S]*?)<\/title>/i.exec(REPORT)?.[1] ?? '';

const WRAPPERS = {
  table: ['<table><tr><td>', '</td></tr></table>'],
  div: ['<div>', '</div>'],
  span: ['<span>', '</span>'],
  font: ['<font size="3">', '</font>'],
} as const;
type Wrapper = keyof typeof WRAPPERS;
/** DOM levels one wrapper adds (a table brings its tbody, tr and td). */
const LEVELS: Record<Wrapper, number> = { table: 4, div: 1, span: 1, font: 1 };

/** The report inside `wrappers` (outermost first), closed or left open, with more nesting after it. */
function nested(wrappers: Wrapper[], closed: boolean, after: Wrapper[]): string {
  const open = wrappers.map((w) => WRAPPERS[w][0]).join('');
  const close = closed ? [...wrappers].reverse().map((w) => WRAPPERS[w][1]).join('') : '';
  const tail = after.map((w) => WRAPPERS[w][0]).join('') + 'x';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${REPORT_TITLE}</title></head><body>${open}${REPORT_BODY}${close}${tail}</body></html>`;
}

function maxDepth(doc: Document): number {
  let max = 0;
  const stack: [Element, number][] = [[doc.documentElement, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    max = Math.max(max, d);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return max;
}

const alone = await check('report.html', utf8(REPORT));

describe('nesting thousands deep', () => {
  const wrapper = fc.constantFrom<Wrapper>('table', 'div', 'span', 'font');
  /** Up to `max` wrappers: a short random pattern repeated to a random depth (shallow half the time). */
  const nesting = (max: number) =>
    fc.record({ pattern: fc.array(wrapper, { minLength: 1, maxLength: 6 }), depth: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max })) });
  /** Kept as pattern and depth, so that a counterexample prints short. */
  const unfold = ({ pattern, depth }: { pattern: Wrapper[]; depth: number }) => Array.from({ length: depth }, (_, i) => pattern[i % pattern.length]);

  it('no DOM the reader sees is deeper than a browser would build, and the report inside is found', async () => {
    await fc.assert(
      fc.asyncProperty(nesting(5000), fc.boolean(), nesting(1500), async (outer, closed, inner) => {
        const wrappers = unfold(outer);
        const html = nested(wrappers, closed, unfold(inner));
        const page = parseHtml(html);
        try {
          expect(maxDepth(page.document)).toBeLessThanOrEqual(MAX_DEPTH);
        } finally {
          await page.close();
        }
        const r = await check('deep.html', utf8(html));
        const depth = wrappers.reduce((n, w) => n + LEVELS[w], 0);
        // Well within the cap (the report's own markup is about ten levels deep): the same report.
        if (depth <= MAX_DEPTH - 100) {
          expect(r.detection.isReport).toBe(true);
          expect(r.report!.tables.t3.rows).toEqual(alone.report!.tables.t3.rows);
          expect(briefs(r)).toEqual(briefs(alone));
        } else expect(r.findings).toBeInstanceOf(Array);
      }),
      {
        numRuns: 40,
        examples: [
          [{ pattern: ['table'], depth: 5000 }, true, { pattern: ['div'], depth: 0 }],
          [{ pattern: ['div'], depth: 5000 }, false, { pattern: ['span'], depth: 1500 }],
          [{ pattern: ['table', 'font'], depth: 160 }, true, { pattern: ['font'], depth: 1500 }],
        ],
      },
    );
  }, 300_000);

  it('a report 5,000 levels deep still gives a result, and says the page was flattened', async () => {
    const r = await check('deep.html', utf8(nested(Array(5000).fill('div'), true, [])));
    expect(r.notices.map((n) => n.en).join(' ')).toContain(`more than ${MAX_DEPTH} deep`);
  });
});

describe('markup happy-dom cannot parse', () => {
  // Found by fuzzing: happy-dom throws 「The new node is a parent of the node to insert to」 and
  // 「Not possible to insert a node as a child of itself」 on these.
  const CRASHERS = ['</table><col><table><col><html>y', '<table></tr><colgroup></b><form><body>x'];

  it.each(CRASHERS)('%s is read by the tolerant builder, with a notice', async (soup) => {
    const r = await check('soup.html', utf8(soup), true);
    expect(r.notices.map((n) => n.en).join(' ')).toContain('our usual HTML parser failed');
  });

  it('a report after such markup is still found', async () => {
    const html = REPORT.replace(/<body([^>]*)>/i, `<body$1>${CRASHERS[0]}`);
    const r = await check('damaged.html', utf8(html));
    expect(r.notices.map((n) => n.en).join(' ')).toContain('our usual HTML parser failed');
    expect(r.detection.isReport).toBe(true);
    expect(r.report!.tables.t3.rows).toEqual(alone.report!.tables.t3.rows);
  });

  const TOKENS = ['<table>', '<tr>', '<td>', '<th>', '<div>', '<span>', '<font>', '<p>', '<b>', '<a href="x">', '<col>', '<colgroup>', '<caption>', '<tbody>', '<thead>', '<form>', '<select>', '<option>', '<html>', '<body>', '<head>', '<li>', '<ul>', '<img src="t.png">', '<br>', '<script>', '<style>', '<title>', '<!--', '-->', '<!doctype html>', '</table>', '</tr>', '</td>', '</div>', '</span>', '</font>', '</p>', '</b>', '</a>', '</form>', '</html>', '</body>', '</script>', '&amp;', '&#x4e09;', '&nbsp;', '<', '>', '"', "'", '=', '三、收到和处理政府信息公开申请情况', '本年新收', '1', '0', ' ', '\n'];

  it('the tolerant builder itself takes any soup, and builds no deeper than the cap', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { maxLength: 2000 }), async (tokens) => {
        const page = parseHtml('');
        try {
          buildTolerant(page.document, tokens.join(''));
          expect(maxDepth(page.document)).toBeLessThanOrEqual(MAX_DEPTH);
        } finally {
          await page.close();
        }
      }),
      { numRuns: 200, examples: [[Array(3000).fill('<div>')], [Array(1000).fill('<table>')]] },
    );
  });

  it('random tag soup: a result, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 400 }), fc.boolean(), async (tokens, force) => {
        const r = await check('soup.html', utf8(tokens.join('')), force);
        expect(r.findings).toBeInstanceOf(Array);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('a declared charset nobody knows', () => {
  const unknownLabel = fc.stringMatching(/^[a-z][a-z0-9_-]{1,20}$/).filter((l) => {
    try {
      new TextDecoder(l);
      return false;
    } catch {
      return l !== 'x-user-defined';
    }
  });

  it('is read by sniffing (UTF-8 if valid, else GBK), finds the same report, and says which charset was declared and which used', async () => {
    await fc.assert(
      fc.asyncProperty(unknownLabel, fc.boolean(), fc.constantFrom('meta', 'http-equiv'), async (label, gbk, how) => {
        const meta = how === 'meta' ? `<meta charset="${label}">` : `<meta http-equiv="Content-Type" content="text/html; charset=${label}">`;
        const html = REPORT.replace(/<meta[^>]*charset[^>]*>/i, '').replace(/<head>/i, `<head>${meta}`);
        const r = await check('report.html', gbk ? encodeGbk(html) : utf8(html));
        const notice = r.notices.find((n) => n.en.includes('unknown charset'));
        expect(notice?.en).toContain(`"${label}"`);
        expect(notice?.en).toContain(gbk ? 'GBK' : 'UTF-8');
        expect(notice?.zh).toContain(`「${label}」`);
        expect(r.detection.isReport).toBe(true);
        expect(briefs(r)).toEqual(briefs(alone));
      }),
      { numRuns: 30, examples: [['utf-902', false, 'meta'], ['utf-902', true, 'meta']] },
    );
  }, 120_000);
});

describe('byte soup', () => {
  it('as .html, .txt or a nameless file: a result, or for a binary file without a name an InputError in both languages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 20_000 }), fc.constantFrom('soup.html', 'soup.txt', 'soup', 'soup.htm'), async (bytes, name) => {
        try {
          const r = await check(name, bytes, true);
          expect(r.findings).toBeInstanceOf(Array);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).zh).toMatch(/[\u4e00-\u9fff]/);
          expect((e as InputError).en).toMatch(/^[\x20-\x7e]+$/);
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe('nothing is fetched while reading a page', () => {
  it('a preload link (which happy-dom would fetch by itself) is answered without a request', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = `<html><head><link rel="preload" as="fetch" href="${at}/absolute"><link rel="preload" as="fetch" href="relative"><link rel="stylesheet" href="${at}/style.css"><script src="${at}/script.js"></script></head><body><img src="${at}/img.png"><iframe src="${at}/frame"></iframe><p>x</p></body></html>`;
      const page = parseHtml(html, { url: `${at}/page.html` });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await page.close();
      expect(hits).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the process', () => {
  it('the command line survives all of these in one run, exits 0 or 1 by findings alone, and writes the notices in the JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nbc-robust-'));
    const files = {
      deep: nested(Array(5000).fill('table'), false, []),
      charset: REPORT.replace(/<meta[^>]*charset[^>]*>/i, '').replace(/<head>/i, '<head><meta charset="utf-902">'),
      damaged: `<html><body>${'</table><col><table><col><html>'.repeat(50)}</body></html>`,
    };
    const paths = Object.entries(files).map(([k, v]) => {
      const p = join(dir, `${k}.html`);
      writeFileSync(p, k === 'charset' ? encodeGbk(v) : v);
      return p;
    });
    const soup = join(dir, 'soup.html');
    writeFileSync(soup, new Uint8Array(Array.from({ length: 50_000 }, (_, i) => (i * 7919 + 13) % 256)));
    const bin = fileURLToPath(new URL('../bin/nianbao-check.mjs', import.meta.url));
    const out = await promisify(execFile)('node', [bin, '--json', '--lang', 'en', ...paths, soup], { maxBuffer: 1 << 26 }).catch((e: { stdout: string; code: number }) => ({ stdout: e.stdout, code: e.code }));
    const objs = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objs.map((o) => o.input)).toEqual([...paths, soup]);
    expect(objs.every((o) => o.error === undefined)).toBe(true);
    expect(objs[0].notices.join(' ')).toContain(`more than ${MAX_DEPTH} deep`);
    expect(objs[1].notices[0]).toContain('"utf-902"');
    expect(objs[1].notices[0]).toContain('GBK');
    expect(objs[1].detected).toBe(true);
    expect(objs[2].notices.join(' ')).toContain('our usual HTML parser failed');
    const errors = objs.some((o) => o.findings.some((f: { severity: string }) => f.severity === 'error'));
    expect((out as { code?: number }).code ?? 0).toBe(errors ? 1 : 0);
  }, 120_000);
});
