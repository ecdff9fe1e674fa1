// Reviews as shown: each one stale when the report read now is not the content it was made on.
import type { Review, RowReviews } from '../audit/review-types';
import type { ReportReviews } from './record';

/**
 * Stale: both hashes known and different. An unknown hash (a file whose reading gave none) cannot
 * say the content changed, so it does not claim it.
 */
export const isStale = (review: Pick<Review, 'hash'>, hash: string | null) => review.hash != null && hash != null && review.hash !== hash;

export function shownReviews(record: ReportReviews | null, hash: string | null): RowReviews {
  const out: RowReviews = {};
  for (const [key, r] of Object.entries(record?.findings ?? {})) out[key] = { ...r, stale: isStale(r, hash) };
  return out;
}

export interface ReviewSummary {
  confirmed: number;
  excluded: number;
  /** Reviews of findings shown now that were made on other content. */
  stale: number;
  /** Reviews of findings the report no longer gives (its content changed, or the rules did). */
  gone: number;
  /** Some review, of a finding shown or gone, was made on other content: the report changed since. */
  changed: boolean;
}

/** What the panel says of a report's reviews, over the findings shown now (by their keys). */
export function summarize(reviews: RowReviews, keys: readonly string[]): ReviewSummary {
  const s: ReviewSummary = { confirmed: 0, excluded: 0, stale: 0, gone: 0, changed: false };
  const present = new Set(keys);
  for (const key of present) {
    const r = reviews[key];
    if (!r) continue;
    s[r.verdict]++;
    if (r.stale) s.stale++;
  }
  for (const [key, r] of Object.entries(reviews)) {
    if (!present.has(key)) s.gone++;
    if (r.stale) s.changed = true;
  }
  return s;
}
