// The command line fetches as the audit page does: a try under the timeout, a network error, 408,
// 429 or 5xx tried again, a 404 not; so that its rows are the audit page's on a flaky site.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './fixtures/cli';
import { REPORTS_DIR } from './helpers';

let server: Server;
let base = '';
const hits = new Map<string, number>();

beforeAll(async () => {
  const report = readFileSync(`${REPORTS_DIR}008/source.html`);
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (path === '/flaky.html' && n === 1) return void res.writeHead(503, { 'retry-after': '0' }).end('busy');
    if (path === '/flaky.html' || path === '/report.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(report);
    if (path === '/slow.html') return void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(report), 4000);
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections?.();
  server.close();
});

describe('the command line fetches as the audit page does', () => {
  it('tries a 503 again, not a 404; a try slower than --timeout fails, said so', async () => {
    const out = await cli('--json', '--timeout', '1', `${base}/flaky.html`, `${base}/missing.html`, `${base}/slow.html`);
    const [flaky, missing, slow] = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { detected: boolean; error?: string });
    expect(flaky.detected).toBe(true);
    expect(hits.get('/flaky.html')).toBe(2);
    expect(missing.error).toMatch(/404/);
    expect(hits.get('/missing.html')).toBe(1);
    expect(slow.error).toMatch(/超时/);
    expect(hits.get('/slow.html')).toBe(3);
    expect(out.code).toBe(2);
  }, 60_000);

  it('says what --timeout takes', async () => {
    const out = await cli('--timeout', 'soon', `${base}/report.html`);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--timeout');
  });
});
