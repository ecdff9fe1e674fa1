// The comparison with the history with the engine's own cross-year rules (lib/history/compare-by.ts).
import { historyStep, type CheckResult } from '../check';
import { compareWithHistoryBy, type Compared } from './compare-by';
import type { HistoryStore } from './store';

export type { Compared } from './compare-by';

export function compareWithHistory(checked: CheckResult, source: string, store: HistoryStore, options: { keep?: boolean; checkedAt?: string } = {}): Promise<Compared> {
  return compareWithHistoryBy(historyStep, checked, source, store, options);
}
