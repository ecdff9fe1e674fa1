// The toolbar popup: the tab's summary, "检查此页", and the settings.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseSummary, type Summary } from '../lib/ext/messages';
import type { Settings } from '../lib/ext/settings';
import { loadSettings, saveSettings } from '../lib/ext/settings-store';
import { strings } from '../lib/i18n';
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
`;

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const lang = settings?.lang ?? 'zh';
  const s = strings[lang];

  const refresh = async () => {
    const id = await activeTabId();
    if (id == null) return;
    try {
      setSummary(parseSummary(await browser.tabs.sendMessage(id, { type: 'get-summary' })));
    } catch {
      setSummary(null);
    }
  };

  useEffect(() => {
    void loadSettings().then(setSettings);
    void refresh();
  }, []);

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
            <b>{summary.title ?? s.noTitle}</b>
          </div>
          <div class="muted">
            {s.year}：{summary.year ?? s.unknown} · {s.format}：{summary.format ?? s.unknown}
          </div>
          {summary.state === 'done' && (
            <div class="counts">
              <span style={{ background: SEVERITY_COLOR.error }}>
                {summary.counts.errors} {s.errors}
              </span>
              <span style={{ background: SEVERITY_COLOR.warning }}>
                {summary.counts.warnings} {s.warnings}
              </span>
              <span style={{ background: SEVERITY_COLOR.info }}>
                {summary.counts.infos} {s.infos}
              </span>
            </div>
          )}
          {summary.state === 'not-report' && <div>{s.notReport}</div>}
          {summary.notice && <div class="muted">{summary.notice}</div>}
        </div>
      ) : (
        <div class="muted">{s.notReport}</div>
      )}
      <p>
        <button onClick={checkNow} data-action="check">
          {s.checkThisPage}
        </button>
      </p>
      {settings && (
        <fieldset>
          <legend>{s.settings}</legend>
          <label>
            {s.language}：
            <select value={settings.lang} onChange={(e) => void update({ lang: (e.currentTarget.value as 'zh' | 'en') ?? 'zh' })}>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={settings.autoGov} disabled /> {s.autoGov}
          </label>
          <label>
            <input type="checkbox" checked={settings.autoAll} onChange={(e) => void toggleAll(e.currentTarget.checked)} /> {s.autoAll}
          </label>
        </fieldset>
      )}
    </main>
  );
}
