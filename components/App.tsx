// Our whole UI inside the shadow root: marks over the page, the card, the panel.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding, Severity } from '../lib/findings';
import { anchorsOf, domLocator, type Locator } from '../lib/ext/anchors';
import { clearRanges, paintRanges } from '../lib/ext/editor-highlights';
import { noteOf } from '../lib/ext/note';
import type { PictureRef } from '../lib/ext/pictures';
import type { Settings } from '../lib/ext/settings';
import { strings, type Lang } from '../lib/i18n';
import { reviewStore } from '../lib/ext/review-store';
import { reviewKeyOf } from '../lib/review/keys';
import type { ReviewChange } from '../lib/review/merge';
import type { ReportReviews } from '../lib/review/record';
import { shownReviews, summarize } from '../lib/review/stale';
import { reviewLine } from '../lib/review/text';
import type { ReviewStore } from '../lib/review/store';
import { Card } from './Card';
import { Marks, type Mark } from './Marks';
import { Panel } from './Panel';
import type { View } from './types';

interface Props {
  view: View;
  settings: Settings;
  onSettings: (patch: Partial<Settings>) => void;
  /** Stop reading table pictures. */
  onCancel: () => void;
  /** 「核对上一年度报告」: check last year's report the page links (the history's offer). */
  onCheckPrevious?: () => void;
  /** 「批量核查」 in the panel: open the audit page. */
  onAudit?: () => void;
  /** Where anchors are on screen: the page's DOM (default), or the viewer's rendered PDF pages. */
  locate?: Locator;
  /** Where reviews are kept: storage.local (default). */
  reviews?: ReviewStore;
}

/**
 * The inspector's reviews of the report shown: read when its key is known, followed as other tabs
 * change them, and one finding's change saved (merged into what is kept by the store).
 */
function useReviews(view: View, store: () => ReviewStore) {
  const key = view.review ?? null;
  const [stored, setStored] = useState<ReportReviews | null>(null);
  useEffect(() => {
    setStored(null);
    if (!key) return;
    let live = true;
    let stop: (() => void) | undefined;
    try {
      const s = store();
      s.get(key.url).then((r) => live && setStored(r), () => {});
      stop = s.watch?.(key.url, (r) => live && setStored(r));
    } catch {
      // No extension storage here: nothing is shown as reviewed, and saving says it failed.
    }
    return () => {
      live = false;
      stop?.();
    };
  }, [key?.url]);
  const keys = useMemo(() => view.findings.map(reviewKeyOf), [view.findings]);
  const reviews = useMemo(() => shownReviews(stored, key?.hash ?? null), [stored, key?.hash]);
  const summary = useMemo(() => (key ? summarize(reviews, keys) : null), [reviews, keys, key]);
  const save = key
    ? async (index: number, change: ReviewChange) => {
        // Rejects when storage fails: the controls say 「保存失败」.
        setStored(await store().set(key.url, keys[index], change, key.hash));
      }
    : undefined;
  return { reviewOf: (index: number) => reviews[keys[index]], summary, save };
}

/** Registers text ranges with the CSS Custom Highlight API (no node is added to the page), each in its own document's registry (a draft in an editor frame). */
function paintHighlights(marks: Mark[], ranges: Map<number, Range[]>, active: number | null, excluded: (index: number) => boolean) {
  const by: Record<Severity | 'excluded', Range[]> = { error: [], warning: [], info: [], excluded: [] };
  // A finding the inspector excluded is greyed on the text too.
  for (const m of marks) by[excluded(m.index) ? 'excluded' : m.finding.severity].push(...(ranges.get(m.index) ?? []));
  const named: Record<string, Range[]> = {};
  for (const sev of ['error', 'warning', 'info', 'excluded'] as const) named[`nianbao-${sev}`] = by[sev];
  named['nianbao-active'] = active != null ? ranges.get(active) ?? [] : [];
  paintRanges(named);
}

export function App({ view, settings, onSettings, onCancel, onCheckPrevious, onAudit, locate = domLocator, reviews: reviewsIn }: Props) {
  const doc = document;
  const review = useReviews(view, () => reviewsIn ?? reviewStore());
  const [lang, setLang] = useState<Lang>(settings.lang);
  const [filter, setFilter] = useState(settings.severities);
  const [active, setActive] = useState<number | null>(null);
  const [pinned, setPinned] = useState(false);
  const [flash, setFlash] = useState<number | null>(null);
  const [collapsed, setCollapsed] = useState(settings.panel?.collapsed ?? false);
  const [pos, setPos] = useState(settings.panel && settings.panel.x >= 0 ? { x: settings.panel.x, y: settings.panel.y } : null);
  // -1: not measured yet. The first measure (which makes the page lay out) runs in a later frame, so
  // that showing the panel and measuring the page are two tasks, not one long one.
  const [version, setVersion] = useState(-1);
  const hoverCard = useRef(false);

  // Re-measure on resize and reflow; scrolling needs nothing (marks are in document coordinates).
  // Pictures are watched too: they load late and resize without the body changing size.
  useEffect(() => {
    let frame = 0;
    const bump = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((v) => v + 1));
    };
    const ro = new ResizeObserver(bump);
    ro.observe(doc.documentElement);
    if (doc.body) ro.observe(doc.body);
    // A picture can move without anything changing size (a margin, a class): watch the page's own
    // style changes too, settled first, so an animated page does not make us measure every frame.
    let settle = 0;
    const mo = new MutationObserver(() => {
      clearTimeout(settle);
      settle = window.setTimeout(bump, 120);
    });
    mo.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class', 'width', 'height', 'hidden', 'align'] });
    window.addEventListener('resize', bump);
    // The viewer's pages move on their own (zoom, pages laid out late).
    const unwatch = locate.watch?.(bump);
    return () => {
      unwatch?.();
      ro.disconnect();
      mo.disconnect();
      clearTimeout(settle);
      window.removeEventListener('resize', bump);
      cancelAnimationFrame(frame);
    };
  }, []);

  useEffect(() => {
    const pictures = new Set<Element>();
    for (const f of view.findings) for (const a of anchorsOf(f)) if (a?.kind === 'image') pictures.add((a.image as PictureRef).element);
    if (!pictures.size) return;
    const ro = new ResizeObserver(() => requestAnimationFrame(() => setVersion((v) => v + 1)));
    for (const p of pictures) ro.observe(p);
    return () => ro.disconnect();
  }, [view]);

  const layout = useMemo(() => {
    const marks: Mark[] = [];
    const ranges = new Map<number, Range[]>();
    if (version < 0) return { marks, ranges };
    view.findings.forEach((f, index) => {
      const place = locate.place(anchorsOf(f), doc);
      const badge = locate.badge(f, doc);
      if (!badge && place.boxes.length === 0) return;
      // A missing section is marked beside its neighbour's heading, which itself is not at fault.
      ranges.set(index, f.where ? [] : place.ranges);
      marks.push({ index, finding: f, boxes: place.boxes, badge });
    });
    return { marks, ranges };
  }, [view, version]);

  // 「隐藏已排除」: what the inspector excluded out of the way (this page only, not a setting).
  const [hideExcluded, setHideExcluded] = useState(false);
  const isExcluded = (i: number) => review.reviewOf(i)?.verdict === 'excluded';
  const visibleAt = (i: number) => filter[view.findings[i].severity] && !(hideExcluded && isExcluded(i));
  const shown = layout.marks.filter((m) => visibleAt(m.index));
  useEffect(() => paintHighlights(shown, layout.ranges, active, isExcluded), [layout, filter, active, review.summary, hideExcluded]);
  useEffect(
    () => () => clearRanges(['error', 'warning', 'info', 'excluded', 'active'].map((k) => `nianbao-${k}`)),
    [],
  );

  // Remember where the panel was put, once the drag settles.
  useEffect(() => {
    if (!pos) return;
    const t = setTimeout(() => onSettings({ panel: { x: pos.x, y: pos.y, collapsed } }), 400);
    return () => clearTimeout(t);
  }, [pos]);

  const placed = useMemo(() => new Set(layout.marks.map((m) => m.index)), [layout]);
  const visibleOrder = view.findings.map((_, i) => i).filter(visibleAt);

  const select = useCallback(
    (i: number) => {
      setActive(i);
      setPinned(true);
      const m = layout.marks.find((x) => x.index === i);
      if (m?.badge) {
        locate.scrollTo(m.badge);
        setFlash(i);
        setTimeout(() => setFlash((f) => (f === i ? null : f)), 1300);
      }
    },
    [layout],
  );
  const step = (delta: 1 | -1) => {
    if (visibleOrder.length === 0) return;
    const at = active == null ? -1 : visibleOrder.indexOf(active);
    const next = visibleOrder[(at + delta + visibleOrder.length) % visibleOrder.length];
    select(next);
  };

  const activeMark = active != null ? layout.marks.find((m) => m.index === active) : undefined;
  const s = strings[lang];
  // The missing heading as the message quotes it (「…」 in Chinese, "…" in English).
  const gapLabel = (f: Finding) => {
    const m = f.message[lang].match(/「([^」]+)」|"([^"]+)"/);
    return s.missingHere(m?.[1] ?? m?.[2] ?? '');
  };

  return (
    <>
      <div class="layer" data-layer="">
        <Marks
          marks={shown}
          active={active}
          flash={flash}
          gapLabel={gapLabel}
          lang={lang}
          reviewOf={review.save && review.reviewOf}
          onOpen={(i, pin) => {
            setActive(i);
            if (pin) setPinned(true);
          }}
          onLeave={() =>
            setTimeout(() => {
              if (!pinned && !hoverCard.current) setActive(null);
            }, 250)
          }
        />
      </div>
      {/* The card stands above the panel; the marks stay below it. */}
      <div class="cardlayer">
        {activeMark?.badge && (
          <Card
            key={activeMark.index}
            index={activeMark.index}
            review={review.reviewOf(activeMark.index)}
            onReview={review.save && ((c) => review.save!(activeMark.index, c))}
            finding={activeMark.finding}
            at={activeMark.badge}
            lang={lang}
            note={[noteOf(activeMark.finding, { title: view.title, year: view.year, url: view.url }, lang), reviewLine(review.reviewOf(activeMark.index), lang)].filter(Boolean).join('\n')}
            onClose={() => {
              setActive(null);
              setPinned(false);
            }}
            onHover={(inside) => (hoverCard.current = inside)}
          />
        )}
      </div>
      <Panel
        view={view}
        lang={lang}
        filter={filter}
        placed={placed}
        active={active}
        collapsed={collapsed}
        pos={pos}
        onFilter={(sev) => {
          const next = { ...filter, [sev]: !filter[sev] };
          setFilter(next);
          onSettings({ severities: next });
        }}
        onSelect={select}
        onStep={step}
        onCollapse={() => {
          setCollapsed(!collapsed);
          onSettings({ panel: { x: pos?.x ?? -1, y: pos?.y ?? -1, collapsed: !collapsed } });
        }}
        onMove={(x, y) => setPos({ x, y })}
        onCancel={onCancel}
        onCheckPrevious={onCheckPrevious}
        onAudit={onAudit}
        reviewOf={review.save && review.reviewOf}
        reviewSummary={review.summary}
        onReview={review.save}
        hideExcluded={hideExcluded}
        onHideExcluded={() => setHideExcluded(!hideExcluded)}
        onLang={() => {
          const next = lang === 'zh' ? 'en' : 'zh';
          setLang(next);
          onSettings({ lang: next });
        }}
      />
    </>
  );
}
