// The explanation card: the rule in plain words, the equation with the real numbers, "复制说明".
import { useState } from 'preact/hooks';
import type { Finding } from '../lib/findings';
import { RULE_WORDS, strings, type Lang } from '../lib/i18n';
import type { Box } from '../lib/ext/anchors';
import { SEVERITY_COLOR } from './styles';

interface Props {
  index: number;
  finding: Finding;
  at: Box;
  lang: Lang;
  note: string;
  onClose: () => void;
  onHover: (inside: boolean) => void;
}

export function Card({ index, finding, at, lang, note, onClose, onHover }: Props) {
  const s = strings[lang];
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(note);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const sev = { error: s.errors, warning: s.warnings, info: s.infos }[finding.severity];
  return (
    <div
      class="card"
      role="dialog"
      style={{
        '--c': SEVERITY_COLOR[finding.severity],
        // Kept inside the viewport horizontally, below the badge's cell.
        left: `${Math.max(window.scrollX + 4, Math.min(at.x, window.scrollX + window.innerWidth - 380))}px`,
        top: `${at.y + at.h + 10}px`,
      }}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
    >
      <h3>
        {index + 1}. {sev}
      </h3>
      <div class="rule">
        {RULE_WORDS[finding.rule]?.[lang]} · {s.rule} {finding.rule}
      </div>
      <div class="msg">{finding.message[lang]}</div>
      <div class="row">
        <button class="btn" onClick={copy}>
          {copied ? s.copied : s.copyNote}
        </button>
        <button class="btn" onClick={onClose}>
          {s.close}
        </button>
      </div>
    </div>
  );
}
