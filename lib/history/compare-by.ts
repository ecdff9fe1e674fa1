// One report against the history, as the extension will do it on a page or in the viewer: its
// record, last year's record of the same body from the store, the cross-year findings added, the
// record kept (unless the history is off). Pure apart from the store it is given. The cross-year
// rules are given (\`step\`): on a page they run in the extension's background (lib/ext/core.ts),
// so this file holds no rule and no parser.
import type { CheckResult } from '../check';
import type { Text } from '../findings';
import { notCompared } from './figures';
import type { HistoryRecord } from './model';
import { recordOf } from './record';
import type { HistoryStore } from './store';

export interface Compared {
  result: CheckResult;
  /** Null when the report names no body or year (then it is neither compared nor kept). */
  record: HistoryRecord | null;
  previous: HistoryRecord | null;
  /** What could not be compared with last year's report, and why. */
  gaps: Text[];
}

/** The cross-year rules: a result checked without last year's report, and last year's record. */
export type HistoryStep = (checked: CheckResult, previous: HistoryRecord) => CheckResult | Promise<CheckResult>;

export async function compareWithHistoryBy(step: HistoryStep, checked: CheckResult, source: string, store: HistoryStore, options: { keep?: boolean; checkedAt?: string } = {}): Promise<Compared> {
  if (!checked.report) return { result: checked, record: null, previous: null, gaps: [] };
  const record = recordOf(checked.report, { source, checkedAt: options.checkedAt });
  if (!record.agency || record.year == null) return { result: checked, record: null, previous: null, gaps: [] };
  const previous = await store.findPrevious(record);
  if (options.keep !== false) await store.add(record);
  if (!previous) return { result: checked, record, previous: null, gaps: [] };
  return { result: await step(checked, previous), record, previous, gaps: notCompared(checked.report, previous) };
}
