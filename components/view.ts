// From a check's result to what the UI shows (the panel's view) and what the popup and badge get.
import type { CheckResult } from '../lib/check';
import { countBySeverity } from '../lib/findings';
import type { Summary } from '../lib/ext/messages';
import type { View } from './types';

export const FORMAT_NAME: Record<string, string> = { '2021': '2021（国办公开办函〔2021〕30号）', '2019': '2019 试行（国办公开办函〔2019〕60号）', 'pre-2019': '2019年以前（无统一表格）', unknown: '未知' };

export function viewOf(result: CheckResult | null, state: View['state'], notices: View['notices'], url: string, progress: View['progress'] = null): View {
  const r = result?.report;
  return {
    state,
    progress,
    title: r?.title ?? result?.detection.title ?? null,
    year: r?.year ?? null,
    format: r ? FORMAT_NAME[r.format] ?? r.format : null,
    findings: result?.findings ?? [],
    notices: [...(result?.notices ?? []), ...notices],
    url,
  };
}

export function summaryOf(view: View): Summary {
  return { state: view.state, title: view.title, year: view.year, format: view.format, counts: countBySeverity(view.findings), notice: view.notices[0]?.zh ?? null };
}
