// End-to-end harness: the built extension in Debian's Chromium, pages served from 127.0.0.1.
// *.gov.cn names are resolved to 127.0.0.1 by Chromium itself, so the default automatic checking
// applies and no request can leave this machine.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildOnce } from '../build-once';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXT_DIR = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Served {
  body: Uint8Array | string;
  type?: string;
  headers?: Record<string, string>;
  /** Answer after this long (a slow site). */
  delayMs?: number;
  status?: number;
}

export interface Harness {
  context: BrowserContext;
  /** Every body served, to tell a page's own references from anything else. */
  served: string[];
  extensionId: string;
  base: string;
  /** Every request any page made, by URL. */
  requests: string[];
  /** The headers of the last request the test server got for each path. */
  headersOf: Map<string, Record<string, string | string[] | undefined>>;
  route(path: string, page: Served): void;
  close(): Promise<void>;
}

/**
 * Chromium flags for a closed, offline run with one unpacked extension: no background networking,
 * and *.gov.cn (plus test.example, where the extension stays idle) resolved to this machine.
 */
export function chromiumArgs(extDir: string): string[] {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP *.gov.cn 127.0.0.1, MAP test.example 127.0.0.1',
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
  ];
}

/** The test server of both browsers' harnesses: the pages a test routes, and what was asked of it. */
export interface PageServer {
  port: number;
  /** Every body routed, to tell a page's own references from anything else. */
  served: string[];
  /** The headers of the last request for each path. */
  headersOf: Map<string, Record<string, string | string[] | undefined>>;
  route(path: string, page: Served): void;
  close(): void;
}

/** Serves routed pages on 127.0.0.1 (404 for the rest); `seen` hears every request first. */
export async function servePages(seen?: (req: IncomingMessage, port: number) => void): Promise<PageServer> {
  const routes = new Map<string, Served>();
  const served: string[] = [];
  const headersOf = new Map<string, Record<string, string | string[] | undefined>>();
  let port = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen?.(req, port);
    const path = (req.url ?? '/').split('?')[0];
    headersOf.set(path, req.headers);
    const page = routes.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const answer = () => {
      if (res.destroyed) return;
      res.writeHead(page.status ?? 200, { 'content-type': page.type ?? 'text/html; charset=utf-8', ...(page.headers ?? {}) });
      res.end(page.body);
    };
    if (page.delayMs) setTimeout(answer, page.delayMs);
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  return {
    port,
    served,
    headersOf,
    route: (path, page) => {
      routes.set(path, page);
      served.push(typeof page.body === 'string' ? page.body : new TextDecoder('latin1').decode(page.body));
    },
    close: () => server.close(),
  };
}

/** Builds the extension once per test run (test/build-once.ts: as `npm run build` does, one build at a time). */
export function ensureBuilt(): void {
  buildOnce('chrome', ['build'], () => existsSync(join(EXT_DIR, 'manifest.json')));
}

/**
 * `scrollbars`: classic scrollbars that take room from the page, as on a desktop.
 * `history`: keep the report history on (its default in the extension). Off otherwise: the tests
 * that compare the extension's counts with the engine's (or the command line's) check many reports
 * in one browser, and the history would lay reports of one body side by side (history.e2e tests that).
 */
export async function launch(options: { history?: boolean; scrollbars?: boolean } = {}): Promise<Harness> {
  ensureBuilt();
  const pages = await servePages();
  const { port, served, headersOf } = pages;
  const userDir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    // `scrollbars`: drawn as on a desktop, taking their width from the page (headless hides them).
    ...(options.scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    args: chromiumArgs(EXT_DIR),
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  // Nothing may leave this machine: anything not for the test server is answered here and refused.
  await context.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    if (!url.protocol.startsWith('http') || url.hostname === '127.0.0.1' || url.port === String(port)) return route.continue();
    return route.abort('blockedbyclient');
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  if (!options.history)
    await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { history: false } }));
  return {
    context,
    extensionId,
    base: `http://report.test.gov.cn:${port}`,
    requests,
    headersOf,
    served,
    route: pages.route,
    async close() {
      await context.close();
      pages.close();
      rmSync(userDir, { recursive: true, force: true });
    },
  };
}

/** Runs in the page (any driver's evaluate): whether our host element is past 'checking'. */
export const hookSettled = (): boolean => {
  const h = document.querySelector('nianbao-check');
  return !!h && h.getAttribute('data-nianbao-state') !== 'checking';
};

/** Runs in the page (any driver's evaluate): our host element's state and counts. */
export const hookInPage = () => {
  const h = document.querySelector('nianbao-check')!;
  return {
    state: h.getAttribute('data-nianbao-state'),
    errors: Number(h.getAttribute('data-errors')),
    warnings: Number(h.getAttribute('data-warnings')),
    infos: Number(h.getAttribute('data-infos')),
  };
};

/** Waits for our host element to reach a final state and returns its hook attributes. */
export async function hook(page: Page, timeout = 15_000) {
  await page.waitForFunction(hookSettled, undefined, { timeout });
  return page.evaluate(hookInPage);
}
