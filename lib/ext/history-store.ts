// The report history in the extension: one record per key in storage.local (WXT storage), validated
// with parseRecord on every read. Used alike by the page's UI script, the viewer and the popup.
//
// Why storage.local and one key per record:
// - Content scripts reach storage.local directly in MV3 (Chrome and Firefox), so the page check needs
//   no round trip through the service worker (which may be asleep) and no message schema for records.
//   IndexedDB is no option there: in a content script it belongs to the *page's* origin (the site could
//   read it, and every site would have a history of its own).
// - One key per record: two tabs (or a page and its PDF in the viewer) keeping a record at the same time
//   never overwrite each other, as a read-modify-write of one shared list would. Adding a record with
//   the same id (the same report from the same source) replaces it.
// Nothing here leaves the browser.
import { storage } from 'wxt/utils/storage';
import { exportDocument, previousOf, type HistoryStore, type Lookup } from '../history/store';
import { parseRecord, type HistoryRecord } from '../history/record';

/** The key prefix of history records in storage.local (WXT's snapshot gives the keys without "local:"). */
export const HISTORY_PREFIX = 'history:';

/** A stored value that is not a valid record: said, never used; removed only by 「清空」. */
export interface Skipped {
  key: string;
  why: string;
}

/**
 * At most this many records are kept (about 2 KB each): storage.local holds 10 MB without the
 * unlimitedStorage permission, and a full store would make every later check lose its comparison.
 * Past it, the records checked longest ago go first.
 */
export const MAX_RECORDS = 3000;

export class ExtensionHistoryStore implements HistoryStore {
  /** Damaged entries found by the last read. */
  skipped: Skipped[] = [];

  constructor(private readonly max = MAX_RECORDS) {}

  /** How many history keys the last read found: a check reads the store just before adding to it. */
  private known: number | null = null;

  async add(record: HistoryRecord): Promise<void> {
    await storage.setItem(`local:${HISTORY_PREFIX}${record.id}`, record);
    // Read everything again only when the store may be over its maximum.
    if (this.known != null && this.known + 1 <= this.max) return void this.known++;
    const entries = await this.entries();
    if (entries.length <= this.max) return;
    const oldest = entries.sort((a, b) => a.record.checkedAt.localeCompare(b.record.checkedAt)).slice(0, entries.length - this.max);
    await storage.removeItems(oldest.map((e) => `local:${e.key}` as const));
  }

  /** Every valid record, newest check first. */
  async list(): Promise<HistoryRecord[]> {
    const entries = await this.entries();
    return entries.map((e) => e.record).sort((a, b) => b.checkedAt.localeCompare(a.checkedAt));
  }

  private async entries(): Promise<{ key: string; record: HistoryRecord }[]> {
    const skipped: Skipped[] = [];
    const out: { key: string; record: HistoryRecord }[] = [];
    // Storage itself failing throws: the caller says the history is unavailable (history-check.ts).
    const all = await storage.snapshot('local');
    const keys = Object.keys(all).filter((key) => key.startsWith(HISTORY_PREFIX) && !key.endsWith('$'));
    this.known = keys.length;
    for (const key of keys) {
      // (WXT keeps an item's metadata under "<key>$": not a record.)
      const raw = all[key];
      const r = parseRecord(raw);
      if ('record' in r) out.push({ key, record: r.record });
      else skipped.push({ key, why: r.error });
    }
    this.skipped = skipped;
    return out;
  }

  async findPrevious(current: Lookup): Promise<HistoryRecord | null> {
    return previousOf(await this.list(), current);
  }

  /** Removes every history key, damaged ones too; the settings stay. */
  async clear(): Promise<void> {
    const all = await storage.snapshot('local');
    const keys = Object.keys(all).filter((k) => k.startsWith(HISTORY_PREFIX));
    if (keys.length) await storage.removeItems(keys.map((k) => `local:${k}` as const));
    this.skipped = [];
    this.known = 0;
  }

  async exportJson(): Promise<string> {
    return exportDocument(await this.list());
  }

  /** Records read from an export, each validated; returns how many were kept and why others were not. */
  async importRecords(records: readonly HistoryRecord[]): Promise<number> {
    for (const r of records) await this.add(r);
    return records.length;
  }
}

/** What a damaged history says in the panel or the popup (never a crash). */
export const skippedNotice = (skipped: readonly Skipped[]) =>
  skipped.length
    ? {
        zh: `历史记录中有 ${skipped.length} 条损坏的记录，已跳过（${skipped[0].why}）`,
        en: `${skipped.length} damaged history entr${skipped.length === 1 ? 'y was' : 'ies were'} skipped (${skipped[0].why})`,
      }
    : null;
