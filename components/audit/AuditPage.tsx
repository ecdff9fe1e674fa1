// The inspector's desk: the list of inputs, the progress, the table of reports (sortable, filterable,
// each row opening its findings and the report itself) and the exports. State lives in the audit
// run (lib/audit/run.ts); this only shows it and says what the user asked for.
import { useMemo, useState } from 'preact/hooks';
import type { AuditRow } from '../../lib/audit/model';
import type { AuditStatus } from '../../lib/audit/run';
import type { Text } from '../../lib/findings';
import type { Lang } from '../../lib/i18n';
import { Quoted } from '../Quoted';
import { auditStrings } from './strings';

export interface AuditPageProps {
  lang: Lang;
  text: string;
  files: File[];
  rows: readonly AuditRow[];
  status: AuditStatus;
  timeLeft: number | null;
  notices: Text[];
  concurrency: number;
  timeoutS: number;
  onText(text: string): void;
  onFiles(files: File[]): void;
  onOptions(o: { concurrency?: number; timeoutS?: number }): void;
  onStart(): void;
  onCancel(): void;
  onResume(): void;
  onClear(): void;
  onGrant(origins: string[]): void;
  onOpen(row: AuditRow): void;
  onAddLinks(urls: string[]): void;
  onExport(kind: 'csv' | 'xlsx' | 'memo'): void;
  onLang(): void;
  /** The review controls of one finding (components/Review.tsx), when reviews are available. */
  review?: (row: AuditRow, key: string) => preact.ComponentChild;
  /** A row's findings were opened: its reviews are wanted. */
  onExpand?: (row: AuditRow) => void;
}

type SortKey = 'order' | 'agency' | 'year' | 'errors' | 'warnings' | 'state';
type Filter = 'all' | 'errors' | 'warnings' | 'failed';

const STATE_ORDER: Record<string, number> = { failed: 0, 'not-report': 1, cancelled: 2, running: 3, queued: 4, done: 5 };

function minutes(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function compare(a: AuditRow, b: AuditRow, key: SortKey): number {
  if (key === 'agency') return (a.agency ?? a.title ?? a.input).localeCompare(b.agency ?? b.title ?? b.input, 'zh-CN');
  if (key === 'year') return (a.year ?? 0) - (b.year ?? 0);
  if (key === 'errors') return a.errors - b.errors;
  if (key === 'warnings') return a.warnings - b.warnings;
  if (key === 'state') return STATE_ORDER[a.state] - STATE_ORDER[b.state];
  return 0;
}

export function AuditPage(p: AuditPageProps) {
  const s = auditStrings[p.lang];
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'order', desc: false });
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [picking, setPicking] = useState<number | null>(null);
  const running = p.status === 'running';
  const settled = p.rows.filter((r) => r.state !== 'queued' && r.state !== 'running' && r.state !== 'cancelled').length;
  const totals = p.rows.reduce((t, r) => ({ errors: t.errors + r.errors, warnings: t.warnings + r.warnings }), { errors: 0, warnings: 0 });
  const access = [...new Set(p.rows.flatMap((r) => (r.state === 'failed' && r.needsAccess ? [r.needsAccess] : [])))];

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const keep = (r: AuditRow) =>
      (filter === 'all' || (filter === 'errors' && r.errors > 0) || (filter === 'warnings' && r.warnings > 0) || (filter === 'failed' && (r.state === 'failed' || r.state === 'not-report'))) &&
      (!q || [r.agency, r.title, r.input, r.url].some((v) => v?.toLowerCase().includes(q)));
    const list = p.rows.map((row, i) => ({ row, i })).filter(({ row }) => keep(row));
    if (sort.key !== 'order') list.sort((a, b) => compare(a.row, b.row, sort.key) * (sort.desc ? -1 : 1) || a.i - b.i);
    else if (sort.desc) list.reverse();
    return list;
  }, [p.rows, filter, query, sort]);

  const head = (key: SortKey, label: string) => (
    <div role="columnheader" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button class="sort" onClick={() => setSort((o) => ({ key, desc: o.key === key ? !o.desc : key === 'errors' || key === 'warnings' }))}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </div>
  );

  const stateText = (r: AuditRow) => {
    const colon = p.lang === 'zh' ? '：' : ': ';
    const why = r.why ? `${colon}${r.why[p.lang]}` : '';
    if (r.state === 'not-report' && r.links?.length) return `${s.state['not-report']}${colon}${s.listFound(r.links.length)}`;
    return `${s.state[r.state]}${why}`;
  };

  return (
    <div
      id="audit"
      data-nianbao-audit-state={p.status === 'idle' ? 'idle' : p.status}
      data-reports={String(p.rows.length)}
      data-errors={String(totals.errors)}
      data-warnings={String(totals.warnings)}
    >
      <header>
        <h1>{s.title}</h1>
        {/* The switch to the other language names it in its own script. */}
        <button class="lang" onClick={p.onLang} lang={p.lang === 'zh' ? 'en' : 'zh-CN'}>
          {s.language}
        </button>
      </header>
      <section class="inputs">
        <p class="intro">{s.intro}</p>
        <textarea rows={6} placeholder={s.urlsPlaceholder} value={p.text} disabled={running} onInput={(e) => p.onText((e.target as HTMLTextAreaElement).value)} aria-label={s.col.input} />
        <div class="controls">
          <label class="file">
            {s.addFiles}
            <input type="file" multiple accept=".pdf,.doc,.docx,.wps,.rtf,.html,.htm,.mht,.txt,.png,.jpg,.jpeg" disabled={running} onChange={(e) => p.onFiles([...((e.target as HTMLInputElement).files ?? [])])} />
          </label>
          {p.files.length > 0 && <span>{s.files(p.files.length)}</span>}
          <label>
            {s.concurrency}{' '}
            <input type="number" min={1} max={8} value={p.concurrency} disabled={running} onChange={(e) => p.onOptions({ concurrency: Number((e.target as HTMLInputElement).value) })} />
          </label>
          <label>
            {s.timeout}{' '}
            <input type="number" min={5} max={600} value={p.timeoutS} disabled={running} onChange={(e) => p.onOptions({ timeoutS: Number((e.target as HTMLInputElement).value) })} />
          </label>
          {running ? (
            <button class="primary" onClick={p.onCancel}>
              {s.cancel}
            </button>
          ) : (
            <>
              <button class="primary" onClick={p.onStart}>
                {p.rows.length ? s.again : s.start}
              </button>
              {p.status === 'cancelled' && <button onClick={p.onResume}>{s.resume}</button>}
              {p.rows.length > 0 && <button onClick={p.onClear}>{s.clear}</button>}
            </>
          )}
        </div>
      </section>
      {p.notices.map((n) => (
        <p class="notice">{n[p.lang]}</p>
      ))}
      {p.rows.length > 0 && (
        <section class="progress" aria-live="polite">
          <progress max={p.rows.length} value={settled} />
          <span>{s.progress(settled, p.rows.length)}</span>
          {running && p.timeLeft != null && <span>{s.left(minutes(p.timeLeft))}</span>}
          {p.status === 'cancelled' && <span>{s.cancelled}</span>}
          {p.status === 'done' && <span>{s.finished}</span>}
          <span class="totals">
            <b class="e">{totals.errors}</b> {auditStrings[p.lang].col.errors} · <b class="w">{totals.warnings}</b> {auditStrings[p.lang].col.warnings}
          </span>
          <span class="exports">
            <button disabled={running || settled === 0} onClick={() => p.onExport('csv')}>
              {s.exportCsv}
            </button>
            <button disabled={running || settled === 0} onClick={() => p.onExport('xlsx')}>
              {s.exportXlsx}
            </button>
            <button disabled={running || settled === 0} onClick={() => p.onExport('memo')}>
              {s.memo}
            </button>
          </span>
        </section>
      )}
      {access.length > 0 && !running && (
        <p class="access">
          {s.needAccess(access.map((o) => o.replace(/\/\*$/, '')).join('、'))} <button onClick={() => p.onGrant(access)}>{s.grant}</button>
        </p>
      )}
      {p.rows.length > 0 && (
        <>
          <div class="filters" role="toolbar">
            {(['all', 'errors', 'warnings', 'failed'] as Filter[]).map((f) => (
              <button aria-pressed={filter === f} onClick={() => setFilter(f)}>
                {{ all: s.filterAll, errors: s.filterErrors, warnings: s.filterWarnings, failed: s.filterFailed }[f]}
              </button>
            ))}
            <input type="search" placeholder={s.search} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
          </div>
          {/* Rows are boxes of a grid, not table rows: a row off screen is neither laid out nor
              painted (content-visibility), so 200 rows cost what the visible ones cost. */}
          <div class="rows" role="table" aria-rowcount={shown.length}>
            <div class="head" role="row">
              {head('order', '#')}
              {head('agency', `${s.col.agency} / ${s.col.title}`)}
              {head('year', s.col.year)}
              <div role="columnheader">{s.col.format}</div>
              {head('errors', s.col.errors)}
              {head('warnings', s.col.warnings)}
              {head('state', s.col.state)}
              <div role="columnheader" />
            </div>
            {shown.map(({ row, i }) => (
              <div class="entry" key={i}>
                <div
                  role="row"
                  class={`row ${row.state}${row.errors ? ' has-errors' : ''}`}
                  data-nianbao-row=""
                  data-url={row.input}
                  data-state={row.state}
                  data-errors={String(row.errors)}
                  data-warnings={String(row.warnings)}
                >
                  <div role="cell" class="n">
                    {i + 1}
                  </div>
                  <div role="cell" class="who">
                    <button
                      class="expand"
                      aria-expanded={open === i}
                      onClick={() => {
                        if (open !== i) p.onExpand?.(row);
                        setOpen(open === i ? null : i);
                      }}
                      disabled={row.state !== 'done'}
                    >
                      {row.state === 'done' ? (open === i ? '▾ ' : '▸ ') : ''}
                      <span class="agency" data-quote="">
                        {row.agency ?? row.title ?? ''}
                      </span>
                    </button>
                    <div class="input" title={row.url ?? row.input} data-quote="">
                      {row.title && row.agency ? `${row.title} · ` : ''}
                      {row.input}
                    </div>
                  </div>
                  <div role="cell">{row.year ?? ''}</div>
                  <div role="cell">{row.format ?? ''}</div>
                  <div role="cell" class={row.errors ? 'e' : ''}>
                    {row.state === 'done' ? row.errors : ''}
                  </div>
                  <div role="cell" class={row.warnings ? 'w' : ''}>
                    {row.state === 'done' ? row.warnings : ''}
                  </div>
                  <div role="cell" class="state">
                    <Quoted text={stateText(row)} />
                    {row.links?.length ? (
                      <button class="pick" onClick={() => setPicking(picking === i ? null : i)}>
                        {s.pick}
                      </button>
                    ) : null}
                  </div>
                  <div role="cell">
                    {(row.url || /^https?:/i.test(row.input)) && row.state !== 'failed' && (
                      <button class="open" title={s.openTitle} onClick={() => p.onOpen(row)}>
                        {s.open}
                      </button>
                    )}
                  </div>
                </div>
                {open === i && row.state === 'done' && (
                  <div class="details">
                    {row.findings.length === 0 ? (
                      <p>{s.noFindings}</p>
                    ) : (
                      <ol>
                        {row.findings.map((f) => (
                          <li class={f.severity} data-rule={f.rule}>
                            <span class="msg">
                              <Quoted text={f.message[p.lang]} />
                            </span>
                            {p.review?.(row, f.key)}
                          </li>
                        ))}
                      </ol>
                    )}
                    {row.notices.map((n) => (
                      <p class="notice">
                        <Quoted text={n[p.lang]} />
                      </p>
                    ))}
                  </div>
                )}
                {picking === i && row.links?.length ? <LinkPicker lang={p.lang} links={row.links} onAdd={(urls) => (setPicking(null), p.onAddLinks(urls))} /> : null}
              </div>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function LinkPicker({ lang, links, onAdd }: { lang: Lang; links: NonNullable<AuditRow['links']>; onAdd(urls: string[]): void }) {
  const s = auditStrings[lang];
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(links.map((l) => l.url)));
  const toggle = (url: string) =>
    setChosen((c) => {
      const n = new Set(c);
      if (n.has(url)) n.delete(url);
      else n.add(url);
      return n;
    });
  return (
    <div class="picker">
        <p>
          {s.pick} <button onClick={() => setChosen(new Set(links.map((l) => l.url)))}>{s.selectAll}</button>{' '}
          <button onClick={() => setChosen(new Set())}>{s.selectNone}</button>
        </p>
        <ul>
          {links.map((l) => (
            <li>
              <label>
                <input type="checkbox" checked={chosen.has(l.url)} onChange={() => toggle(l.url)} data-link={l.url} /> {l.year ? `${l.year} · ` : ''}
                <span data-quote="">{l.text || l.url}</span> <span class="kind">{s.kind[l.kind]}</span>
              </label>
            </li>
          ))}
        </ul>
        <button class="primary add-links" disabled={chosen.size === 0} onClick={() => onAdd(links.filter((l) => chosen.has(l.url)).map((l) => l.url))}>
          {s.addPicked(chosen.size)}
        </button>
    </div>
  );
}
