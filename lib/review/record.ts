// What is kept of one report's reviews, and its validation: storage is read back through
// parseReviews only (a damaged or foreign value is never shown as a review).
import type { Review, Verdict } from '../audit/review-types';

/** One report's reviews: its address, the content hash of the last review made, the reviews by finding key. */
export interface ReportReviews {
  url: string;
  hash: string | null;
  findings: Record<string, Review>;
}

/** A note longer than this is cut (storage.local is 10 MB, shared with the report history). */
export const MAX_NOTE = 2000;

export const VERDICTS: readonly Verdict[] = ['confirmed', 'excluded'];

const isHash = (v: unknown): v is string | null => v === null || (typeof v === 'string' && v.length <= 64);

export function parseReview(raw: unknown): Review | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (!VERDICTS.includes(r.verdict as Verdict)) return null;
  if (typeof r.note !== 'string' || typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at))) return null;
  if (!isHash(r.hash)) return null;
  return { verdict: r.verdict as Verdict, note: r.note.slice(0, MAX_NOTE), at: r.at, hash: r.hash };
}

/**
 * A stored value read back: the record with its valid reviews (an invalid one is dropped and
 * counted), or why it is not a record at all.
 */
export function parseReviews(raw: unknown): { record: ReportReviews; dropped: number } | { error: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { error: 'not an object' };
  const r = raw as Record<string, unknown>;
  if (typeof r.url !== 'string' || !r.url) return { error: 'no address' };
  if (!isHash(r.hash)) return { error: 'bad hash' };
  if (!r.findings || typeof r.findings !== 'object' || Array.isArray(r.findings)) return { error: 'no findings' };
  const findings: Record<string, Review> = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(r.findings as Record<string, unknown>)) {
    const review = parseReview(value);
    if (review) findings[key] = review;
    else dropped++;
  }
  return { record: { url: r.url, hash: r.hash, findings }, dropped };
}

/** When the report was last reviewed (its newest review): the bounded store drops the oldest first. */
export const lastReviewed = (r: ReportReviews) => Object.values(r.findings).reduce((m, v) => (v.at > m ? v.at : m), '');
