// The audit page (audit.html): many reports fetched and checked here, with the extension's host
// access, a few at once; rows kept to resume after a reload; exports made here. Thin wiring: the
// run is lib/audit/run.ts, the reading lib/ext/audit-check.ts, the UI components/audit.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AuditPage } from '../../components/audit/AuditPage';
import { Memo } from '../../components/audit/Memo';
import { Review } from '../../components/Review';
import type { ReviewChange } from '../../lib/review/merge';
import { auditStrings } from '../../components/audit/strings';
import { AuditRun, type AuditInput, type AuditOptions } from '../../lib/audit/run';
import type { AuditRow } from '../../lib/audit/model';
import type { RowReviews } from '../../lib/audit/review-types';
import { chainYears } from '../../lib/history/chain';
import type { HistoryRecord } from '../../lib/history/model';
import type { Text } from '../../lib/findings';
import type { Lang } from '../../lib/i18n';
import { checkAuditBytes } from '../../lib/ext/audit-check';
import { auditFetch, forgetAccess } from '../../lib/ext/audit-fetch';
import { clearSaved, loadSaved, saveAudit } from '../../lib/ext/audit-saved';
import { ExtensionHistoryStore } from '../../lib/ext/history-store';
import { loadSettings, saveSettings } from '../../lib/ext/settings-store';
import type { Settings } from '../../lib/ext/settings';
import { auditInputs } from '../../lib/audit/inputs';

const app = document.getElementById('app')!;
let settings: Settings;
let lang: Lang = 'zh';
let text = '';
let files: File[] = [];
let run: AuditRun | null = null;
let notices: Text[] = [];
let concurrency = 4;
let timeoutS = 30;
let memo: { rows: AuditRow[]; reviews: Map<AuditRow, RowReviews> } | null = null;
let stored: HistoryRecord[] = [];
const historyStore = new ExtensionHistoryStore();

/** Reviews of each report, when the reviews module is present (lib/ext/review-store.ts). */
async function reviewsOf(rows: readonly AuditRow[]): Promise<Map<AuditRow, RowReviews>> {
  const out = new Map<AuditRow, RowReviews>();
  try {
    const { reviewsFor } = await import('../../lib/ext/review-store');
    await Promise.all(rows.map(async (r) => out.set(r, await reviewsFor(r.url ?? r.input, r.hash))));
  } catch {
    // No reviews kept (or none readable): the exports say none.
  }
  return out;
}

/** The reviews of the reports whose findings are open, by address and hash. */
const reviews = new Map<string, RowReviews>();
const reviewKey = (row: AuditRow) => `${row.url ?? row.input}\n${row.hash ?? ''}`;

async function loadReviews(row: AuditRow) {
  try {
    const { reviewsFor } = await import('../../lib/ext/review-store');
    reviews.set(reviewKey(row), await reviewsFor(row.url ?? row.input, row.hash));
  } catch {
    reviews.set(reviewKey(row), {});
  }
  paint();
}

/** One review kept for the report (shown on its marks too, wherever it is opened). */
async function saveReview(row: AuditRow, key: string, change: ReviewChange): Promise<void> {
  const { reviewStore, reviewsFor } = await import('../../lib/ext/review-store');
  await reviewStore().set(row.url ?? row.input, key, change, row.hash);
  reviews.set(reviewKey(row), await reviewsFor(row.url ?? row.input, row.hash));
  paint();
}

let frame = 0;
/** Re-rendered at most once a frame, however many rows settle in it. */
function show() {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    paint();
  });
}

function paint() {
  if (memo) {
    const m = memo;
    render(<Memo lang={lang} rows={m.rows} reviews={(r) => m.reviews.get(r) ?? {}} onBack={() => ((memo = null), paint())} />, app);
    return;
  }
  render(
    <AuditPage
      lang={lang}
      text={text}
      files={files}
      rows={run ? [...run.rows] : []}
      status={run?.status ?? 'idle'}
      timeLeft={run?.timeLeft() ?? null}
      notices={notices}
      concurrency={concurrency}
      timeoutS={timeoutS}
      onText={(t) => ((text = t), paint())}
      onFiles={(f) => ((files = f), paint())}
      onOptions={(o) => {
        if (o.concurrency) concurrency = Math.min(8, Math.max(1, Math.round(o.concurrency)));
        if (o.timeoutS) timeoutS = Math.min(600, Math.max(5, Math.round(o.timeoutS)));
        paint();
      }}
      onStart={() => void startFresh()}
      onCancel={() => run?.cancel()}
      onResume={() => void run?.start().then(finished)}
      onClear={() => {
        run?.cancel();
        run = null;
        notices = [];
        void clearSaved();
        paint();
      }}
      onGrant={(origins) => void grant(origins)}
      onOpen={(row) => void openRow(row)}
      onAddLinks={(urls) => void addLinks(urls)}
      onExport={(kind) => void exportAs(kind)}
      onExpand={(row) => void loadReviews(row)}
      review={(row, key) => {
        const got = reviews.get(reviewKey(row));
        return got ? <Review review={got[key]} lang={lang} onChange={(change) => saveReview(row, key, change)} /> : null;
      }}
      onLang={() => {
        lang = lang === 'zh' ? 'en' : 'zh';
        document.title = auditStrings[lang].title;
        void saveSettings({ lang }).catch(() => {});
        paint();
      }}
    />,
    app,
  );
}

function options(): AuditOptions {
  return { concurrency, timeoutMs: timeoutS * 1000, retries: 2 };
}

function newRun(inputs: AuditInput[], rows?: readonly AuditRow[]): AuditRun {
  const r = new AuditRun(
    inputs,
    {
      fetch: auditFetch,
      check: (input, file, signal) => checkAuditBytes(input, file.bytes, file.contentType, file.url, signal),
      chain: (checked) => chainYears(checked, settings.history ? stored : [], settings.history, (x) => x),
      saved: (rs) => saveAudit(inputs, rs, r.status, options()),
    },
    options(),
    rows,
  );
  r.subscribe(show);
  return r;
}

/** After a run: the batch's records kept in the history (unless switched off). */
async function finished() {
  show();
  if (!run || !settings.history) return;
  try {
    for (const record of run.records()) await historyStore.add(record);
    stored = await historyStore.list();
  } catch (e) {
    // The audit still stands; the history's failure is said, never lost silently.
    notices = [...notices, { zh: `无法保存报告记录：${(e as Error).message}`, en: `The report records could not be kept: ${(e as Error).message}` }];
    paint();
  }
}

async function startFresh() {
  const { inputs, bad } = auditInputs(text, files);
  notices = bad.map((b) => ({ zh: auditStrings.zh.badUrl(b), en: auditStrings.en.badUrl(b) }));
  if (!inputs.length) {
    notices.push({ zh: auditStrings.zh.nothing, en: auditStrings.en.nothing });
    return paint();
  }
  run?.cancel();
  forgetAccess();
  // A new audit: the last one's save goes (a reload now resumes this one).
  await clearSaved();
  run = newRun(inputs);
  paint();
  await run.start();
  await finished();
}

async function grant(origins: string[]) {
  if (!run) return;
  let ok = false;
  try {
    ok = await browser.permissions.request({ origins });
  } catch {
    ok = false;
  }
  forgetAccess();
  if (!ok) return;
  const retry = new Set(run.rows.flatMap((r, i) => (r.state === 'failed' && r.needsAccess && origins.includes(r.needsAccess) ? [i] : [])));
  await run.start(retry);
  await finished();
}

async function addLinks(urls: string[]) {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const fresh = urls.filter((u) => !lines.includes(u));
  text = [...lines.filter(Boolean), ...fresh].join('\n');
  if (!run || run.status === 'running') return paint();
  // The rows done stay; the new ones are added and checked. The address of this page follows, so
  // that a reload (or the link shared) holds the whole list.
  const { inputs } = auditInputs(text, files);
  const params = new URLSearchParams(location.search);
  if (params.has('urls')) {
    params.set('urls', inputs.filter((x) => !x.bytes).map((x) => x.input).join('\n'));
    window.history.replaceState(null, '', `?${params}`);
  }
  run = newRun(inputs, run.rows);
  paint();
  await run.start();
  await finished();
}

/** A row opens its report with its marks: a page in a tab (checked there), a file in our viewer. */
async function openRow(row: AuditRow) {
  const url = row.url ?? row.input;
  if (!/^https?:/i.test(url)) return;
  if (row.file) {
    await browser.tabs.create({ url: browser.runtime.getURL(`/viewer.html?src=${encodeURIComponent(url)}` as never) });
    return;
  }
  const tab = await browser.tabs.create({ url });
  // Off *.gov.cn no detector runs: the page is checked as by 「检查此页」 once it has loaded.
  if (tab.id == null || /\.gov\.cn$/i.test(new URL(url).hostname)) return;
  const id = tab.id;
  const listener = (tabId: number, info: { status?: string }) => {
    if (tabId !== id || info.status !== 'complete') return;
    browser.tabs.onUpdated.removeListener(listener);
    void browser.runtime.sendMessage({ type: 'check-tab', tabId: id }).catch(() => {});
  };
  browser.tabs.onUpdated.addListener(listener);
}

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

async function exportAs(kind: 'csv' | 'xlsx' | 'memo') {
  if (!run) return;
  const rows = run.rows.filter((r) => r.state !== 'queued' && r.state !== 'running');
  try {
    const reviews = await reviewsOf(rows);
    const get = (r: AuditRow) => reviews.get(r) ?? {};
    if (kind === 'memo') {
      memo = { rows, reviews };
      return paint();
    }
    if (kind === 'csv') {
      const { findingsCsv } = await import('../../lib/audit/csv');
      download(`${lang === 'zh' ? '年报核查' : 'nianbao-check'}-${stamp()}.csv`, new Blob([findingsCsv(rows, get, lang)], { type: 'text/csv;charset=utf-8' }));
    } else {
      const { auditWorkbook } = await import('../../lib/audit/xlsx');
      download(`${lang === 'zh' ? '年报核查' : 'nianbao-check'}-${stamp()}.xlsx`, await auditWorkbook(rows, get, lang));
    }
  } catch (e) {
    notices = [...notices, { zh: auditStrings.zh.exportFailed((e as Error).message), en: auditStrings.en.exportFailed((e as Error).message) }];
    paint();
  }
}

/**
 * For the benchmark and the e2e test: the longest main-thread task of this page (Chromium's
 * long-task entries, 50 ms and more) and how many there were, on the host element.
 */
function watchLongTasks() {
  let longest = 0;
  let count = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longest = Math.max(longest, e.duration);
        count++;
      }
      const host = document.getElementById('audit');
      host?.setAttribute('data-longest-task', longest.toFixed(0));
      host?.setAttribute('data-long-tasks', String(count));
    }).observe({ type: 'longtask' });
  } catch {
    // No long-task timing in this browser (Firefox): nothing to report.
  }
}

async function start() {
  watchLongTasks();
  settings = await loadSettings();
  lang = settings.lang;
  // The page's own title (audit.html's is Chinese) in the user's language.
  document.title = auditStrings[lang].title;
  if (settings.history) stored = await historyStore.list().catch(() => []);
  const params = new URLSearchParams(location.search);
  const given = params.get('urls');
  // A shared link may set the pace: ?jobs=N (at once) and ?timeout=S (seconds per attempt).
  if (params.get('jobs')) concurrency = Math.min(8, Math.max(1, Math.round(Number(params.get('jobs')) || 4)));
  if (params.get('timeout')) timeoutS = Math.min(600, Math.max(1, Math.round(Number(params.get('timeout')) || 30)));
  const saved = await loadSaved();
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    const dropped = [...(e.dataTransfer?.files ?? [])];
    if (dropped.length && run?.status !== 'running') {
      files = [...files, ...dropped];
      paint();
    }
  });
  if (given != null) {
    text = given;
    const { inputs } = auditInputs(text, []);
    // A reload of the same link resumes: the rows done are kept, the others run.
    const same = saved && saved.inputs.length === inputs.length && saved.inputs.every((x, i) => x === inputs[i].input);
    if (same) {
      concurrency = saved.options.concurrency;
      timeoutS = Math.round(saved.options.timeoutMs / 1000);
      run = newRun(inputs, saved.rows);
      if (run.settled) notices = [{ zh: auditStrings.zh.resumed(run.settled, inputs.length), en: auditStrings.en.resumed(run.settled, inputs.length) }];
      paint();
      await run.start();
      return finished();
    }
    return startFresh();
  }
  if (saved) {
    // The audit of the last visit: shown as it stood; a run cut off by the reload goes on.
    text = saved.inputs.filter((x) => /^https?:/i.test(x)).join('\n');
    concurrency = saved.options.concurrency;
    timeoutS = Math.round(saved.options.timeoutMs / 1000);
    const inputs: AuditInput[] = saved.inputs.map((input) =>
      /^https?:/i.test(input)
        ? { input }
        : {
            input,
            bytes: () => Promise.reject(Object.assign(new Error('file gone'), { zh: auditStrings.zh.fileGone, en: auditStrings.en.fileGone })),
          },
    );
    run = newRun(inputs, saved.rows);
    if (run.settled) notices = [{ zh: auditStrings.zh.resumed(run.settled, inputs.length), en: auditStrings.en.resumed(run.settled, inputs.length) }];
    if (saved.status === 'running') {
      paint();
      await run.start();
      return finished();
    }
    run.status = run.settled < run.rows.length ? 'cancelled' : 'done';
  }
  paint();
}

void start().catch((e) => {
  notices = [{ zh: `批量核查页出错：${(e as Error).message}`, en: `The audit page failed: ${(e as Error).message}` }];
  paint();
});
