// The background's side of lib/ext/check-elsewhere.ts: a page's model parsed and checked, a page's
// result compared with last year's record, here, off the page's thread. The asks come only from our
// own scripts (runtime.onMessage); what they hold is data, checked for shape, never run.
import { checkDoc, historyStep, type CheckOptions, type CheckResult } from '../check';
import type { HistoryRecord } from '../history/model';
import type { SourceDoc } from '../model';
import type { CheckReply } from './check-elsewhere';

export type CheckAsk = { type: 'check-doc'; doc: SourceDoc; options: CheckOptions } | { type: 'history-step'; checked: CheckResult; previous: HistoryRecord };

/** A request to check, as the background receives it; null for anything else. */
export function parseCheckAsk(raw: unknown): CheckAsk | null {
  const m = raw as { type?: unknown; doc?: { lines?: unknown }; options?: unknown; checked?: { report?: unknown; findings?: unknown }; previous?: unknown } | null;
  if (m?.type === 'check-doc' && m.doc && Array.isArray(m.doc.lines)) {
    const o = (m.options ?? {}) as Record<string, unknown>;
    return { type: 'check-doc', doc: m.doc as SourceDoc, options: { force: o.force === true, ...(o.scope === 'tables' ? { scope: 'tables' as const } : {}) } };
  }
  if (m?.type === 'history-step' && m.checked && typeof m.checked.report === 'object' && Array.isArray(m.checked.findings) && m.previous && typeof m.previous === 'object')
    return { type: 'history-step', checked: m.checked as CheckResult, previous: m.previous as HistoryRecord };
  return null;
}

/** In the background: the answer, or why not. */
export function answerCheck(ask: CheckAsk): CheckReply {
  try {
    return { ok: true, result: ask.type === 'check-doc' ? checkDoc(ask.doc, ask.options) : historyStep(ask.checked, ask.previous) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}
