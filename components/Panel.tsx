// The findings panel: title, year, format, counts; findings grouped by section and table; filters;
// next/previous; the findings that could not be placed; our own failures as notices.
import { useRef } from 'preact/hooks';
import type { Finding, Severity } from '../lib/findings';
import { strings, type Lang } from '../lib/i18n';
import type { ShownReview } from '../lib/audit/review-types';
import type { ReviewChange } from '../lib/review/merge';
import type { ReviewSummary } from '../lib/review/stale';
import { REVIEW_MARK } from './Marks';
import { Quoted } from './Quoted';
import { Review } from './Review';
import { EXCLUDED_COLOR, SEVERITY_COLOR } from './styles';
import type { View } from './types';

interface Props {
  view: View;
  lang: Lang;
  filter: Record<Severity, boolean>;
  placed: Set<number>;
  active: number | null;
  collapsed: boolean;
  pos: { x: number; y: number } | null;
  onFilter: (s: Severity) => void;
  onSelect: (index: number) => void;
  onStep: (delta: 1 | -1) => void;
  onCollapse: () => void;
  onMove: (x: number, y: number) => void;
  onLang: () => void;
  onCancel: () => void;
  onCheckPrevious?: () => void;
  /** 「批量核查」: open the audit page (many reports at once). */
  onAudit?: () => void;
  /** The inspector's reviews (absent: the report has no review key). */
  reviewOf?: (index: number) => ShownReview | undefined;
  reviewSummary?: ReviewSummary | null;
  /** Reviews a finding from the panel: those that could not be placed have no card. */
  onReview?: (index: number, change: ReviewChange) => Promise<void>;
  hideExcluded?: boolean;
  onHideExcluded?: () => void;
}

const TABLE_SECTION: Record<string, number> = { t2: 2, t3: 3, t4: 4 };
const groupOf = (f: Finding) => f.section ?? (f.cells[0] ? TABLE_SECTION[f.cells[0].table] : 0);

export function Panel(p: Props) {
  const s = strings[p.lang];
  const colon = p.lang === 'zh' ? '：' : ': ';
  const v = p.view;
  const drag = useRef<{ dx: number; dy: number } | null>(null);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of v.findings) counts[f.severity]++;

  const onDown = (e: PointerEvent) => {
    const panel = (e.currentTarget as HTMLElement).parentElement!;
    const r = panel.getBoundingClientRect();
    drag.current = { dx: e.clientX - r.left, dy: e.clientY - r.top };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onMoveDrag = (e: PointerEvent) => {
    if (drag.current) p.onMove(Math.max(0, e.clientX - drag.current.dx), Math.max(0, e.clientY - drag.current.dy));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'j' || e.key === 'ArrowDown' || e.key === 'n') {
      p.onStep(1);
      e.preventDefault();
    } else if (e.key === 'k' || e.key === 'ArrowUp' || e.key === 'p') {
      p.onStep(-1);
      e.preventDefault();
    }
  };

  const visible = v.findings.map((f, i) => ({ f, i })).filter(({ f, i }) => p.filter[f.severity] && !(p.hideExcluded && p.reviewOf?.(i)?.verdict === 'excluded'));
  const placedItems = visible.filter(({ i }) => p.placed.has(i));
  const unplaced = visible.filter(({ i }) => !p.placed.has(i));
  const style = p.pos ? { left: `${p.pos.x}px`, top: `${p.pos.y}px` } : { right: '16px', bottom: '16px' };
  const label = (g: number) => (g === 0 ? s.whole : `${s.section(g)}${g >= 2 && g <= 4 ? ` / ${s.table(`t${g}`)}` : ''}`);

  const list = (items: typeof visible, inline: boolean) => {
    let group = -1;
    return items.map(({ f, i }) => {
      const g = groupOf(f);
      const head = g !== group ? <div class="group">{label((group = g))}</div> : null;
      const review = p.reviewOf?.(i);
      return (
        <>
          {head}
          <div
            class={`item${p.active === i ? ' active' : ''}${review ? ` rv-${review.verdict}` : ''}`}
            style={{ '--c': review?.verdict === 'excluded' ? EXCLUDED_COLOR : SEVERITY_COLOR[f.severity] }}
            data-item={i}
            data-review={review?.verdict}
            role="button"
            tabIndex={0}
            onClick={() => p.onSelect(i)}
            onKeyDown={(e) => e.key === 'Enter' && p.onSelect(i)}
          >
            <span class="num">{i + 1}</span>
            <span class="text">
              <Quoted text={f.message[p.lang]} />
            </span>
            {review && (
              <span class="rv-tag" title={review.note || undefined}>
                {REVIEW_MARK[review.verdict]} {review.verdict === 'confirmed' ? s.reviewConfirmed : s.reviewExcluded}
              </span>
            )}
          </div>
          {/* A finding without a place on the page has no card: its review is made here. */}
          {inline && p.active === i && p.onReview && (
            <div class="item-review">
              <Review key={i} review={review} lang={p.lang} onChange={(c) => p.onReview!(i, c)} />
            </div>
          )}
        </>
      );
    });
  };
  const rs = p.reviewSummary;

  return (
    <div class="panel" style={style} onKeyDown={onKey} data-panel="">
      <header onPointerDown={onDown} onPointerMove={onMoveDrag} onPointerUp={() => (drag.current = null)}>
        <span class="name">{s.appName}</span>
        {p.onAudit && (
          <button onPointerDown={(e) => e.stopPropagation()} onClick={p.onAudit} data-action="audit" title={s.auditTitle}>
            {s.audit}
          </button>
        )}
        <button onPointerDown={(e) => e.stopPropagation()} onClick={p.onLang}>
          {/* A language is offered in its own script. */}
          {p.lang === 'zh' ? <span lang="en">EN</span> : <span lang="zh-CN">中文</span>}
        </button>
        <button onPointerDown={(e) => e.stopPropagation()} onClick={p.onCollapse} aria-expanded={!p.collapsed}>
          {p.collapsed ? s.expand : s.collapse}
        </button>
      </header>
      {!p.collapsed && (
        <>
          <div class="meta">
            {v.state === 'checking' && !v.progress && <div>{s.checking}</div>}
            {v.state === 'checking' && v.progress && (
              <div class="progress" role="status" data-progress="">
                <span>{v.progress.label?.[p.lang] ?? s.readingPictures(v.progress.done + 1, v.progress.total)}</span>
                <progress max={v.progress.total} value={v.progress.done} />
                <button class="btn" data-cancel="" onClick={p.onCancel}>
                  {s.cancel}
                </button>
              </div>
            )}
            {v.state === 'not-report' && <div>{s.notReport}</div>}
            {v.state === 'failed' && <div>{s.failed}</div>}
            {v.state === 'done' && (
              <>
                <div class="title">{v.title ? <span data-quote="">{v.title}</span> : s.noTitle}</div>
                <div>
                  {s.year}
                  {colon}
                  {v.year ?? s.unknown} · {s.format}
                  {colon}
                  {v.format ? s.formatName(v.format) : s.unknown}
                </div>
                <div class="counts">
                  {(['error', 'warning', 'info'] as const).map((sev) => (
                    <button
                      class={`chip${p.filter[sev] ? '' : ' off'}`}
                      style={{ '--c': SEVERITY_COLOR[sev] }}
                      aria-pressed={p.filter[sev]}
                      data-filter={sev}
                      onClick={() => p.onFilter(sev)}
                    >
                      {s.count(counts[sev], sev)}
                    </button>
                  ))}
                </div>
                {rs && rs.confirmed + rs.excluded + rs.gone > 0 && (
                  <div class="reviews" data-reviews={rs.confirmed + rs.excluded}>
                    <div>
                      {s.reviewSummary(rs.confirmed + rs.excluded, v.findings.length, rs.confirmed, rs.excluded)}
                      {rs.excluded > 0 && p.onHideExcluded && (
                        <>
                          {' '}
                          <button class={`chip rv-hide${p.hideExcluded ? '' : ' off'}`} style={{ '--c': EXCLUDED_COLOR }} aria-pressed={!!p.hideExcluded} data-hide-excluded="" onClick={p.onHideExcluded}>
                            {s.reviewHideExcluded}
                          </button>
                        </>
                      )}
                    </div>
                    {rs.changed && (
                      <div class="review-stale" data-review-stale-notice="">
                        {s.reviewStale}
                        {rs.stale > 0 && <>{p.lang === 'zh' ? `（${s.reviewStaleCount(rs.stale)}）` : ` (${s.reviewStaleCount(rs.stale)})`}</>}
                      </div>
                    )}
                    {rs.gone > 0 && (
                      <div class="muted" data-reviews-gone={rs.gone}>
                        {s.reviewGone(rs.gone)}
                      </div>
                    )}
                  </div>
                )}
                {v.history && (
                  <div class="history" data-history={v.history.previous ? 'compared' : 'none'}>
                    {v.history.previous ? (
                      <>
                        {s.historyCompared}
                        {/^https?:\/\//i.test(v.history.previous.ref) ? (
                          <a href={v.history.previous.ref} target="_blank" rel="noopener noreferrer" title={v.history.previous.ref}>
                            <span data-quote="">《{v.history.previous.title ?? v.history.previous.ref}》</span>
                          </a>
                        ) : (
                          <span title={v.history.previous.ref} data-quote="">
                            《{v.history.previous.title ?? v.history.previous.ref}》({v.history.previous.ref})
                          </span>
                        )}
                      </>
                    ) : (
                      v.history.year != null && s.historyNone(v.history.year - 1)
                    )}
                    {!v.history.previous && v.history.offer && p.onCheckPrevious && (
                      <div>
                        <button class="btn" data-action="check-previous" title={v.history.offer.href} disabled={!!v.history.pending} onClick={p.onCheckPrevious}>
                          {v.history.pending ? s.checkingPrevious : s.checkPrevious}
                        </button>{' '}
                        <span class="muted" data-quote="">
                          {v.history.offer.label}
                        </span>
                      </div>
                    )}
                  </div>
                )}
              </>
            )}
          </div>
          {v.notices.map((n) => (
            <div class="notice" role="alert">
              {s.ourFailure}
              <Quoted text={n[p.lang]} />
            </div>
          ))}
          {v.state === 'done' && (
            <div class="list">
              {v.findings.length === 0 && <div class="group">{s.nothingFound}</div>}
              {list(placedItems, false)}
              {unplaced.length > 0 && <div class="group">{s.unplaced}</div>}
              {list(unplaced, true)}
            </div>
          )}
          {v.state === 'done' && v.findings.length > 0 && (
            <div class="nav">
              <button class="btn" onClick={() => p.onStep(-1)}>
                ↑ {s.prev}
              </button>
              <button class="btn" onClick={() => p.onStep(1)}>
                ↓ {s.next}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
