// The viewer's bar: the file, its pages, zoom, 「用浏览器打开」 and 「打开本地文件…」.
import type { Lang } from '../../lib/i18n';
import { Quoted } from '../Quoted';
import { viewerStrings } from './strings';

export interface BarProps {
  lang: Lang;
  name: string | null;
  status: string | null;
  page: { n: number; total: number } | null;
  /** The file's address, when it came from the web: 「用浏览器打开」. */
  src: string | null;
  onFile: (file: File) => void;
  onZoom?: (how: 'in' | 'out' | 'width') => void;
  onBrowser?: () => void;
}

export function Bar(p: BarProps) {
  const s = viewerStrings[p.lang];
  return (
    <>
      <span class="name" title={p.name ?? ''} data-quote={p.name ? '' : undefined}>
        {p.name ?? s.title}
      </span>
      {p.page && <span data-page="">{s.page(p.page.n, p.page.total)}</span>}
      {p.status && (
        <span data-status="">
          <Quoted text={p.status} />
        </span>
      )}
      <span class="spacer" />
      {p.onZoom && (
        <>
          <button onClick={() => p.onZoom!('out')} title={s.zoomOut} aria-label={s.zoomOut}>
            −
          </button>
          <button onClick={() => p.onZoom!('in')} title={s.zoomIn} aria-label={s.zoomIn}>
            +
          </button>
          <button onClick={() => p.onZoom!('width')}>{s.fitWidth}</button>
        </>
      )}
      {p.src && p.onBrowser && (
        <button data-open-browser="" onClick={p.onBrowser}>
          {s.openInBrowser}
        </button>
      )}
      <label class="btn">
        {s.openLocal}
        <input
          type="file"
          accept=".pdf,.doc,.docx,.wps,.rtf,.ofd,application/pdf"
          data-file=""
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (f) p.onFile(f);
          }}
        />
      </label>
    </>
  );
}

export interface MessageProps {
  lang: Lang;
  kind: 'info' | 'error';
  text: string;
  /** A button that may fix it (grant access, try a password). */
  action?: { label: string; run: () => void };
  links?: { label: string; href: string }[];
}

export function Message(p: MessageProps) {
  const s = viewerStrings[p.lang];
  return (
    <div class={`message ${p.kind}`} role={p.kind === 'error' ? 'alert' : 'status'} data-message={p.kind}>
      <div>{p.text}</div>
      {p.action && (
        <p>
          <button onClick={p.action.run}>{p.action.label}</button>
        </p>
      )}
      {p.links?.length ? (
        <>
          <p>{s.alternatives}</p>
          <ul>
            {p.links.map((l) => (
              <li key={l.href}>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="small">{s.dropHere}</p>
      <p class="small">{s.localOnly}</p>
    </div>
  );
}
