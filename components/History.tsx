// The popup's report history: the records kept (body, year, key figures, where it was read), 「导出」
// (a JSON file through a blob link), 「导入…」, and 「清空」 after a confirmation. All in storage.local.
import { useEffect, useState } from 'preact/hooks';
import type { Figure, HistoryRecord } from '../lib/history/model';
import { parseExport } from '../lib/history/store';
import { ExtensionHistoryStore } from '../lib/ext/history-store';
import { strings, type Lang } from '../lib/i18n';

/** How many records the popup lists (newest first); the export holds them all. */
const SHOWN = 30;

const fig = (f: Figure | undefined) => (f && f.value != null ? `${f.value}${f.confident ? '' : '?'}` : f?.state === 'blank' ? '0' : '—');

export function History({ lang }: { lang: Lang }) {
  const s = strings[lang];
  const [records, setRecords] = useState<HistoryRecord[] | null>(null);
  const [damaged, setDamaged] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const store = new ExtensionHistoryStore();

  const load = async () => {
    setRecords(await store.list());
    setDamaged(store.skipped.length);
  };
  useEffect(() => void load(), []);

  const exportFile = async () => {
    const blob = new Blob([await store.exportJson()], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `nianbao-history-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const { records: read, rejected } = parseExport(await file.text());
    await store.importRecords(read);
    setStatus(s.historyImported(read.length, rejected.length));
    await load();
  };

  const clear = async () => {
    await store.clear();
    setConfirming(false);
    await load();
  };

  if (!records) return null;
  return (
    <fieldset data-history="">
      <legend>{s.history}</legend>
      <div class="muted" data-history-count={records.length}>
        {records.length ? s.historyCount(records.length) : s.historyEmpty}
        {damaged > 0 && ` · ${s.historyDamaged(damaged)}`}
      </div>
      {records.length > 0 && (
        <ul class="history">
          {records.slice(0, SHOWN).map((r) => (
            <li data-record={r.id}>
              <b data-quote="">{r.agency?.name ?? r.title}</b> {r.year ?? '?'}
              <div class="muted">
                {s.historyFigures(fig(r.figures.t3.b?.total), fig(r.figures.t3.w?.total))}
                {r.figures.t2.normative?.['in-force'] && ` · ${s.historyNormative} ${fig(r.figures.t2.normative['in-force'])}`}
              </div>
              {/* The address or file name the report was read from, as it is. */}
              <div class="muted src" data-quote="">
                {r.source.kind === 'url' ? (
                  <a href={r.source.ref} target="_blank" rel="noopener noreferrer" title={r.title ?? r.source.ref} data-quote="">
                    {r.source.ref}
                  </a>
                ) : (
                  r.source.ref
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {status && <div class="muted">{status}</div>}
      <p class="actions">
        <button data-action="history-export" disabled={!records.length} onClick={() => void exportFile()}>
          {s.historyExport}
        </button>
        <label class="file">
          <input type="file" accept=".json,application/json" hidden onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
          <span role="button">{s.historyImport}</span>
        </label>
        {!confirming ? (
          <button data-action="history-clear" disabled={!records.length && !damaged} onClick={() => setConfirming(true)}>
            {s.historyClear}
          </button>
        ) : (
          <span class="confirm">
            {s.historyClearConfirm(records.length + damaged)}
            <button data-action="history-clear-confirm" onClick={() => void clear()}>
              {s.historyClear}
            </button>
            <button onClick={() => setConfirming(false)}>{s.cancel}</button>
          </span>
        )}
      </p>
    </fieldset>
  );
}
