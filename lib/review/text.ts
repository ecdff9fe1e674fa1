// A review in words, for the plain-text note 「复制说明」 puts on the clipboard (the memo's line).
import type { ShownReview } from '../audit/review-types';
import { strings, type Lang } from '../i18n';

const LABEL = { zh: '审核', en: 'Review' };

/** 「审核：已确认 — 说明（审核于 …；报告内容已变化，审核可能已过时）」, or '' when not reviewed. */
export function reviewLine(review: ShownReview | null | undefined, lang: Lang): string {
  if (!review) return '';
  const s = strings[lang];
  const verdict = review.verdict === 'confirmed' ? s.reviewConfirmed : s.reviewExcluded;
  const note = review.note.trim() ? ` — ${review.note.trim()}` : '';
  const when = s.reviewAt(review.at.slice(0, 10));
  const tail = review.stale ? `${lang === 'zh' ? '；' : '; '}${s.reviewStale}` : '';
  return `${LABEL[lang]}${lang === 'zh' ? '：' : ': '}${verdict}${note}${lang === 'zh' ? `（${when}${tail}）` : ` (${when}${tail})`}`;
}
