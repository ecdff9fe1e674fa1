// The toolbar popup: the tab's summary, "检查此页", the PDF the tab shows (open it in our viewer),
// a local file, and the settings.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseSummary, parseTabInfo, type Summary, type TabInfo } from '../lib/ext/messages';
import type { Settings } from '../lib/ext/settings';
import { loadSettings, saveSettings } from '../lib/ext/settings-store';
import { strings } from '../lib/i18n';
import { History } from './History';
import { Quoted } from './Quoted';
import { auditStrings } from './audit/strings';
import { SEVERITY_COLOR } from './styles';

const CSS = `
body { margin: 0; font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; width: 320px; }
main { padding: 10px 12px; }
h1 { font-size: 15px; margin: 0 0 6px; }
.counts span { display: inline-block; margin-right: 6px; padding: 0 8px; border-radius: 10px; color: #fff; font-size: 12px; }
button { font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid #888; background: #f5f5f5; cursor: pointer; }
fieldset { border: 1px solid #ddd; border-radius: 6px; margin-top: 10px; }
label { display: block; margin: 4px 0; }
.muted { color: #666; font-size: 12px; }
.pdf { margin: 8px 0; padding: 6px 8px; background: #e3f2fd; border: 1px solid #90caf9; border-radius: 6px; }
.pdf button { margin-top: 4px; border-color: #1565c0; color: #1565c0; background: #fff; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
ul.history { list-style: none; margin: 4px 0; padding: 0; max-height: 220px; overflow: auto; }
ul.history li { padding: 3px 0; border-bottom: 1px solid #eee; }
ul.history .src { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
label.file { display: inline; margin: 0; }
label.file span { display: inline-block; padding: 4px 12px; border-radius: 4px; border: 1px solid #888; background: #f5f5f5; cursor: pointer; }
.confirm { display: block; font-size: 12px; }
.confirm button { margin: 4px 6px 0 0; }
`;

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [tabInfo, setTabInfo] = useState<TabInfo | null>(null);
  const lang = settings?.lang ?? 'zh';
  const s = strings[lang];
  const colon = lang === 'zh' ? '：' : ': ';

  const refresh = async () => {
    const id = await activeTabId();
    if (id == null) return;
    try {
      setSummary(parseSummary(await browser.tabs.sendMessage(id, { type: 'get-summary' })));
    } catch {
      setSummary(null);
    }
  };

  const refreshTabInfo = async () => {
    const id = await activeTabId();
    if (id == null) return;
    try {
      setTabInfo(parseTabInfo(await browser.runtime.sendMessage({ type: 'tab-info', tabId: id })));
    } catch {
      setTabInfo(null);
    }
  };

  useEffect(() => {
    void loadSettings().then(setSettings);
    void refresh();
    void refreshTabInfo();
  }, []);

  const openPdf = async () => {
    const id = await activeTabId();
    if (!tabInfo?.pdf) return;
    await browser.runtime.sendMessage({ type: 'open-viewer', url: tabInfo.pdf, referer: null, tabId: id });
    window.close();
  };

  // The viewer alone shows its file picker (and takes a dropped file).
  const openLocal = async () => {
    await browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)('/viewer.html') });
    window.close();
  };

  // The inspector's desk: many reports at once.
  const openAudit = async () => {
    await browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)('/audit.html') });
    window.close();
  };

  const update = async (patch: Partial<Settings>) => {
    setSettings(await saveSettings(patch));
    await browser.runtime.sendMessage({ type: 'settings-changed' });
  };

  const checkNow = async () => {
    const id = await activeTabId();
    if (id == null) return;
    await browser.runtime.sendMessage({ type: 'check-tab', tabId: id });
    setTimeout(() => void refresh(), 800);
  };

  const toggleAll = async (on: boolean) => {
    // Asked from the popup, on the user's click: the browser shows its own permission prompt.
    const ok = on ? await browser.permissions.request({ origins: ['<all_urls>'] }) : true;
    if (!on) await browser.permissions.remove({ origins: ['<all_urls>'] });
    await update({ autoAll: on && ok });
  };

  return (
    <main>
      <style>{CSS}</style>
      <h1>{s.appName}</h1>
      {summary ? (
        <div data-summary={summary.state}>
          <div>
            <b>{summary.title ? <span data-quote="">{summary.title}</span> : s.noTitle}</b>
          </div>
          <div class="muted">
            {s.year}
            {colon}
            {summary.year ?? s.unknown} · {s.format}
            {colon}
            {summary.format ? s.formatName(summary.format) : s.unknown}
          </div>
          {summary.state === 'done' && (
            <div class="counts">
              <span style={{ background: SEVERITY_COLOR.error }}>
                {s.count(summary.counts.errors, 'error')}
              </span>
              <span style={{ background: SEVERITY_COLOR.warning }}>
                {s.count(summary.counts.warnings, 'warning')}
              </span>
              <span style={{ background: SEVERITY_COLOR.info }}>
                {s.count(summary.counts.infos, 'info')}
              </span>
            </div>
          )}
          {summary.state === 'not-report' && <div>{s.notReport}</div>}
          {summary.notice && (
            <div class="muted">
              <Quoted text={summary.notice[lang]} />
            </div>
          )}
        </div>
      ) : (
        <div class="muted">{s.notReport}</div>
      )}
      {tabInfo?.pdf && (
        <div class="pdf" data-pdf-tab="">
          <div class="muted">{s.pdfTab}</div>
          <button onClick={() => void openPdf()} data-action="open-pdf">
            {s.openThisPdf}
          </button>
        </div>
      )}
      <p class="actions">
        <button onClick={checkNow} data-action="check">
          {s.checkThisPage}
        </button>
        <button onClick={() => void openLocal()} data-action="open-local">
          {s.openLocalFile}
        </button>
        <button onClick={() => void openAudit()} data-action="audit">
          {auditStrings[lang].openDesk}
        </button>
      </p>
      {settings && (
        <fieldset>
          <legend>{s.settings}</legend>
          <label>
            {s.language}
            {colon}
            <select value={settings.lang} onChange={(e) => void update({ lang: (e.currentTarget.value as 'zh' | 'en') ?? 'zh' })}>
              <option value="zh" lang="zh-CN">
                中文
              </option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={settings.autoGov} disabled /> {s.autoGov}
          </label>
          <label>
            <input type="checkbox" checked={settings.autoAll} onChange={(e) => void toggleAll(e.currentTarget.checked)} /> {s.autoAll}
          </label>
          <label>
            <input
              type="checkbox"
              data-setting="autoPdfGov"
              checked={settings.autoPdfGov}
              disabled={tabInfo != null && !tabInfo.redirectSupported && !settings.autoPdfGov}
              onChange={(e) => void update({ autoPdfGov: e.currentTarget.checked })}
            />{' '}
            {s.autoPdfGov}
          </label>
          {tabInfo != null && !tabInfo.redirectSupported && <div class="muted">{s.autoPdfUnsupported}</div>}
          <label>
            <input type="checkbox" data-setting="history" checked={settings.history} onChange={(e) => void update({ history: e.currentTarget.checked })} /> {s.historySetting}
          </label>
        </fieldset>
      )}
      {settings && <History lang={lang} />}
    </main>
  );
}
