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
import { CARD_WIDTH, SEVERITY_COLOR } from './styles';
import { copyNote } from './copy';
import { Quoted } from './Quoted';

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

/**
 * Where the card stands: below the badge's cell, inside the viewport's client width (not innerWidth,
 * which counts the vertical scrollbar: the card's edge went under it), in document coordinates.
 */
export function cardPlace(at: Box, view: { scrollX: number; clientWidth: number }): { left: number; width: number } {
  const width = Math.max(200, Math.min(CARD_WIDTH, view.clientWidth - 8));
  const left = Math.max(view.scrollX + 4, Math.min(at.x, view.scrollX + view.clientWidth - width - 4));
  return { left, width };
}

/**
 * Tab from the card's last control goes on to the next finding's badge (the card stands after every
 * mark in our root, so the browser's own order would leave the marks for the panel), Shift+Tab from
 * its first back to its own badge: every finding stays reachable by keyboard.
 */
function tabOut(e: KeyboardEvent, index: number) {
  if (e.key !== 'Tab') return;
  const card = e.currentTarget as HTMLElement;
  const controls = [...card.querySelectorAll<HTMLElement>('button, textarea:not([disabled]), a[href]')];
  const root = card.getRootNode() as ShadowRoot | Document;
  const at = root.activeElement ?? null;
  const badges = [...root.querySelectorAll<HTMLElement>('[data-layer] [data-finding]')];
  const own = badges.findIndex((b) => b.getAttribute('data-finding') === String(index));
  if (e.shiftKey && at === controls[0] && own >= 0) {
    e.preventDefault();
    badges[own].focus();
  } else if (!e.shiftKey && at === controls[controls.length - 1] && own >= 0 && own + 1 < badges.length) {
    e.preventDefault();
    badges[own + 1].focus();
  }
}

export function Card({ index, finding, at, lang, note, onClose, onHover, review, onReview }: Props) {
  const s = strings[lang];
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const manual = useRef<HTMLTextAreaElement>(null);
  // No way to copy here: the note is shown selected, for Ctrl+C.
  useEffect(() => {
    if (copied !== 'failed') return;
    manual.current?.focus();
    manual.current?.select();
  }, [copied]);
  const copy = async (e: MouseEvent) => {
    const card = (e.currentTarget as HTMLElement).closest('[data-card]') as HTMLElement;
    setCopied((await copyNote(note, card)) === 'failed' ? 'failed' : 'copied');
  };
  const sev = s.severity[finding.severity];
  const place = cardPlace(at, { scrollX: window.scrollX, clientWidth: document.documentElement.clientWidth || window.innerWidth });
  return (
    <div
      class="card"
      role="dialog"
      style={{
        '--c': SEVERITY_COLOR[finding.severity],
        left: `${place.left}px`,
        width: `${place.width}px`,
        top: `${at.y + at.h + 10}px`,
      }}
      data-card={index}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        else tabOut(e, index);
      }}
    >
      <h3>
        {index + 1}. {sev}
        {review && ' '}
        {review && <span class={`rv-tag rv-${review.verdict}`}>{review.verdict === 'confirmed' ? s.reviewConfirmed : s.reviewExcluded}</span>}
      </h3>
      <div class="rule">
        {RULE_WORDS[finding.rule]?.[lang]} · {s.rule} {finding.rule}
      </div>
      <div class="msg">
        <Quoted text={finding.message[lang]} />
      </div>
      <PictureCells cells={finding.cells} lang={lang} />
      {onReview && <Review review={review} lang={lang} onChange={onReview} />}
      {copied === 'failed' && (
        <div class="manual-copy" data-copy-failed="">
          <div class="rule">{s.copyFailed}</div>
          <textarea ref={manual} readonly rows={4} data-quote="" onKeyDown={(e) => e.key !== 'Escape' && e.key !== 'Tab' && e.stopPropagation()}>
            {note}
          </textarea>
        </div>
      )}
      <div class="row">
        <button class="btn" data-copy={copied} onClick={copy}>
          {copied === 'copied' ? s.copied : s.copyNote}
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
