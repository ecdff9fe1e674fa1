// Boxes over table cells, numbered badges, and the place of missing sections, in document coordinates.
import type { Finding } from '../lib/findings';
import type { Box } from '../lib/ext/anchors';
import { SEVERITY_COLOR } from './styles';

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
}

export function Marks({ marks, active, flash, gapLabel, onOpen, onLeave }: Props) {
  return (
    <>
      {marks.map((m) => {
        const c = { '--c': SEVERITY_COLOR[m.finding.severity] } as Record<string, string>;
        const isActive = active === m.index;
        if (m.finding.where && m.badge) {
          const y = m.finding.where === 'before' ? m.badge.y - 6 : m.badge.y + m.badge.h + 6;
          return (
            <div key={m.index} style={c}>
              <div class="gap" style={{ left: `${m.badge.x}px`, top: `${y}px`, width: `${Math.max(m.badge.w, 200)}px` }} />
              <button
                class="gap-label"
                style={{ left: `${m.badge.x + m.badge.w + 12}px`, top: `${m.finding.where === 'before' ? m.badge.y : y - 10}px` }}
                data-finding={m.index}
                onMouseEnter={() => onOpen(m.index, false)}
                onMouseLeave={onLeave}
                onFocus={() => onOpen(m.index, false)}
                onClick={() => onOpen(m.index, true)}
              >
                {m.index + 1}. {gapLabel(m.finding)}
              </button>
            </div>
          );
        }
        return (
          <div key={m.index} style={c}>
            {(isActive ? m.boxes : m.boxes.slice(-1)).map((b, i) => (
              <div
                key={i}
                class={`box${isActive ? ' active' : ''}${flash === m.index ? ' flash' : ''}`}
                style={{ left: `${b.x - 2}px`, top: `${b.y - 2}px`, width: `${b.w + 4}px`, height: `${b.h + 4}px` }}
              />
            ))}
            {m.badge && (
              <button
                class="badge"
                style={{ left: `${m.badge.x + m.badge.w - 8}px`, top: `${m.badge.y - 12}px` }}
                data-finding={m.index}
                aria-label={m.finding.message.zh}
                onMouseEnter={() => onOpen(m.index, false)}
                onMouseLeave={onLeave}
                onFocus={() => onOpen(m.index, false)}
                onClick={() => onOpen(m.index, true)}
              >
                {m.index + 1}
              </button>
            )}
          </div>
        );
      })}
    </>
  );
}
