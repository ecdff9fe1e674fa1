// The engine: document -> detection -> report -> findings. Pure, DOM-free, the same in Node and the browser.
import { severityRank, type Finding, type Rule, type Text } from './findings';
import type { HistoryRecord } from './history/model';
import type { SourceDoc } from './model';
import { detect, type Detection } from './parse/detect';
import { docText, parseReport, parseSteps } from './parse/report';
import type { Report } from './parse/types';
import { rules } from './rules/registry';

export interface CheckResult {
  detection: Detection;
  report: Report | null;
  findings: Finding[];
  /** Failures of our own code, shown as notices: never as the report's error. */
  notices: Text[];
}

export interface CheckOptions {
  /** Check even when detection says this is not a report (the user asked). */
  force?: boolean;
  /** 'tables': a table read on its own (a picture): only the rules about tables apply. */
  scope?: 'report' | 'tables';
  /** The same body's report of the year before (lib/history): the cross-year rules compare with it. */
  previous?: HistoryRecord;
}

export function checkDoc(doc: SourceDoc, options: CheckOptions = {}): CheckResult {
  const step = parseStep(doc, options);
  return step.report ? rulesStep(step, options) : step;
}

/** First half of the check: detection and parsing. */
export function parseStep(doc: SourceDoc, options: CheckOptions = {}): CheckResult {
  const detection = detect(doc.title ?? '', docText(doc));
  if (!detection.isReport && !options.force) return { detection, report: null, findings: [], notices: [] };
  try {
    const report = parseReport(doc, detection);
    return { detection, report, findings: [], notices: otherReportNotice(report) };
  } catch (e) {
    return { detection, report: null, findings: [], notices: [failure('解析报告', 'parsing the report', e)] };
  }
}

/** The same, giving way between its steps (`pause` resolves in a later task): for the browser. */
export async function parseStepAsync(doc: SourceDoc, options: CheckOptions, pause: () => Promise<void>): Promise<CheckResult> {
  const detection = detect(doc.title ?? '', docText(doc));
  if (!detection.isReport && !options.force) return { detection, report: null, findings: [], notices: [] };
  try {
    const steps = parseSteps(doc, detection);
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return { detection, report: r.value, findings: [], notices: otherReportNotice(r.value) };
      await pause();
    }
  } catch (e) {
    return { detection, report: null, findings: [], notices: [failure('解析报告', 'parsing the report', e)] };
  }
}

/** Second half: every rule on the parsed report; a failing rule becomes a notice, the others still run. */
export function rulesStep(parsed: CheckResult, options: CheckOptions = {}): CheckResult {
  const { findings, notices } = runRules(parsed.report!, rules, options);
  return { ...parsed, findings: sortFindings(findings), notices: [...parsed.notices, ...notices] };
}

/**
 * The cross-year rules on a result already checked without last year's report (the command line
 * first reads every input, then compares them): their findings are added to the others.
 */
export function historyStep(checked: CheckResult, previous: HistoryRecord, options: CheckOptions = {}): CheckResult {
  if (!checked.report) return checked;
  const { findings, notices } = runRules(checked.report, rules.filter((r) => r.needs === 'previous'), { ...options, previous });
  if (!findings.length && !notices.length) return checked;
  return { ...checked, findings: sortFindings([...checked.findings, ...findings]), notices: [...checked.notices, ...notices] };
}

function runRules(report: Report, list: Rule[], options: CheckOptions): { findings: Finding[]; notices: Text[] } {
  const notices: Text[] = [];
  const findings: Finding[] = [];
  const context = { previous: options.previous };
  for (const rule of list) {
    if (options.scope === 'tables' && rule.scope === 'report') continue;
    try {
      findings.push(...rule.run(report, context));
    } catch (e) {
      notices.push(failure(`检查规则 ${rule.id}`, `rule ${rule.id}`, e));
    }
  }
  return { findings, notices };
}

/** A second report on the page is said, never mixed into the first. */
function otherReportNotice(report: Report): Text[] {
  if (!report.otherReport) return [];
  return [{ zh: `本页还有另一份年度报告（「${report.otherReport}」），只核对了前一份`, en: `This page holds another annual report ("${report.otherReport}"); only the first one was checked` }];
}

function failure(zh: string, en: string, e: unknown): Text {
  const why = e instanceof Error ? e.message : String(e);
  return { zh: `${zh}时出错（程序问题，不是报告的问题）：${why}`, en: `Our code failed while ${en} (our problem, not the report's): ${why}` };
}

const TABLE_ORDER: Record<string, number> = { t2: 2, t3: 3, t4: 4 };

/** Grouped by section/table, then by severity, keeping rule order within. */
export function sortFindings(findings: Finding[]): Finding[] {
  const place = (f: Finding) => f.section ?? (f.cells[0] ? TABLE_ORDER[f.cells[0].table] : 0);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => place(a.f) - place(b.f) || severityRank[a.f.severity] - severityRank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

export { countBySeverity } from './findings';
