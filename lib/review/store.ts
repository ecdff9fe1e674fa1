// Where reviews are kept: an interface the UI and the audit page use (storage.local in the extension:
// lib/ext/review-store.ts), and one in memory for tests.
import type { RowReviews } from '../audit/review-types';
import { applyChange, unchanged, type ReviewChange } from './merge';
import { reviewUrl } from './keys';
import type { ReportReviews } from './record';
import { shownReviews } from './stale';

export interface ReviewStore {
  /** A report's reviews (null: none kept). */
  get(url: string): Promise<ReportReviews | null>;
  /** One finding's review set, or taken back (null), merged into what is kept now; returns the record after. */
  set(url: string, key: string, change: ReviewChange, hash: string | null): Promise<ReportReviews | null>;
  /** Calls back when the report's reviews change anywhere (another tab); returns the unsubscribe. */
  watch?(url: string, onChange: (record: ReportReviews | null) => void): () => void;
}

/** A report's reviews as the exports and the audit page read them: each with its staleness against `hash`. */
export async function reviewsIn(store: ReviewStore, url: string, hash: string | null): Promise<RowReviews> {
  return shownReviews(await store.get(url), hash);
}

/** In memory (tests; a page without extension storage). */
export class MemoryReviewStore implements ReviewStore {
  private records = new Map<string, ReportReviews>();
  private listeners = new Set<{ url: string; fn: (r: ReportReviews | null) => void }>();

  constructor(private readonly now = () => new Date().toISOString()) {}

  async get(url: string) {
    return this.records.get(reviewUrl(url)) ?? null;
  }

  async set(url: string, key: string, change: ReviewChange, hash: string | null) {
    const u = reviewUrl(url);
    const before = this.records.get(u) ?? null;
    if (unchanged(before, key, change, hash)) return before;
    const after = applyChange(before, u, key, change, hash, this.now());
    if (after) this.records.set(u, after);
    else this.records.delete(u);
    for (const l of this.listeners) if (l.url === u) l.fn(after);
    return after;
  }

  watch(url: string, fn: (r: ReportReviews | null) => void) {
    const entry = { url: reviewUrl(url), fn };
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }
}
