// End-to-end harness for the Firefox build: Debian's firefox-esr driven by puppeteer-core over
// WebDriver BiDi, the build (.output/firefox-mv2) installed as a temporary add-on, pages served from
// 127.0.0.1 under the test's host names (network.dns.localDomains). Everything else Firefox would
// ask for goes to a local proxy sink that refuses it and writes it down, so no request leaves this
// machine and every one is seen, the background page's included. The background page's errors and
// our content scripts' are read from Firefox's own output (devtools.console.stdout.*).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { loadSeed, renderWord } from '../fixtures/render';
import { buildOnce } from '../build-once';
import { ROOT, hookInPage, hookSettled, servePages, type Served } from './harness';

export const FIREFOX_EXT_DIR = join(ROOT, '.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The build's add-on id (wxt.config.ts, browser_specific_settings). */
export const ADDON_ID = 'nianbao-check@example.org';
/** Its moz-extension:// host, fixed for the profile (the pref extensions.webextensions.uuids). */
export const ADDON_UUID = '6b0c6f1e-2f1d-4c57-9a77-6e69616e6261';
/** The names our pages are served under: a gov.cn host (automatic checking) and one where we stay idle. */
export const HOSTS = ['report.test.gov.cn', 'test.example'];

/** A small report the harness opens first: its panel's 「批量核查」 opens an extension page for the test. */
const BOOTSTRAP = renderWord(loadSeed('000'));

export interface FirefoxHarness {
  browser: Browser;
  /** The add-on's pages: moz-extension://<uuid>. */
  extensionBase: string;
  base: string;
  /** Every body served, to tell a page's own references from anything else. */
  served: string[];
  /** Every request Firefox made: to the test server (by URL) and to anywhere else (the sink's log). */
  requests: string[];
  /** The headers of the last request the test server got for each path. */
  headersOf: Map<string, Record<string, string | string[] | undefined>>;
  /** Requests that reached the sink: anything not for the test server (`CONNECT host:port` as https://host:port/). */
  foreign: string[];
  /** Uncaught errors and unhandled rejections of our scripts (background page, content scripts, extension pages). */
  errors: string[];
  /** Firefox's output, for a failing test's message. */
  output: string[];
  route(path: string, page: Served): void;
  newPage(): Promise<Page>;
  /** Runs `fn` in an extension page (full WebExtension API: storage, tabs, scripting), as the background could. */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

/**
 * Builds the Firefox add-on once per test run (test/build-once.ts), as `npm run zip` does: the
 * package test (test/package-lint.test.ts) lints the same build's package.
 */
export function ensureFirefoxBuilt(): void {
  buildOnce('firefox', ['zip', '-b', 'firefox'], () => existsSync(join(FIREFOX_EXT_DIR, 'manifest.json')));
}

/**
 * A line of Firefox's output that is an error of ours: an uncaught exception or unhandled rejection
 * whose source is our add-on (its moz-extension:// host), or a console.error from it. Firefox's own
 * messages (its chrome code, the pages' scripts) are not ours.
 */
export function ourError(line: string, uuid = ADDON_UUID): boolean {
  if (!line.includes(`moz-extension://${uuid}`)) return false;
  return /JavaScript error|uncaught|Unhandled|console\.error/i.test(line);
}

/**
 * `history`: keep the report history (the extension's default). Off otherwise, as in the Chromium
 * harness: the tests comparing counts with the command line check many reports in one browser.
 */
export async function launchFirefox(options: { history?: boolean } = {}): Promise<FirefoxHarness> {
  ensureFirefoxBuilt();
  const requests: string[] = [];
  const foreign: string[] = [];
  const errors: string[] = [];
  const output: string[] = [];
  const pages = await servePages((req, port) => requests.push(`http://${req.headers.host ?? `127.0.0.1:${port}`}${req.url ?? '/'}`));
  const { port, served, headersOf } = pages;
  // The proxy for every name but ours, and Firefox's Remote Settings server: refuses and writes down.
  const sink: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    // A proxied request names its full address; one for the sink itself is Firefox's Remote Settings.
    const proxied = /^https?:\/\//.test(url);
    const full = proxied ? url : `http://${req.headers.host ?? '127.0.0.1'}${url}`;
    if (proxied) foreign.push(full);
    requests.push(full);
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('refused');
  });
  sink.on('connect', (req, socket) => {
    const target = `https://${req.url ?? ''}/`;
    foreign.push(target);
    requests.push(target);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const sinkPort = (sink.address() as { port: number }).port;

  const profile = mkdtempSync(join(tmpdir(), 'nianbao-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 900 },
    // Remote Settings reads services.settings.server only with this variable set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'network.dns.localDomains': HOSTS.join(','),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': sinkPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': sinkPort,
      'network.proxy.no_proxies_on': HOSTS.join(','),
      'network.proxy.allow_hijacking_localhost': false,
      'services.settings.server': `http://127.0.0.1:${sinkPort}/v1`,
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  const proc = browser.process();
  let rest = '';
  const onData = (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      output.push(line);
      if (ourError(line)) errors.push(line);
    }
  };
  proc?.stdout?.on('data', onData);
  proc?.stderr?.on('data', onData);

  const id = await browser.installExtension(FIREFOX_EXT_DIR);
  if (id !== ADDON_ID) throw new Error(`installed add-on ${id}, expected ${ADDON_ID}`);
  const extensionBase = `moz-extension://${ADDON_UUID}`;

  // An extension page kept open, for the WebExtension API from the test: Firefox's background page
  // cannot be evaluated in over BiDi, and BiDi may not navigate a tab to moz-extension://. The panel's
  // 「批量核查」 on a report page makes the background open one (audit.html) in a tab.
  pages.route('/__bootstrap.html', { body: BOOTSTRAP, type: 'text/html; charset=utf-8' });
  const boot = await browser.newPage();
  await boot.goto(`http://${HOSTS[0]}:${port}/__bootstrap.html`);
  await firefoxHook(boot, 30_000);
  await boot.waitForFunction(() => !!document.querySelector('nianbao-check')?.shadowRoot?.querySelector('[data-action="audit"]'), { timeout: 10_000 });
  const known = new Set(await browser.pages());
  await boot.evaluate(() => (document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-action="audit"]') as HTMLElement).click());
  const extPage = await extensionPageOpened(browser, known, `${extensionBase}/audit.html`);
  await boot.close();
  const inExtension = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => extPage.evaluate(fn as never, arg as never) as Promise<R>;
  if (!options.history)
    await inExtension(() => (globalThis as unknown as { browser: { storage: { local: { set(o: object): Promise<void> } } } }).browser.storage.local.set({ settings: { history: false } }), null);

  return {
    browser,
    extensionBase,
    base: `http://report.test.gov.cn:${port}`,
    served,
    requests,
    headersOf,
    foreign,
    errors,
    output,
    route: pages.route,
    newPage: () => browser.newPage(),
    inExtension,
    async close() {
      await browser.close().catch(() => {});
      pages.close();
      sink.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The tab an extension page was just opened in (by the extension: BiDi cannot navigate there).
 * BiDi names such tabs about:blank, so each new tab is asked where it is.
 */
export async function extensionPageOpened(browser: Browser, known: Set<Page>, url: string, timeout = 15_000): Promise<Page> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const page of await browser.pages()) {
      if (known.has(page)) continue;
      const at = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
      if (at.startsWith(url)) return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab opened at ${url}`);
}

/** Waits for our host element to reach a final state and returns its hook attributes. */
export async function firefoxHook(page: Page, timeout = 15_000) {
  await page.waitForFunction(hookSettled, { timeout, polling: 100 });
  return page.evaluate(hookInPage);
}
