// A checked report against the history, for the page's UI script and the viewer alike: the record
// kept, last year's looked up, the cross-year findings added; what could not be compared and a
// damaged history said as notices. The comparison itself is given (the engine's compareWithHistory):
// the UI script holds no engine code. A failure here is a notice, never a lost check.
import type { CheckResult } from '../check';
import type { Text } from '../findings';
import type { Compared } from '../history/compare';
import type { HistoryRecord } from '../history/model';
import type { HistoryStore } from '../history/store';
import { ExtensionHistoryStore, skippedNotice } from './history-store';

export type Compare = (result: CheckResult, source: string, store: HistoryStore, options?: { keep?: boolean }) => Promise<Compared>;

/** What the panel says of the history: which report this one was compared with, or that none was found. */
export interface HistoryInfo {
  /** This report was kept (it names a body and a year). */
  kept: boolean;
  year: number | null;
  previous: { title: string | null; ref: string; year: number | null } | null;
  /** Last year's report linked from this page, offered for a check (「核对上一年度报告」) when the history has none. */
  offer?: { href: string; label: string; file: boolean; list?: boolean } | null;
  /** The offered check is running. */
  pending?: boolean;
}

export interface WithHistory {
  result: CheckResult;
  notices: Text[];
  info: HistoryInfo | null;
}

/** A page's address as the history's source: without its fragment (one report, however it was scrolled to). */
export const sourceOfPage = (href: string) => href.replace(/#.*$/, '');

const infoOf = (record: HistoryRecord | null, previous: HistoryRecord | null): HistoryInfo => ({
  kept: !!record,
  year: record?.year ?? null,
  previous: previous ? { title: previous.title, ref: previous.source.ref, year: previous.year } : null,
});

export async function withHistory(compare: Compare, result: CheckResult, source: string, options: { keep?: boolean } = {}, store = new ExtensionHistoryStore()): Promise<WithHistory> {
  if (!result.report) return { result, notices: [], info: null };
  try {
    const c = await compare(result, source, store, options);
    const damaged = skippedNotice(store.skipped);
    return { result: c.result, notices: [...(damaged ? [damaged] : []), ...c.gaps], info: c.record ? infoOf(c.record, c.previous) : null };
  } catch (e) {
    return { result, notices: [{ zh: `报告历史记录不可用：${(e as Error).message}`, en: `The report history is unavailable: ${(e as Error).message}` }], info: null };
  }
}
