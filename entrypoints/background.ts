// Thin wiring: loads the engine into frames that hold a report, the light script of the attachment
// controls into frames that link report files, keeps the toolbar badge, runs "检查此页" (popup,
// context menu, keyboard shortcut) through activeTab, opens our viewer on a file (controls, link
// context menu, popup) and keeps the automatic gov.cn PDF redirect in step with its setting.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { syncRedirectRules, headerConditionsSupported, viewerUrl, type DnrApi } from '../lib/ext/dnr';
import { parseMessage, parsePictureReply, type PictureReply, type Summary, type TabInfo } from '../lib/ext/messages';
import { loadSettings } from '../lib/ext/settings-store';
import { fetchPage, parseFetchPage } from '../lib/ext/page-fetch';
import { answerCheck, parseCheckAsk } from '../lib/ext/check-answer';
import { REPORT_STRINGS } from '../lib/ext/first-look';
import { findRuntimeLessFrames, parsePageAsk, type PageAsk } from '../lib/ext/page-ask';

const ENGINE = '/engine.js';
const UI = '/ui.js';
const ATTACHMENTS = '/attachments.js';
const CLASSIFY = '/classify.js';
const ALL_URLS_ID = 'nianbao-detector-all';
/** Our viewer page (entrypoints/viewer): `?src=&ref=` opens a file, alone it shows a file picker. */
const viewerBase = () => (browser.runtime.getURL as (path: string) => string)('/viewer.html');
const PDF_BADGE_COLOR = '#1565c0';

/** Per tab: the summaries of its frames, for the badge. */
const results = new Map<number, Map<number, Summary>>();
/** Tabs showing a PDF in the browser's own viewer, and its address (kept in session storage too: the worker may sleep). */
const pdfTabs = new Map<number, string>();
const pdfKey = (tabId: number) => `pdfTab:${tabId}`;

async function pdfOfTab(tabId: number): Promise<string | null> {
  const known = pdfTabs.get(tabId);
  if (known) return known;
  const stored = await browser.storage.session?.get(pdfKey(tabId)).catch(() => ({}) as Record<string, unknown>);
  const url = stored?.[pdfKey(tabId)];
  return typeof url === 'string' ? url : null;
}

function setPdfTab(tabId: number, url: string | null) {
  if (url) pdfTabs.set(tabId, url);
  else pdfTabs.delete(tabId);
  const session = browser.storage.session;
  if (!session) return;
  void (url ? session.set({ [pdfKey(tabId)]: url }) : session.remove(pdfKey(tabId))).catch(() => {});
}

/** Opens our viewer on a file in a new tab beside `nextTo`, the linking page as its referrer. */
async function openViewer(url: string, referer: string | null, nextTo: number | null, alt: string[] = []) {
  const tab = nextTo != null ? await browser.tabs.get(nextTo).catch(() => null) : null;
  await browser.tabs.create({
    url: viewerUrl(viewerBase(), url, referer, alt),
    active: true,
    ...(tab ? { index: tab.index + 1, windowId: tab.windowId, openerTabId: tab.id } : {}),
  });
}

async function injectAttachments(tabId: number, frameId: number, pageIsReport: boolean | null) {
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: (r: boolean | null) => void Object.assign(globalThis, { __nianbaoPageIsReport: r }),
    args: [pageIsReport],
  });
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [ATTACHMENTS] });
}

// The automatic redirect of gov.cn PDFs. One DNR change at a time: the startup sync, a settings
// change and the popup's question may meet, and the feature test uses a session rule of its own.
let redirectQueue: Promise<unknown> = Promise.resolve();
let headerSupport: Promise<boolean> | null = null;
const dnr = () => browser.declarativeNetRequest as unknown as DnrApi | undefined;

function queued<T>(job: () => Promise<T>): Promise<T> {
  const run = redirectQueue.then(job);
  redirectQueue = run.catch((e) => console.warn('年报核查: PDF redirect rules', e));
  return run;
}

/** Asked once per worker: the browser's answer does not change while it runs. Call inside the queue only. */
const supportOf = (api: DnrApi) => (headerSupport ??= headerConditionsSupported(api).catch(() => false));

function syncPdfRedirect(): Promise<unknown> {
  return queued(async () => {
    const api = dnr();
    if (!api) return;
    const settings = await loadSettings();
    await syncRedirectRules(api, viewerBase(), settings.autoPdfGov, () => supportOf(api));
  }).catch(() => {});
}

function redirectSupported(): Promise<boolean> {
  const api = dnr();
  return api ? queued(() => supportOf(api)).catch(() => false) : Promise.resolve(false);
}

async function injectEngine(tabId: number, frameId: number, force: boolean, picture: string | null = null) {
  // The engine's arguments, for a check the user asked for (the engine takes them once, so an
  // automatic check, the most common, needs no script of its own for them: one task less on the page).
  if (force || picture != null)
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: (f: boolean, p: string | null) => {
        Object.assign(globalThis, { __nianbaoForce: f, __nianbaoPicture: p });
      },
      args: [force, picture],
    });
  // Two scripts, two tasks: neither compiles into one long task on the page.
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [ENGINE] });
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [UI] });
}

/**
 * The frames of a tab whose page holds an editor's frame (same-origin, editable, with text; with
 * `reportOnly`, holding a report's fixed strings): a draft there is checked from the holding page,
 * whose marks and panel stand over the frame, outside what the editor saves (lib/ext/editor.ts).
 * Frames we may not enter answer nothing.
 */
async function editorHolders(tabId: number, reportOnly: boolean): Promise<number[]> {
  const found = await browser.scripting
    .executeScript({
      target: { tabId, allFrames: true },
      // Self-contained: serialized into each frame. Reads only.
      func: (strings: string[] | null) => {
        for (const frame of Array.from(document.querySelectorAll('iframe, frame'))) {
          let doc: Document | null = null;
          try {
            doc = (frame as HTMLIFrameElement).contentDocument;
          } catch {
            doc = null;
          }
          if (!doc || !(doc.designMode === 'on' || doc.body?.isContentEditable)) continue;
          const text = doc.body?.textContent ?? '';
          if (strings ? strings.some((w) => text.includes(w)) : text.trim().length > 0) return true;
        }
        return false;
      },
      args: [reportOnly ? [...REPORT_STRINGS] : null],
    })
    .catch(() => []);
  return found.filter((r) => r.result === true).map((r) => r.frameId);
}

async function checkTab(tabId: number, frameId = 0, picture: string | null = null) {
  try {
    // 「检查此页」 on an editor's page checks its draft (a picture asked for is read where it is).
    const holders = picture ? [] : await editorHolders(tabId, false);
    for (const f of holders.length ? holders : [frameId]) await injectEngine(tabId, f, true, picture);
  } catch (e) {
    console.warn('年报核查: cannot check this tab', e);
  }
}

/** A draft found in an editor's frame: checked from the page holding the frame, or in the frame itself when that page is closed to us. */
async function checkDraft(tabId: number, frameId: number) {
  const holders = await editorHolders(tabId, true);
  for (const f of holders.length ? holders : [frameId]) await injectEngine(tabId, f, false);
}

// OCR of table pictures. Chrome: an offscreen document (a service worker cannot run tesseract.js's
// worker); Firefox (MV2): this background page itself.
const OFFSCREEN_URL = '/offscreen.html';
let offscreenReady: Promise<void> | null = null;
type PictureService = ReturnType<typeof import('../lib/ocr/serve').pictureService>;
// Imported only in the Firefox build (the branch is dropped from Chrome's service worker).
let firefoxPictures: Promise<PictureService> | null = null;
const firefoxService = () => (firefoxPictures ??= import('../lib/ocr/serve').then((m) => m.pictureService()));

async function ensureOffscreen(): Promise<void> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] });
  if (contexts.length) return;
  await browser.offscreen.createDocument({
    url: OFFSCREEN_URL,
    reasons: ['WORKERS' as never],
    justification: 'Read tables published as pictures with tesseract.js, on this computer',
  });
}

/** A picture read in the OCR page (Firefox: our background's own service), its answer checked whole here, off the page's thread. */
async function readPicture(src: string): Promise<PictureReply> {
  try {
    if (import.meta.env.FIREFOX) return parsePictureReply(await (await firefoxService()).read(src));
    offscreenReady ??= ensureOffscreen().finally(() => (offscreenReady = null));
    await offscreenReady;
    return parsePictureReply(await browser.runtime.sendMessage({ type: 'offscreen-read', src }));
  } catch (e) {
    return { ok: false, code: 'unavailable', message: (e as Error).message };
  }
}

function cancelPictures() {
  if (import.meta.env.FIREFOX) void firefoxPictures?.then((s) => s.cancel());
  else void browser.runtime.sendMessage({ type: 'offscreen-cancel' }).catch(() => {});
}

/** MV3 `action`, or MV2 `browserAction` (the Firefox build). */
const toolbar = () => (browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction);

function updateBadge(tabId: number) {
  const frames = results.get(tabId);
  if (!frames?.size && pdfTabs.has(tabId)) {
    void toolbar().setBadgeText({ tabId, text: 'PDF' });
    void toolbar().setBadgeBackgroundColor({ tabId, color: PDF_BADGE_COLOR });
    return;
  }
  const errors = frames ? [...frames.values()].reduce((a, s) => a + s.counts.errors, 0) : 0;
  const failed = frames ? [...frames.values()].some((s) => s.state === 'failed') : false;
  void toolbar().setBadgeText({ tabId, text: failed ? '!' : errors > 0 ? String(errors) : frames?.size ? '✓' : '' });
  void toolbar().setBadgeBackgroundColor({ tabId, color: errors > 0 || failed ? '#c62828' : '#2e7d32' });
}

/** Automatic checking everywhere, only when the user granted <all_urls>. */
/** The detector's ask, from our world or the page's. */
function onPageAsk(ask: PageAsk, tabId: number, frameId: number) {
  if (ask.type === 'pdf-tab') {
    if (frameId !== 0) return;
    setPdfTab(tabId, ask.url);
    updateBadge(tabId);
    return;
  }
  void loadCloserLook(tabId, ask.relayed ? null : frameId, ask.at).catch((e) => console.warn('年报核查: detector not loaded', e));
}

/**
 * The detector's closer look (entrypoints/classify.ts) in our isolated world of the frame that
 * asked, or (frameId null: the ask came through an ancestor) of every frame without a runtime of its
 * own; each frame's copy runs once. The detector's time is kept there first, for the time to marks.
 */
async function loadCloserLook(tabId: number, frameId: number | null, at: number) {
  const frameIds =
    frameId != null
      ? [frameId]
      : (await browser.scripting.executeScript({ target: { tabId, allFrames: true }, world: 'MAIN', func: findRuntimeLessFrames })).filter((r) => r.result === true).map((r) => r.frameId);
  if (frameIds.length === 0) return;
  await browser.scripting.executeScript({ target: { tabId, frameIds }, func: keepIdleAt, args: [at] });
  await browser.scripting.executeScript({ target: { tabId, frameIds }, files: [CLASSIFY] });
}

/** Run in our isolated world of a frame (serialised): when the detector started there, for the UI's time to marks. */
function keepIdleAt(at: number) {
  const g = globalThis as { __nianbaoIdleAt?: number };
  g.__nianbaoIdleAt ??= at;
}

async function syncAllUrls() {
  if (!browser.scripting?.registerContentScripts) return;
  const settings = await loadSettings();
  const granted = await browser.permissions.contains({ origins: ['<all_urls>'] });
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ALL_URLS_ID] });
  const want = settings.autoAll && granted;
  if (want && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      { id: ALL_URLS_ID, matches: ['<all_urls>'], excludeMatches: ['*://*.gov.cn/*'], js: ['detector.js'], runAt: 'document_idle', allFrames: true },
    ]);
  } else if (!want && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [ALL_URLS_ID] });
  }
}

export default defineBackground(() => {
  // The report UI's 「核对上一年度报告」: last year's report page, fetched with our host access (lib/ext/page-fetch).
  browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const ask = parseFetchPage(raw);
    if (!ask) return;
    void fetchPage(ask.url).then(sendResponse);
    return true;
  });
  // The parse and the rules of a page's report, off the page's thread (lib/ext/check-elsewhere.ts).
  browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const ask = parseCheckAsk(raw);
    if (!ask) return;
    sendResponse(answerCheck(ask));
  });
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const msg = parseMessage(raw);
    const tabId = sender.tab?.id;
    if (!msg) return;
    if (msg.type === 'ocr-picture') {
      void readPicture(msg.src).then(sendResponse);
      return true;
    }
    if (msg.type === 'ocr-cancel') cancelPictures();
    if (msg.type === 'tab-info') {
      void Promise.all([pdfOfTab(msg.tabId), redirectSupported()]).then(([pdf, supported]) => sendResponse({ pdf, redirectSupported: supported } satisfies TabInfo));
      return true;
    }
    if (msg.type === 'open-viewer') {
      void openViewer(msg.url, msg.referer, msg.tabId ?? tabId ?? null, msg.alt).catch((e) => console.warn('年报核查: viewer not opened', e));
    } else if (msg.type === 'attachments-detected' && tabId != null) {
      void injectAttachments(tabId, sender.frameId ?? 0, msg.pageIsReport ?? null).catch((e) => console.warn('年报核查: attachment controls not loaded', e));
    } else if ((msg.type === 'pdf-tab' || msg.type === 'classify') && tabId != null) {
      onPageAsk({ ...msg, at: msg.type === 'classify' ? (msg.at ?? 0) : 0 } as PageAsk, tabId, sender.frameId ?? 0);
    } else if (msg.type === 'report-detected' && tabId != null) {
      void (msg.draft ? checkDraft(tabId, sender.frameId ?? 0) : injectEngine(tabId, sender.frameId ?? 0, false)).catch((e) => console.warn('年报核查: engine not loaded', e));
    } else if (msg.type === 'result' && tabId != null) {
      if (!results.has(tabId)) results.set(tabId, new Map());
      results.get(tabId)!.set(sender.frameId ?? 0, msg.summary);
      updateBadge(tabId);
    } else if (msg.type === 'check-tab') {
      void checkTab(msg.tabId);
    } else if (msg.type === 'open-audit') {
      // The inspector's desk, next to the page it was asked from.
      void browser.tabs.create({ url: browser.runtime.getURL('/audit.html' as never), ...(sender.tab?.index != null ? { index: sender.tab.index + 1 } : {}) }).catch(() => {});
    } else if (msg.type === 'settings-changed') {
      void syncAllUrls();
      void syncPdfRedirect();
    }
  });

  // The detector in a page's own world (Chromium, lib/ext/page-ask.ts) asks as an external
  // extension would: only its two asks are heard, from gov.cn frames (externally_connectable).
  browser.runtime.onMessageExternal?.addListener((raw, sender) => {
    const ask = parsePageAsk(raw);
    const tabId = sender.tab?.id;
    // A PDF tab is the one whose own address is the file's: a page's script cannot name another file.
    if (!ask || tabId == null || (ask.type === 'pdf-tab' && ask.url !== sender.url)) return;
    onPageAsk(ask, tabId, sender.frameId ?? 0);
  });

  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status === 'loading') {
      results.delete(tabId);
      setPdfTab(tabId, null);
      updateBadge(tabId);
    }
    // Firefox shows PDFs in its own pdf.js, where no content script runs: a gov.cn tab whose address
    // names a PDF is taken as one (its address is known to us there through the host permission).
    if (import.meta.env.FIREFOX && info.status === 'complete' && tab.url && /^https?:\/\/[^/]*\.gov\.cn\/[^?#]*\.pdf(?:[?#]|$)/i.test(tab.url)) {
      setPdfTab(tabId, tab.url);
      updateBadge(tabId);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    results.delete(tabId);
    setPdfTab(tabId, null);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'check-page', title: browser.i18n.getMessage('menuCheckPage'), contexts: ['page', 'selection'] });
    browser.contextMenus.create({ id: 'read-picture', title: browser.i18n.getMessage('menuReadPicture'), contexts: ['image'] });
    browser.contextMenus.create({
      id: 'open-link',
      title: browser.i18n.getMessage('menuOpenLink'),
      contexts: ['link'],
      targetUrlPatterns: ['http://*/*', 'https://*/*', 'file:///*'],
    });
    void syncAllUrls();
  });
  // Dynamic rules outlive the worker and updates: put them in step with the setting on every start.
  void syncPdfRedirect();
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'check-page' && tab?.id != null) void checkTab(tab.id);
    if (info.menuItemId === 'read-picture' && tab?.id != null && info.srcUrl) void checkTab(tab.id, info.frameId ?? 0, info.srcUrl);
    if (info.menuItemId === 'open-link' && info.linkUrl) void openViewer(info.linkUrl, info.frameUrl ?? info.pageUrl ?? null, tab?.id ?? null).catch((e) => console.warn('年报核查: viewer not opened', e));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'check-page' && tab?.id != null) void checkTab(tab.id);
  });
  browser.permissions.onAdded.addListener(() => void syncAllUrls());
  browser.permissions.onRemoved.addListener(() => void syncAllUrls());
});
