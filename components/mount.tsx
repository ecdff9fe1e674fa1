// Runs the engine on this page and mounts our UI in one shadow root: the only node we add to the page.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { countBySeverity, parseStepAsync, rulesStep, type CheckResult } from '../lib/check';
import type { Summary } from '../lib/ext/messages';
import { recheck, tablePictures } from '../lib/ext/pictures';
import { readPictures } from '../lib/ext/read-pictures';
import { findReportRoot, readDocumentAt } from '../lib/source';
import { loadSettings, saveSettings } from '../lib/ext/settings-store';
import { HOST_TAG } from '../lib/read/dom';
import { App } from './App';
import { HIGHLIGHT_CSS, UI_CSS } from './styles';
import type { View } from './types';

const FORMAT_NAME: Record<string, string> = { '2021': '2021（国办公开办函〔2021〕30号）', '2019': '2019 试行（国办公开办函〔2019〕60号）', 'pre-2019': '2019年以前（无统一表格）', unknown: '未知' };

function mountHost(): { host: HTMLElement; root: HTMLElement } {
  document.querySelector(HOST_TAG.toLowerCase())?.remove();
  const host = document.createElement(HOST_TAG.toLowerCase());
  host.setAttribute('data-nianbao-state', 'checking');
  document.documentElement.appendChild(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const root = document.createElement('div');
  shadow.append(root);
  // A constructed sheet: pages with a strict style-src CSP cannot block it (CSP governs <style>, not CSSOM).
  const ui = new CSSStyleSheet();
  ui.replaceSync(UI_CSS);
  shadow.adoptedStyleSheets = [ui];
  try {
    // Text marks are painted by the page's own renderer: a constructed sheet, not a <style> node.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => !(s as { __nianbao?: boolean }).__nianbao), Object.assign(sheet, { __nianbao: true })];
  } catch {
    // Without constructable sheets the boxes still show.
  }
  return { host, root };
}

function viewOf(result: CheckResult | null, state: View['state'], notices: View['notices'], progress: View['progress'] = null): View {
  const r = result?.report;
  return {
    state,
    progress,
    title: r?.title ?? result?.detection.title ?? null,
    year: r?.year ?? null,
    format: r ? FORMAT_NAME[r.format] ?? r.format : null,
    findings: result?.findings ?? [],
    notices: [...(result?.notices ?? []), ...notices],
    url: location.href,
  };
}

function summaryOf(view: View): Summary {
  return {
    state: view.state,
    title: view.title,
    year: view.year,
    format: view.format,
    counts: countBySeverity(view.findings),
    notice: view.notices[0]?.zh ?? null,
  };
}

let current: Summary | null = null;
/** Each start supersedes the one before (the user checked again while pictures were being read). */
let runs = 0;

export async function startEngine(force: boolean, picture: string | null = null): Promise<void> {
  let host: HTMLElement | null = null;
  const run = ++runs;
  try {
    const mounted = mountHost();
    host = mounted.host;
    const settings = await loadSettings();
    const timing: string[] = [];
    const pause = () => new Promise<void>((r) => setTimeout(r, 0));
    const phase = async <T,>(name: string, fn: () => T | Promise<T>): Promise<T> => {
      // Each phase is its own task (or several): the page stays responsive between them.
      await pause();
      const t0 = performance.now();
      const out = await fn();
      timing.push(`${name}:${(performance.now() - t0).toFixed(1)}`);
      return out;
    };
    let result: CheckResult | null = null;
    let state: View['state'] = 'done';
    const notices: View['notices'] = [];
    const show = (view: View) => render(<App view={view} settings={settings} onSettings={(p) => void saveSettings(p).catch(() => {})} onCancel={cancel} />, mounted.root);
    let cancelled = false;
    const cancel = () => {
      cancelled = true;
      void browser.runtime.sendMessage({ type: 'ocr-cancel' }).catch(() => {});
    };
    try {
      const root = await phase('root', () => findReportRoot(document));
      const source = await phase('read', () => readDocumentAt(document, root));
      const parsed = await phase('parse', () => parseStepAsync(source, { force }, pause));
      result = parsed.report ? await phase('rules', () => rulesStep(parsed)) : parsed;
      // Tables published as pictures: read them in the extension's OCR page, then check again.
      const tasks = tablePictures(root ?? document.body ?? document.documentElement, source, result.report, picture);
      if (tasks.length) {
        host.setAttribute('data-pictures', String(tasks.length));
        const first = result;
        const pictures = await readPictures(tasks, (done) => {
          const going = !cancelled && run === runs;
          if (going && done < tasks.length) show(viewOf(null, 'checking', [], { done, total: tasks.length }));
          return going;
        });
        if (run !== runs) return;
        const again = await phase('pictures', () => recheck(source, first, pictures, force, pause));
        result = again.result;
        notices.push(...again.notices);
        host.setAttribute('data-pictures-read', String(pictures.reads.length));
      }
      if (!result.report) state = result.notices.length ? 'failed' : 'not-report';
    } catch (e) {
      state = 'failed';
      notices.push({ zh: `无法读取本页的报告：${(e as Error).message}`, en: `Could not read the report on this page: ${(e as Error).message}` });
    }
    const view = viewOf(result, state, notices);
    const counts = countBySeverity(view.findings);
    host.setAttribute('data-errors', String(counts.errors));
    host.setAttribute('data-warnings', String(counts.warnings));
    host.setAttribute('data-infos', String(counts.infos));
    await phase('render', () => show(view));
    host.setAttribute('data-nianbao-state', state);
    // For the benchmark: how long each phase took, and the time from document idle (the detector's start) to marks.
    host.setAttribute('data-timing', timing.join(','));
    const idleAt = (globalThis as { __nianbaoIdleAt?: number }).__nianbaoIdleAt;
    if (idleAt != null) host.setAttribute('data-idle-to-marks', (performance.now() - idleAt).toFixed(1));
    current = summaryOf(view);
    void browser.runtime.sendMessage({ type: 'result', summary: current }).catch(() => {});
  } catch (e) {
    // Our failure: a notice in our panel, never a broken page.
    host?.setAttribute('data-nianbao-state', 'failed');
    console.warn('年报核查:', e);
  }
}

export function currentSummary(): Summary | null {
  return current;
}
