// One finding's review merged into what is stored now: a change touches its own finding only, so a
// review made in another tab (the audit page, the viewer) in the meantime is kept.
import type { Verdict } from '../audit/review-types';
import { MAX_NOTE, type ReportReviews } from './record';
import { reviewUrl } from './keys';

/** A verdict with its note, or null: the review taken back. */
export type ReviewChange = { verdict: Verdict; note: string } | null;

/**
 * The record after one change: `hash` is the content the inspector sees now (the review is of it);
 * null when the report holds no review any more (its storage key is removed).
 */
export function applyChange(record: ReportReviews | null, url: string, key: string, change: ReviewChange, hash: string | null, at: string): ReportReviews | null {
  const findings = { ...(record?.findings ?? {}) };
  if (change) findings[key] = { verdict: change.verdict, note: change.note.slice(0, MAX_NOTE), at, hash };
  else delete findings[key];
  if (!Object.keys(findings).length) return null;
  return { url: record?.url ?? reviewUrl(url), hash, findings };
}

/** Nothing to write: the same verdict and note on the same content (a blur after no typing). */
export function unchanged(record: ReportReviews | null, key: string, change: ReviewChange, hash: string | null): boolean {
  const now = record?.findings[key];
  if (!change) return !now;
  return !!now && now.verdict === change.verdict && now.note === change.note.slice(0, MAX_NOTE) && now.hash === hash;
}
