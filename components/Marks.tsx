// Boxes over table cells, numbered badges, and the place of missing sections, in document coordinates.
import type { Finding } from '../lib/findings';
import type { Box } from '../lib/ext/anchors';
import type { ShownReview } from '../lib/audit/review-types';
import { strings } from '../lib/i18n';
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

export function Marks({ marks, active, flash, gapLabel, onOpen, onLeave, reviewOf }: Props) {
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
                {m.index + 1}. {gapLabel(m.finding)}
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
                style={{ left: `${m.badge.x + m.badge.w - 8}px`, top: `${m.badge.y - 12}px` }}
                data-finding={m.index}
                data-review={review?.verdict}
                aria-label={review ? `${review.verdict === 'confirmed' ? strings.zh.reviewConfirmed : strings.zh.reviewExcluded}：${m.finding.message.zh}` : m.finding.message.zh}
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
