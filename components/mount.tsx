// The UI side of a check: mounts our one shadow root (the only node we add to the page), shows the
// engine's run, reads table pictures through the extension, and renders the findings.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { CheckResult } from '../lib/check';
import { countBySeverity } from '../lib/findings';
import { afterPaint, coreApi, longestStep, timed } from '../lib/ext/core-api';
import { mayLinkFiles } from '../lib/ext/attachment-gate';
import type { Summary } from '../lib/ext/messages';
import { readPictures } from '../lib/ext/read-pictures';
import { sourceOfPage, withHistory, type HistoryInfo } from '../lib/ext/history-check';
import { checkPrevious } from '../lib/ext/history-offer';
import { listPageLink, pageLinks, previousReportLink } from '../lib/ext/previous-link';
import { loadSettings, saveSettings } from '../lib/ext/settings-store';
import { readHash } from '../lib/review/keys';
import { domLocator } from '../lib/ext/anchors';
import { draftLocator } from '../lib/ext/editor-locate';
import { watchDraft } from '../lib/ext/editor-watch';
import { App } from './App';
import { adoptSheet, ensureHost, partRoot } from './host';
import { HIGHLIGHT_CSS, UI_CSS } from './styles';
import type { View } from './types';
import { summaryOf, viewOf } from './view';


/**
 * Our host for a check: the one host element (made if missing, kept if the attachment controls made
 * it), its hook attributes reset, and a fresh part for the report UI.
 */
function mountHost(): { host: HTMLElement; root: HTMLElement } {
  const { host, shadow } = ensureHost();
  for (const a of ['data-errors', 'data-warnings', 'data-infos', 'data-pictures', 'data-pictures-read', 'data-timing', 'data-longest-step', 'data-idle-to-marks']) host.removeAttribute(a);
  host.setAttribute('data-nianbao-state', 'checking');
  adoptSheet(shadow, 'ui', UI_CSS);
  const root = partRoot(shadow, 'report', (r) => render(null, r));
  return { host, root };
}

/**
 * Text marks are painted by the page's own renderer: a constructed sheet, not a <style> node. Added
 * only once there is a finding to mark: a sheet added to the document makes the browser restyle the
 * whole page (160 ms on a page of 67,000 elements), which a report without findings need not pay.
 */
function adoptHighlightSheet(doc: Document = document): void {
  try {
    if (doc.adoptedStyleSheets.some((s) => (s as { __nianbao?: boolean }).__nianbao)) return;
    // A sheet is adopted only by documents of its own window: an editor frame's is made by the frame's
    // window. Adopted sheets are no node: the editor's content and what it saves stay as they were.
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, Object.assign(sheet, { __nianbao: true })];
  } catch {
    // Without constructable sheets the boxes still show.
  }
}

let current: Summary | null = null;

/** The controls of the report files this page links: the light attachments script, loaded by the background. */
const openAudit = () => void browser.runtime.sendMessage({ type: 'open-audit' }).catch(() => {});
const askAttachments = (pageIsReport: boolean | undefined) => void browser.runtime.sendMessage({ type: 'attachments-detected', pageIsReport }).catch(() => {});

/** The watch of the draft checked last (lib/ext/editor-watch.ts): a later check replaces it. */
let stopDraftWatch: (() => void) | null = null;

/** `again`: the same page checked again after an edit of its draft (no new attachment controls). */
export async function startUi(again = false): Promise<void> {
  const core = coreApi();
  if (!core) return;
  let host: HTMLElement | null = null;
  try {
    const run = await core.run;
    stopDraftWatch?.();
    stopDraftWatch = null;
    const draft = run.draft ?? null;
    // A later check (the user asked again) supersedes this one.
    const superseded = () => coreApi()?.run !== core.run;
    const timing = [...run.timing];
    let result: CheckResult | null = run.result;
    const notices: View['notices'] = run.failure ? [run.failure] : [];
    let state: View['state'] = run.failure ? 'failed' : !result?.report && !run.tasks.length ? (result?.notices.length ? 'failed' : 'not-report') : 'done';
    const settings = await loadSettings();
    // Loaded automatically, but the page holds no report after all: leave nothing behind, but the
    // controls of the report files it links (none: nothing at all).
    // (A draft checked again after an edit says so instead: its earlier marks must go.)
    if (state === 'not-report' && !run.force && !again) {
      if (!superseded()) askAttachments(undefined);
      return;
    }
    if (superseded()) return;
    const mounted = mountHost();
    host = mounted.host;
    // A report's own attachments (its PDF or Word version) get their controls with the report UI,
    // once our first view is painted (afterPaint says why), and only if the page may link one.
    const isReport = state === 'done' && !!result?.report;
    let filesAsked = state === 'failed' || again;
    const askFiles = () => {
      if (filesAsked) return;
      filesAsked = true;
      void afterPaint().then(() => !superseded() && mayLinkFiles(document) && askAttachments(isReport));
    };
    let cancelled = false;
    const cancel = () => {
      cancelled = true;
      void browser.runtime.sendMessage({ type: 'ocr-cancel' }).catch(() => {});
    };
    let checkLastYear = () => {};
    // A draft in an editor's frame: marks moved out of the frame, measured again as it scrolls.
    const locate = draft?.inFrame ? draftLocator(draft.root.ownerDocument) : domLocator;
    let sheetAsked = false;
    const show = (view: View) => {
      // The highlight sheet restyles the whole page: in the frame after our panel's first layout,
      // not in the same one (two tasks of half the length; the marks' colours come a frame later).
      if (view.findings.length && !sheetAsked) {
        sheetAsked = true;
        void afterPaint().then(() => {
          adoptHighlightSheet();
          if (draft?.inFrame) adoptHighlightSheet(draft.root.ownerDocument);
        });
      }
      render(<App view={view} settings={settings} onSettings={(p) => void saveSettings(p).catch(() => {})} onCancel={cancel} onCheckPrevious={() => checkLastYear()} onAudit={openAudit} locate={locate} />, mounted.root);
      askFiles();
    };
    if (run.tasks.length && result) {
      // Tables published as pictures: read in the extension's OCR page, then the report is checked again.
      host.setAttribute('data-pictures', String(run.tasks.length));
      const pictures = await readPictures(run.tasks, (done) => {
        const going = !cancelled && !superseded();
        if (going && done < run.tasks.length) show(viewOf(null, 'checking', [], location.href, { done, total: run.tasks.length }));
        return going;
      });
      if (superseded()) return;
      try {
        const again = await timed(timing, 'pictures', () => core.recheck(run, pictures));
        result = again.result;
        notices.push(...again.notices);
      } catch (e) {
        notices.push({ zh: `核对图片中的表格时出错：${(e as Error).message}`, en: `Checking the tables read from pictures failed: ${(e as Error).message}` });
      }
      host.setAttribute('data-pictures-read', String(pictures.reads.length));
      if (!result.report) state = result.notices.length ? 'failed' : 'not-report';
    }
    // The report history (on unless switched off): this report kept, last year's looked up, the cross-year rules run.
    const base = result;
    const baseNotices = [...notices];
    const source = sourceOfPage(location.href);
    let history: HistoryInfo | null = null;
    // A draft is not a published report: it is not kept in the history (nor is each edit of it).
    if (settings.history && !draft && state === 'done' && result?.report) {
      const h = await withHistory(core.history, result, source);
      if (superseded()) return;
      result = h.result;
      notices.push(...h.notices);
      history = h.info;
      // None kept yet, but the page links last year's report: offer to check it (「核对上一年度报告」).
      if (history && !history.previous && result.report?.year != null) {
        const links = pageLinks(document);
        history.offer = previousReportLink(links, { year: result.report.year, title: result.report.title, href: location.href }) ?? listPageLink(links, { href: location.href });
      }
    }
    // The inspector's reviews are kept by this address and the hash of what the engine read of the
    // page (before its pictures: the audit page hashes the same reading of the same page).
    const review = state === 'done' && result?.report ? { url: location.href, hash: run.source ? readHash(run.source) : null } : null;
    const view: View = { ...viewOf(result, state, notices, location.href), history, review };
    const publish = (v: View) => {
      const counts = countBySeverity(v.findings);
      host!.setAttribute('data-errors', String(counts.errors));
      host!.setAttribute('data-warnings', String(counts.warnings));
      host!.setAttribute('data-infos', String(counts.infos));
    };
    publish(view);
    checkLastYear = async () => {
      const offer = history?.offer;
      const year = base?.report?.year;
      if (!offer || !base || year == null || history?.pending) return;
      show({ ...view, history: { ...history!, pending: true } });
      const problem = await checkPrevious(core, offer, { href: location.href, title: base.report!.title, year }).catch((e: Error) => ({ zh: `未能核对上一年度报告：${e.message}`, en: `Last year's report was not checked: ${e.message}` }));
      if (superseded()) return;
      // This report again against the history, now holding last year's (its own record is already kept).
      const again = await withHistory(core.history, base, source, { keep: false });
      history = again.info ? { ...again.info, offer: again.info.previous ? null : offer } : history;
      const next: View = { ...viewOf(again.result, state, [...baseNotices, ...again.notices, ...(problem ? [problem] : [])], location.href), history, review };
      publish(next);
      show(next);
      current = summaryOf(next);
      void browser.runtime.sendMessage({ type: 'result', summary: current }).catch(() => {});
    };
    await timed(timing, 'render', () => show(view));
    host.setAttribute('data-nianbao-state', state);
    // For the benchmark: how long each phase took, and the time from document idle (the detector's start) to marks.
    host.setAttribute('data-timing', timing.join(','));
    host.setAttribute('data-longest-step', Math.max(run.longestStep, longestStep()).toFixed(1));
    const idleAt = (globalThis as { __nianbaoIdleAt?: number }).__nianbaoIdleAt;
    if (idleAt != null) host.setAttribute('data-idle-to-marks', (performance.now() - idleAt).toFixed(1));
    current = summaryOf(view);
    const summary = current;
    void afterPaint().then(() => browser.runtime.sendMessage({ type: 'result', summary }).catch(() => {}));
    // Marks follow edits: once typing pauses, the draft is read and checked again.
    if (draft && core.again && !superseded())
      stopDraftWatch = watchDraft(draft.root, () => {
        core.again!();
        void startUi(true);
      });
  } catch (e) {
    // Our failure: a notice in our panel, never a broken page.
    host?.setAttribute('data-nianbao-state', 'failed');
    console.warn('年报核查:', e);
  }
}

export function currentSummary(): Summary | null {
  return current;
}
