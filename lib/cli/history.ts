// The command line's memory of reports (`--history DIR`): the history folder, and the cross-year check
// of one run through lib/history/chain.ts with files named by their full path (the inputs given
// together are compared first, whatever their order, then the folder's records).
import { resolve } from 'node:path';
import type { CheckResult } from '../check';
import type { Text } from '../findings';
import { chainYears, type CrossYear } from '../history/chain';
import { FolderStore } from '../history/folder-store';
import type { HistoryRecord } from '../history/record';

export type { CrossYear } from '../history/chain';

export async function openHistory(dir: string): Promise<{ store: FolderStore; records: HistoryRecord[]; notices: Text[] } | { error: Text }> {
  const store = new FolderStore(resolve(dir));
  try {
    const records = await store.list();
    const notices = store.skipped.map((s) => ({
      zh: `历史目录中的 ${s.file} 不是有效的报告记录，已忽略：${s.why}`,
      en: `${s.file} in the history folder is not a valid report record and was left out: ${s.why}`,
    }));
    return { store, records, notices };
  } catch (e) {
    return { error: { zh: `无法读取历史目录 ${dir}：${(e as Error).message}`, en: `Could not read the history folder ${dir}: ${(e as Error).message}` } };
  }
}

/** A URL as given; a file by its full path, so that runs from other folders find the same record. */
const sourceRef = (input: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : resolve(input));

/** The batch chained year with year (lib/history/chain.ts), files named by their full path. */
export const crossYear = (checked: { input: string; result: CheckResult }[], stored: readonly HistoryRecord[], historyOn: boolean, checkedAt = new Date().toISOString()): CrossYear[] =>
  chainYears(checked, stored, historyOn, sourceRef, checkedAt);

/** Keeps this run's records; a failure is said, never lost silently, and changes no exit code. */
export async function saveHistory(store: FolderStore, compared: CrossYear[]): Promise<Text | null> {
  try {
    for (const c of compared) if (c.record) await store.add(c.record);
    return null;
  } catch (e) {
    return { zh: `无法写入历史目录 ${store.dir}：${(e as Error).message}`, en: `Could not write to the history folder ${store.dir}: ${(e as Error).message}` };
  }
}
