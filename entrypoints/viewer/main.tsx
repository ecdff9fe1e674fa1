// The viewer page (viewer.html): opens a PDF or Word file from ?src= (fetched with the extension's
// host access), from the file picker or by drag and drop; shows it; checks it with the same engine
// as web pages; marks the findings on the pages with the same panel and cards. Thin wiring: the
// reading is in lib/read, the placing of marks in lib/viewer, the UI in components.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/App';
import { Bar, Message, type BarProps, type MessageProps } from '../../components/viewer/Bar';
import { mountUiHost } from '../../components/viewer/host';
import { viewerStrings } from '../../components/viewer/strings';
import { summaryOf, viewOf } from '../../components/view';
import type { View } from '../../components/types';
import { checkDoc, type CheckResult } from '../../lib/check';
import { countBySeverity, type Text } from '../../lib/findings';
import type { Locator } from '../../lib/ext/anchors';
import { loadSettings, saveSettings } from '../../lib/ext/settings-store';
import { withHistory, type HistoryInfo } from '../../lib/ext/history-check';
import { compareWithHistory } from '../../lib/history/compare';
import type { Settings } from '../../lib/ext/settings';
import type { Lang } from '../../lib/i18n';
import { checkPdfDocument, type PdfOcrDeps } from '../../lib/read/pdf-doc';
import { sniffType, type FileType } from '../../lib/read/sniff';
import { recheck, tablePictures } from '../../lib/ext/pictures';
import { checkHere } from '../../lib/ext/check-here';
import { readPictures } from '../../lib/ext/read-pictures';
import { findReportRoot, readDocumentAt } from '../../lib/source';
import { fileHash } from '../../lib/review/keys';
import { FetchError, fetchFile, requestAccess } from '../../lib/viewer/fetch-file';
import { fileNameOf, parseViewerParams } from '../../lib/viewer/params';
import { pdfLocator } from '../../lib/viewer/pdf-locator';
import { canvasOfGray, pageRecognizer, renderPdfPage } from '../../lib/viewer/pdf-ocr';
import { loadPdfjs, openPdf, PdfOpenError } from '../../lib/viewer/pdfjs';

const container = document.getElementById('viewerContainer') as HTMLDivElement;
const viewerDiv = document.getElementById('viewer') as HTMLDivElement;
const docMain = document.getElementById('doc') as HTMLElement;
const msgRoot = document.body.appendChild(document.createElement('div'));

let settings: Settings;
let lang: Lang = 'zh';
let bar: Omit<BarProps, 'lang' | 'onFile'> = { name: null, status: null, page: null, src: null };
/** Each opening supersedes the one before (a second file dropped while the first is read). */
let opening = 0;
/** Other versions of the report the linking page offers (a PDF beside an OFD), as viewer links. */
let alternatives: { label: string; href: string }[] = [];
/** Where the file open came from, for the report history: its address, or a local file's name. */
let source = '';
/** The hash of the file's bytes, as the audit page makes it: the inspector's reviews say when the file changed. */
let bytesHash: string | null = null;
/** Phase durations of the current opening, for the benchmark (data-timing on our host). */
let timing: string[] = [];
const phase = async <T,>(name: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    timing.push(`${name}:${(performance.now() - t0).toFixed(1)}`);
  }
};

const showBar = (patch: Partial<typeof bar> = {}) => {
  bar = { ...bar, ...patch };
  render(<Bar lang={lang} {...bar} onFile={(f) => void openLocal(f)} />, document.getElementById('bar')!);
};
const showMessage = (m: Omit<MessageProps, 'lang'> | null) => render(m ? <Message lang={lang} {...m} /> : null, msgRoot);
const s = () => viewerStrings[lang];

function reset() {
  opening++;
  timing = [];
  container.hidden = true;
  docMain.hidden = true;
  docMain.replaceChildren();
  showMessage(null);
  showBar({ page: null, status: null, onZoom: undefined });
  document.querySelector('nianbao-check')?.remove();
  return opening;
}

/** The UI over the file: our host, its state attributes, the panel and the marks. */
function mountUi(parent: Element, locate?: Locator) {
  const { host, root } = mountUiHost(parent);
  let cancel = () => {};
  const show = (view: View) =>
    render(<App view={view} settings={settings} onSettings={(p) => void saveSettings(p).catch(() => {})} onCancel={() => cancel()} onAudit={() => void browser.tabs.create({ url: browser.runtime.getURL('/audit.html' as never) })} locate={locate} />, root);
  return {
    host,
    onCancel: (fn: () => void) => (cancel = fn),
    progress(done: number, total: number, label: Text) {
      show(viewOf(null, 'checking', [], location.href, { done, total, label }));
    },
    async done(result: CheckResult | null, notices: Text[], failed = false) {
      const state: View['state'] = failed ? 'failed' : result?.report ? 'done' : result?.notices.length ? 'failed' : 'not-report';
      // The report history, as on web pages: kept, compared with last year's, unless switched off.
      let history: HistoryInfo | null = null;
      if (settings.history && state === 'done' && result?.report && source) {
        const h = await withHistory(compareWithHistory, result, source);
        result = h.result;
        notices = [...notices, ...h.notices];
        history = h.info;
      }
      const review = state === 'done' && source ? { url: source, hash: bytesHash } : null;
      const view: View = { ...viewOf(result, state, notices, location.href), history, review };
      const counts = countBySeverity(view.findings);
      host.setAttribute('data-errors', String(counts.errors));
      host.setAttribute('data-warnings', String(counts.warnings));
      host.setAttribute('data-infos', String(counts.infos));
      show(view);
      host.setAttribute('data-nianbao-state', state);
      // For the benchmark: each phase, and the time from opening the viewer to the marks.
      host.setAttribute('data-timing', timing.join(','));
      host.setAttribute('data-open-to-marks', performance.now().toFixed(1));
      return summaryOf(view);
    },
  };
}

async function openRemote(src: string, ref: string | null) {
  const my = reset();
  const name = fileNameOf(src);
  source = src;
  document.title = `${name} · ${s().appName}`;
  showBar({ name, src, status: s().loading(name) });
  try {
    const file = await phase('fetch', () => fetchFile(src, ref));
    if (my !== opening) return;
    showBar({ status: null });
    await openBytes(file.bytes, name, my);
  } catch (e) {
    if (my !== opening) return;
    showBar({ status: null });
    if (e instanceof FetchError) {
      const origin = e.origin;
      mountUi(document.documentElement).done(null, [{ zh: e.zh, en: e.en }], true);
      showMessage({
        kind: 'error',
        text: lang === 'zh' ? e.zh : e.en,
        action: origin ? { label: s().grant(origin.replace(/\/\*$/, '')), run: () => void requestAccess(origin).then((ok) => void (ok && openRemote(src, ref))) } : undefined,
      });
    } else failure(e);
  }
}

async function openLocal(file: File) {
  const my = reset();
  source = file.name;
  document.title = `${file.name} · ${s().appName}`;
  showBar({ name: file.name, src: null, status: s().loading(file.name) });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (my !== opening) return;
  showBar({ status: null });
  await openBytes(bytes, file.name, my);
}

function failure(e: unknown) {
  const err = e as { zh?: string; en?: string; message?: string };
  showMessage({ kind: 'error', text: `${s().failed}${(lang === 'zh' ? err.zh : err.en) ?? err.message ?? String(e)}` });
  const ui = mountUi(document.documentElement);
  ui.done(null, [{ zh: err.zh ?? String(err.message), en: err.en ?? String(err.message) }], true);
}

/** What the bytes are decides, not the name. */
async function openBytes(bytes: Uint8Array, name: string, my: number) {
  bytesHash = fileHash(bytes);
  const type = sniffType(bytes);
  try {
    if (type === 'pdf') return await showPdf(bytes, my);
    if (type === 'docx' || type === 'ole' || type === 'rtf' || type === 'word-xml' || type === 'mht' || (type === 'html' && /\.(docx?|wps|rtf|html?|mht)$/i.test(name))) return await showWordFile(bytes, type, my);
    const what = type === 'ofd' ? 'OFD' : type === 'zip' ? 'ZIP' : null;
    if (what) {
      showMessage({ kind: 'error', text: s().unsupported(what), links: alternatives });
      const other = alternatives.length ? { zh: `；同一页面还有：${alternatives.map((a) => a.label).join('、')}`, en: `; the same page also links: ${alternatives.map((a) => a.label).join(', ')}` } : { zh: '', en: '' };
      mountUi(document.documentElement).done(null, [{ zh: `暂不支持此格式（${what}）：${name}${other.zh}`, en: `This format is not supported yet (${what}): ${name}${other.en}` }], true);
      return;
    }
    showMessage({ kind: 'error', text: s().notAFile });
    mountUi(document.documentElement).done(null, [{ zh: `不是 PDF 或 Word 文件：${name}`, en: `Not a PDF or Word file: ${name}` }], true);
  } catch (e) {
    if (my === opening) failure(e);
  }
}

async function showWordFile(bytes: Uint8Array, type: FileType, my: number) {
  const { showWord } = await import('../../lib/viewer/word');
  docMain.hidden = false;
  const shown = await phase('open', () => showWord(bytes, type, docMain));
  if (my !== opening) return;
  const ui = mountUi(document.documentElement);
  const root = findReportRoot(document);
  const source = await phase('read', async () => shown.adjust(readDocumentAt(document, root)));
  let result = await phase('check', async () => checkDoc(source, { force: false }));
  const notices = [...shown.notices];
  // A table pasted into the file as a picture: read by the extension's OCR page, as on web pages
  // (the picture is inside the file: nothing is fetched from anywhere).
  const tasks = tablePictures(root ?? docMain, source, result.report, null);
  if (tasks.length) {
    let cancelled = false;
    ui.onCancel(() => {
      cancelled = true;
      void browser.runtime.sendMessage({ type: 'ocr-cancel' }).catch(() => {});
    });
    const pictures = await phase('pictures', () =>
      readPictures(tasks, (done) => {
        const going = !cancelled && my === opening;
        if (going && done < tasks.length) ui.progress(done, tasks.length, { zh: `正在识别图片表格 ${done + 1}/${tasks.length}…`, en: `Reading table pictures ${done + 1}/${tasks.length}…` });
        return going;
      }),
    );
    if (my !== opening) return;
    const again = await recheck(source, result, pictures, false, checkHere(async () => {}));
    result = again.result;
    notices.push(...again.notices);
  }
  const summary = await ui.done(result, notices);
  void browser.runtime.sendMessage({ type: 'result', summary }).catch(() => {});
}

async function showPdf(bytes: Uint8Array, my: number) {
  let doc;
  for (let attempt = 0; ; attempt++) {
    try {
      doc = await phase('open', () => openPdf(bytes, attempt ? (window.prompt(s().password) ?? undefined) : undefined));
      break;
    } catch (e) {
      if (!(e instanceof PdfOpenError && e.needsPassword) || attempt >= 3) throw e;
    }
  }
  if (my !== opening) return void doc.destroy();
  const { components } = await loadPdfjs();
  container.hidden = false;
  viewerDiv.replaceChildren();
  const eventBus = new components.EventBus();
  const linkService = new components.PDFLinkService({ eventBus, externalLinkTarget: 2 /* LinkTarget.BLANK */ });
  const viewer = new components.PDFViewer({ container, viewer: viewerDiv, eventBus, linkService, textLayerMode: 1 });
  linkService.setViewer(viewer);
  eventBus.on('pagesinit', () => (viewer.currentScaleValue = 'page-width'));
  eventBus.on('pagechanging', (e: { pageNumber: number }) => showBar({ page: { n: e.pageNumber, total: doc.numPages } }));
  viewer.setDocument(doc);
  linkService.setDocument(doc, null);
  showBar({
    page: { n: 1, total: doc.numPages },
    onZoom: (how) => {
      if (how === 'width') viewer.currentScaleValue = 'page-width';
      else viewer.currentScale = Math.min(5, Math.max(0.25, viewer.currentScale * (how === 'in' ? 1.2 : 1 / 1.2)));
    },
  });
  const ui = mountUi(container, pdfLocator(viewer as never, eventBus));
  const { pdfjs } = await loadPdfjs();
  const abort = new AbortController();
  ui.onCancel(() => abort.abort());
  try {
    const checked = await phase('check', () => checkPdfDocument(doc as never, { ops: pdfjs.OPS as never, force: false, ocr: viewerOcr(ui, doc.numPages, my, abort.signal) }));
    if (my !== opening) return;
    const summary = await ui.done(checked.result, checked.notices, checked.failed);
    void browser.runtime.sendMessage({ type: 'result', summary }).catch(() => {});
  } catch (e) {
    if (my !== opening) return;
    const cancelled = (e as Error).name === 'AbortError';
    ui.done(null, [cancelled ? { zh: '已取消识别，未核对此文件', en: 'Reading by OCR was cancelled; the file was not checked' } : { zh: `读取 PDF 时出错：${(e as Error).message}`, en: `Reading the PDF failed: ${(e as Error).message}` }], true);
  }
}

/**
 * OCR in the viewer page (scanned pages, tables published as pictures): pages rendered into our own
 * canvases (kept for the cards' crops), tesseract.js from the extension's files, progress and cancel.
 */
function viewerOcr(ui: ReturnType<typeof mountUi>, pages: number, my: number, signal: AbortSignal): PdfOcrDeps {
  const label = (done: number, total: number) => ({ zh: viewerStrings.zh.readingPages(done + 1, total), en: viewerStrings.en.readingPages(done + 1, total) });
  return {
    signal,
    onPage: (done, total) => {
      if (my === opening && !signal.aborted && done < total) ui.progress(done, total, label(done, total));
    },
    async recognizer() {
      ui.progress(0, pages, label(0, pages));
      return pageRecognizer();
    },
    canvasOf: canvasOfGray,
    render: renderPdfPage,
  };
}

async function start() {
  settings = await loadSettings();
  lang = settings.lang;
  // The page's own title (viewer.html's is Chinese) in the user's language.
  document.title = s().title;
  showBar();
  const params = parseViewerParams(location.search);
  // Drag and drop anywhere on the page.
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  window.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const f = e.dataTransfer?.files?.[0];
    if (f) void openLocal(f);
  });
  if (!params.ok) return showMessage({ kind: 'error', text: lang === 'zh' ? params.zh : params.en });
  if (!params.target) return showMessage({ kind: 'info', text: s().dropHere });
  const { src, ref } = params.target;
  alternatives = params.target.alt.map((a) => ({ label: fileNameOf(a), href: `${location.pathname}?src=${encodeURIComponent(a)}${ref ? `&ref=${encodeURIComponent(ref)}` : ''}` }));
  showBar({ onBrowser: () => void openInBrowser(src) });
  await openRemote(src, ref);
}

/** 「用浏览器打开」: this one address, in this tab, is let through the automatic-opening rule. */
async function openInBrowser(src: string) {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  try {
    if (tab?.id != null)
      await browser.declarativeNetRequest.updateSessionRules({
        addRules: [{ id: 1000 + Math.floor(Math.random() * 1e6), priority: 2, action: { type: 'allow' as never }, condition: { urlFilter: `|${src}|`, resourceTypes: ['main_frame' as never], tabIds: [tab.id] } }],
      });
  } catch {
    // Without the rule the browser may open the viewer again; the user still has the address.
  }
  location.href = src;
}

void start().catch((e) => failure(e));
