// The explanation card: the rule in plain words, the equation with the real numbers, "复制说明".
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding, FindingCell } from '../lib/findings';
import type { PictureRef } from '../lib/ext/pictures';
import { coreApi } from '../lib/ext/core-api';
import { RULE_WORDS, strings, type Lang } from '../lib/i18n';
import type { Box } from '../lib/ext/anchors';
import type { ShownReview } from '../lib/audit/review-types';
import type { ReviewChange } from '../lib/review/merge';
import { Review } from './Review';
import { SEVERITY_COLOR } from './styles';

interface Props {
  index: number;
  finding: Finding;
  at: Box;
  lang: Lang;
  note: string;
  onClose: () => void;
  onHover: (inside: boolean) => void;
  /** The inspector's review of this finding (absent: the report has no review key, nothing is kept). */
  review?: ShownReview | null;
  onReview?: (change: ReviewChange) => Promise<void>;
}

export function Card({ index, finding, at, lang, note, onClose, onHover, review, onReview }: Props) {
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
      data-card={index}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h3>
        {index + 1}. {sev}
        {review && ' '}
        {review && <span class={`rv-tag rv-${review.verdict}`}>{review.verdict === 'confirmed' ? s.reviewConfirmed : s.reviewExcluded}</span>}
      </h3>
      <div class="rule">
        {RULE_WORDS[finding.rule]?.[lang]} · {s.rule} {finding.rule}
      </div>
      <div class="msg">{finding.message[lang]}</div>
      <PictureCells cells={finding.cells} lang={lang} />
      {onReview && <Review review={review} lang={lang} onChange={onReview} />}
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

/** Height of a cell's crop in the card, in CSS pixels. */
const CROP_HEIGHT = 30;

/** One cell cut out of the picture it was read from (a canvas: no request, no copy of the page's data). */
function Crop({ anchor }: { anchor: Extract<FindingCell['anchor'], { kind: 'image' }> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const ref = anchor.image as PictureRef;
  const pad = 3;
  const sw = anchor.w + 2 * pad;
  const sh = anchor.h + 2 * pad;
  const scale = Math.min(CROP_HEIGHT / sh, 160 / sw);
  useEffect(() => {
    const el = ref.element;
    const ctx = canvas.current?.getContext('2d');
    // A picture on a page, or a scanned page rendered in the viewer (a canvas).
    const natural = 'naturalWidth' in el ? el.naturalWidth : (el as HTMLCanvasElement).width;
    if (!ctx || !natural) return;
    // The picture's pixels may differ from the size it was read at (a re-encoded copy): scale.
    const k = natural / ref.width;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.drawImage(el, (anchor.x - pad) * k, (anchor.y - pad) * k, sw * k, sh * k, 0, 0, ctx.canvas.width, ctx.canvas.height);
  }, [anchor]);
  return <canvas ref={canvas} width={Math.max(1, Math.round(sw * scale * 2))} height={Math.max(1, Math.round(sh * scale * 2))} style={{ width: `${Math.round(sw * scale)}px`, height: `${Math.round(sh * scale)}px` }} />;
}

/** For cells read from a picture: each crop beside the value read, so a person decides in seconds. */
function PictureCells({ cells, lang }: { cells: FindingCell[]; lang: Lang }) {
  const s = strings[lang];
  const fromPicture = cells.filter((c) => c.anchor?.kind === 'image' && (c.anchor.image as PictureRef | null)?.element);
  if (!fromPicture.length) return null;
  return (
    <div class="crops" data-crops="">
      <div class="rule">{s.cropsTitle}</div>
      {fromPicture.map((c) => (
        <figure>
          <Crop anchor={c.anchor as Extract<FindingCell['anchor'], { kind: 'image' }>} />
          <figcaption>
            {coreApi()?.cellName(c, lang) ?? ''} = {c.value ?? s.blankValue}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
