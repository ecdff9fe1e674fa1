// From a check's result to what the UI shows (the panel's view) and what the popup and badge get.
import type { CheckResult } from '../lib/check';
import { countBySeverity } from '../lib/findings';
import type { Summary } from '../lib/ext/messages';
import type { View } from './types';

export function viewOf(result: CheckResult | null, state: View['state'], notices: View['notices'], url: string, progress: View['progress'] = null): View {
  const r = result?.report;
  return {
    state,
    progress,
    title: r?.title ?? result?.detection.title ?? null,
    year: r?.year ?? null,
    // The template's id: the panel and the popup name it in their language (strings.formatName).
    format: r ? r.format : null,
    findings: result?.findings ?? [],
    notices: [...(result?.notices ?? []), ...notices],
    url,
  };
}

export function summaryOf(view: View): Summary {
  return { state: view.state, title: view.title, year: view.year, format: view.format, counts: countBySeverity(view.findings), notice: view.notices[0] ?? null };
}
