// The inspector's reviews in the extension: one key per report in storage.local,
// `review:<hash of its address>` → { url, hash, findings: { [finding key]: Review } }, validated on
// every read. Used alike by the page's UI script, the viewer and the audit page.
//
// Why storage.local and one key per report (as the report history, lib/ext/history-store.ts):
// content scripts reach it directly (no round trip through a sleeping service worker), it belongs to
// the extension and not to the page's origin, and two tabs reviewing two reports never overwrite each
// other. A change is merged into the report's record as read just before it is written (merge.ts), so
// a review made in another tab of the same report is kept (only two writes within the same moment can
// race). Nothing here leaves the browser.
import { browser } from 'wxt/browser';
import type { RowReviews } from '../audit/review-types';
import { REVIEW_PREFIX, reviewStorageKey, reviewUrl } from '../review/keys';
import { applyChange, unchanged, type ReviewChange } from '../review/merge';
import { lastReviewed, parseReviews, type ReportReviews } from '../review/record';
import { reviewsIn, type ReviewStore } from '../review/store';

/**
 * At most this many reports keep reviews (a few KB each, notes included): storage.local's 10 MB is
 * shared with the report history (3000 records of about 2 KB). Past it, the reports reviewed longest
 * ago go first.
 */
export const MAX_REPORTS = 1000;

type Local = {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  getKeys?: () => Promise<string[]>;
};

const local = () => browser.storage.local as unknown as Local;

/** A stored value read back: the record if it is one of this address (a hash collision is no record). */
function recordOf(raw: unknown, url: string): ReportReviews | null {
  if (raw == null) return null;
  const r = parseReviews(raw);
  return 'record' in r && r.record.url === reviewUrl(url) ? r.record : null;
}

export class ExtensionReviewStore implements ReviewStore {
  /** How many reports hold reviews, as last counted: a new report's first review counts again only near the maximum. */
  private known: number | null = null;

  constructor(private readonly max = MAX_REPORTS) {}

  async get(url: string): Promise<ReportReviews | null> {
    const key = reviewStorageKey(url);
    return recordOf((await local().get(key))[key], url);
  }

  async set(url: string, findingKey: string, change: ReviewChange, hash: string | null): Promise<ReportReviews | null> {
    const key = reviewStorageKey(url);
    const before = recordOf((await local().get(key))[key], url);
    if (unchanged(before, findingKey, change, hash)) return before;
    const after = applyChange(before, url, findingKey, change, hash, new Date().toISOString());
    if (!after) {
      await local().remove(key);
      if (this.known != null && before) this.known--;
      return null;
    }
    await local().set({ [key]: after });
    if (!before) await this.bound(key);
    return after;
  }

  /** A new report holds reviews: past the maximum, those reviewed longest ago are dropped (never `keep`). */
  private async bound(keep: string): Promise<void> {
    if (this.known != null && this.known + 1 <= this.max) return void this.known++;
    const keys = await this.keys();
    this.known = keys.length;
    if (keys.length <= this.max) return;
    const all = await local().get(keys);
    const dated = keys
      .filter((k) => k !== keep)
      .map((k) => {
        const r = parseReviews(all[k]);
        // A damaged value goes first: it can never be shown.
        return { k, at: 'record' in r ? lastReviewed(r.record) : '' };
      })
      .sort((a, b) => a.at.localeCompare(b.at));
    const drop = dated.slice(0, keys.length - this.max).map((d) => d.k);
    await local().remove(drop);
    this.known = keys.length - drop.length;
  }

  private async keys(): Promise<string[]> {
    const l = local();
    // getKeys (Chrome 130+) does not read the values: the history's megabytes stay where they are.
    // Older browsers (and test fakes) lack it or refuse it: then every value is read once.
    let all: string[] | null = null;
    try {
      all = (await l.getKeys?.()) ?? null;
    } catch {
      all = null;
    }
    all ??= Object.keys(await l.get(null));
    return all.filter((k) => k.startsWith(REVIEW_PREFIX));
  }

  watch(url: string, onChange: (record: ReportReviews | null) => void): () => void {
    const key = reviewStorageKey(url);
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) onChange(recordOf(changes[key].newValue, url));
    };
    browser.storage.onChanged.addListener(listener as never);
    return () => browser.storage.onChanged.removeListener(listener as never);
  }
}

let shared: ExtensionReviewStore | null = null;

/** The one store of this page (the bound's count is kept per page). */
export const reviewStore = () => (shared ??= new ExtensionReviewStore());

/**
 * A report's reviews for the audit page and the exports: by its address (a local file: its name, as
 * the viewer keeps it) and the hash of the content read now (AuditRow.hash), each with its staleness.
 */
export const reviewsFor = (url: string, hash: string | null): Promise<RowReviews> => reviewsIn(reviewStore(), url, hash);
