// The inspector's review of one finding: 「确认」 or 「排除」 (toggles: pressing the chosen one again
// takes the review back), a note, whether it is saved, and 「报告内容已变化，审核可能已过时」 when the
// review was made on other content. Used in the card, in the panel (findings that could not be
// placed) and by the audit page. The note is page-independent text in our own textarea, rendered as
// text; typing in it reaches neither the page nor our j/k shortcuts.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShownReview, Verdict } from '../lib/audit/review-types';
import { strings, type Lang } from '../lib/i18n';
import type { ReviewChange } from '../lib/review/merge';
import { MAX_NOTE } from '../lib/review/record';

interface Props {
  review: ShownReview | null | undefined;
  lang: Lang;
  /** Saves one change (the store merges it into what is kept); rejects when storage fails. */
  onChange: (change: ReviewChange) => Promise<void>;
}

/** A note is saved this long after the last keystroke (and at once when the field is left). */
const NOTE_DELAY = 600;

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Keys typed in the note stay in the note: the page's shortcuts and our panel's j/k never see them. */
const keep = (e: Event) => e.stopPropagation();

export function Review({ review, lang, onChange }: Props) {
  const s = strings[lang];
  const verdict = review?.verdict ?? null;
  const [note, setNote] = useState(review?.note ?? '');
  const [saving, setSaving] = useState<SaveState>('idle');
  // What a delayed save and the unmount need, current (not the render's closure).
  const live = useRef({ note, verdict, dirty: false, timer: 0, onChange });
  live.current.verdict = verdict;
  live.current.onChange = onChange;

  // The note kept elsewhere (another tab) is taken unless the inspector is typing one.
  useEffect(() => {
    if (!live.current.dirty) {
      live.current.note = review?.note ?? '';
      setNote(live.current.note);
    }
  }, [review?.note]);

  const save = async (change: ReviewChange) => {
    setSaving('saving');
    try {
      await live.current.onChange(change);
      setSaving('saved');
    } catch {
      setSaving('failed');
    }
  };
  const flush = () => {
    const l = live.current;
    clearTimeout(l.timer);
    if (!l.dirty || !l.verdict) return;
    l.dirty = false;
    void save({ verdict: l.verdict, note: l.note });
  };
  // Closing the card (or moving to another finding) saves a note still being typed.
  useEffect(() => () => flush(), []);

  const pick = (v: Verdict) => {
    const l = live.current;
    clearTimeout(l.timer);
    l.dirty = false;
    void save(verdict === v ? null : { verdict: v, note: l.note });
  };
  const onInput = (e: Event) => {
    const l = live.current;
    l.note = (e.currentTarget as HTMLTextAreaElement).value;
    l.dirty = true;
    setNote(l.note);
    // Not saved until typing stops: 「已保存」 would say more than is true.
    setSaving('idle');
    clearTimeout(l.timer);
    l.timer = window.setTimeout(flush, NOTE_DELAY);
  };

  const status =
    saving === 'saving' ? s.reviewSaving : saving === 'failed' ? s.reviewFailed : saving === 'saved' ? s.reviewSaved : review ? s.reviewAt(new Date(review.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')) : '';
  return (
    <div class="review" data-review={verdict ?? ''} data-review-stale={review?.stale ? 'true' : undefined} role="group" aria-label={s.reviewTitle}>
      <div>
        {(['confirmed', 'excluded'] as const).map((v) => (
          <button class="btn" aria-pressed={verdict === v} data-review-action={v} onClick={() => pick(v)} onKeyDown={keep}>
            {v === 'confirmed' ? s.reviewConfirm : s.reviewExclude}
          </button>
        ))}
        <span data-review-saved={saving} role="status">
          {status}
        </span>
      </div>
      {review?.stale && (
        <div class="review-stale" data-review-stale-notice="">
          {s.reviewStale}{' '}
          <button class="btn" data-review-action="still-valid" onClick={() => void save({ verdict: review.verdict, note: live.current.note })} onKeyDown={keep}>
            {s.reviewStillValid}
          </button>
        </div>
      )}
      <textarea
        data-review-note=""
        aria-label={s.reviewNote}
        rows={2}
        maxLength={MAX_NOTE}
        value={note}
        disabled={!verdict}
        placeholder={verdict ? s.reviewNotePlaceholder : s.reviewNeedsVerdict}
        onInput={onInput}
        onBlur={flush}
        onKeyDown={keep}
        onKeyUp={keep}
        onKeyPress={keep}
      />
    </div>
  );
}
