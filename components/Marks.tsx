// Boxes over table cells, numbered badges, and the place of missing sections, in document coordinates.
import type { Finding } from '../lib/findings';
import type { Box } from '../lib/ext/anchors';
import type { ShownReview } from '../lib/audit/review-types';
import { strings, type Lang } from '../lib/i18n';
import { Quoted } from './Quoted';
import { EXCLUDED_COLOR, SEVERITY_COLOR } from './styles';

export interface Mark {
  index: number;
  finding: Finding;
  boxes: Box[];
  badge: Box | null;
}

interface Props {
  marks: Mark[];
  active: number | null;
  flash: number | null;
  gapLabel: (f: Finding) => string;
  /** The language of the badges' accessible names (Chinese unless told). */
  lang?: Lang;
  onOpen: (index: number, pin: boolean) => void;
  onLeave: () => void;
  /** The inspector's review of a finding, by its index: excluded ones are greyed, both carry a mark. */
  reviewOf?: (index: number) => ShownReview | undefined;
}

/** The mark a reviewed finding's badge carries after its number. */
export const REVIEW_MARK = { confirmed: '✓', excluded: '✕' } as const;

/**
 * Tab on the badge whose card is open goes into the card (its review controls come first): the card
 * stands after every mark in our root, so the browser's own order would pass it by.
 */
function intoCard(e: KeyboardEvent, index: number, active: number | null) {
  if (e.key !== 'Tab' || e.shiftKey || active !== index) return;
  const root = (e.currentTarget as HTMLElement).getRootNode() as ParentNode;
  const first = root.querySelector<HTMLElement>(`[data-card="${index}"] button, [data-card="${index}"] textarea:not([disabled])`);
  if (!first) return;
  e.preventDefault();
  first.focus();
}

/** A badge's width as drawn (12px bold digits, 5px padding, a 20px minimum), a little generous. */
export const badgeWidth = (label: string) => Math.max(20, 14 + 8 * [...label].length);
const BADGE_H = 20;

/**
 * Where each badge stands: at its cell's top right corner, moved right past any badge already there
 * (two findings on one cell, or a row's badge under its section heading's), so that every finding
 * can be hovered, clicked and seen. Badges are placed in finding order; a moved one keeps its row.
 */
export function badgeSpots(badges: { key: number; x: number; y: number; label: string }[]): Map<number, { x: number; y: number }> {
  const placed: { x: number; y: number; w: number }[] = [];
  const out = new Map<number, { x: number; y: number }>();
  for (const b of badges) {
    const w = badgeWidth(b.label);
    let x = b.x;
    for (let moved = true; moved; ) {
      moved = false;
      for (const p of placed)
        if (x < p.x + p.w + 2 && p.x < x + w + 2 && Math.abs(p.y - b.y) < BADGE_H + 2) {
          x = p.x + p.w + 3;
          moved = true;
        }
    }
    placed.push({ x, y: b.y, w });
    out.set(b.key, { x, y: b.y });
  }
  return out;
}

export function Marks({ marks, active, flash, gapLabel, lang = 'zh', onOpen, onLeave, reviewOf }: Props) {
  const s = strings[lang];
  const spots = badgeSpots(
    marks
      .filter((m) => m.badge && !m.finding.where)
      .map((m) => {
        const review = reviewOf?.(m.index);
        return { key: m.index, x: m.badge!.x + m.badge!.w - 8, y: m.badge!.y - 12, label: `${m.index + 1}${review ? REVIEW_MARK[review.verdict] : ''}` };
      }),
  );
  return (
    <>
      {marks.map((m) => {
        const review = reviewOf?.(m.index);
        const c = { '--c': review?.verdict === 'excluded' ? EXCLUDED_COLOR : SEVERITY_COLOR[m.finding.severity] } as Record<string, string>;
        const isActive = active === m.index;
        const rv = review ? ` rv-${review.verdict}` : '';
        const mark = review ? REVIEW_MARK[review.verdict] : '';
        if (m.finding.where && m.badge) {
          const y = m.finding.where === 'before' ? m.badge.y - 6 : m.badge.y + m.badge.h + 6;
          return (
            <div key={m.index} style={c}>
              <div class="gap" style={{ left: `${m.badge.x}px`, top: `${y}px`, width: `${Math.max(m.badge.w, 200)}px` }} />
              <button
                class={`gap-label${rv}`}
                style={{ left: `${m.badge.x + m.badge.w + 12}px`, top: `${m.finding.where === 'before' ? m.badge.y : y - 10}px` }}
                data-finding={m.index}
                data-review={review?.verdict}
                onKeyDown={(e) => intoCard(e, m.index, active)}
                onMouseEnter={() => onOpen(m.index, false)}
                onMouseLeave={onLeave}
                onFocus={() => onOpen(m.index, false)}
                onClick={() => onOpen(m.index, true)}
              >
                {m.index + 1}. <Quoted text={gapLabel(m.finding)} />
                {mark && ` ${mark}`}
              </button>
            </div>
          );
        }
        return (
          <div key={m.index} style={c}>
            {(isActive ? m.boxes : m.boxes.slice(-1)).map((b, i) => (
              <div
                key={i}
                class={`box${isActive ? ' active' : ''}${flash === m.index ? ' flash' : ''}${rv}`}
                style={{ left: `${b.x - 2}px`, top: `${b.y - 2}px`, width: `${b.w + 4}px`, height: `${b.h + 4}px` }}
              />
            ))}
            {m.badge && (
              <button
                class={`badge${rv}`}
                style={{ left: `${spots.get(m.index)!.x}px`, top: `${spots.get(m.index)!.y}px` }}
                data-finding={m.index}
                data-review={review?.verdict}
                aria-label={review ? `${review.verdict === 'confirmed' ? s.reviewConfirmed : s.reviewExcluded}${lang === 'zh' ? '：' : ': '}${m.finding.message[lang]}` : m.finding.message[lang]}
                onKeyDown={(e) => intoCard(e, m.index, active)}
                onMouseEnter={() => onOpen(m.index, false)}
                onMouseLeave={onLeave}
                onFocus={() => onOpen(m.index, false)}
                onClick={() => onOpen(m.index, true)}
              >
                {m.index + 1}
                {mark}
              </button>
            )}
          </div>
        );
      })}
    </>
  );
}
