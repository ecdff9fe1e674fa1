// The inspector's memo (「年报核查意见」): per report, each problem with its equation, its place, the
// link and the review. A plain structure, DOM-free: the audit page prints it as a page, the command
// line writes it as Markdown (memoMarkdown), both from the same memoOf.
import type { Severity, Text } from '../findings';
import { linkOf, placeOf, severityLabel, stateLabel, STALE, verdictLabel, type Lang } from './labels';
import type { AuditRow, RowState } from './model';
import type { RowReviews, Verdict } from './review-types';

export interface MemoReview {
  verdict: Verdict;
  /** 「确认」/「排除」 */
  label: string;
  note: string;
  at: string;
  /** The report read now is not the content reviewed. */
  stale: boolean;
}

export interface MemoProblem {
  key: string;
  rule: string;
  severity: Severity;
  severityLabel: string;
  /** 表三「（七）总计」「总计」, 第二部分, or '' for the whole report. */
  place: string;
  /** The message, with its equation and the gap. */
  message: string;
  expected: number | null;
  actual: number | null;
  review: MemoReview | null;
}

export interface MemoReport {
  input: string;
  /** Where the report opens from: its address, or the file given. */
  link: string;
  agency: string | null;
  title: string | null;
  year: number | null;
  format: string | null;
  state: RowState;
  stateLabel: string;
  /** Why it failed or is not a report. */
  why: string | null;
  /** As the check found them, reviews aside. */
  counts: { errors: number; warnings: number; infos: number };
  /** Every finding not excluded by a review, in the check's order (by section and table, then severity). */
  problems: MemoProblem[];
  /** Findings the inspector excluded: listed apart, with the reason noted. */
  excluded: MemoProblem[];
  /** What we could not check (never the report's fault). */
  notices: string[];
  /** Which report of last year it was compared with, or why none. */
  compared: string | null;
}

export interface Memo {
  lang: Lang;
  title: string;
  /** The day it was made, YYYY-MM-DD (local). */
  date: string;
  /** Errors and warnings that stand: those a review excluded are counted apart (`excluded`). */
  totals: { reports: number; checked: number; notReports: number; failed: number; unchecked: number; errors: number; warnings: number; excluded: number };
  reports: MemoReport[];
}

const TITLE: Text = { zh: '年报核查意见', en: 'Annual report audit memo' };

const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function memoOf(rows: AuditRow[], reviews: (row: AuditRow) => RowReviews, lang: Lang = 'zh', date = new Date()): Memo {
  const reports = rows.map((row): MemoReport => {
    const shown = row.findings.length ? reviews(row) : {};
    const problems: MemoProblem[] = [];
    const excluded: MemoProblem[] = [];
    for (const f of row.findings) {
      const r = shown[f.key];
      const problem: MemoProblem = {
        key: f.key,
        rule: f.rule,
        severity: f.severity,
        severityLabel: severityLabel(f.severity, lang),
        place: placeOf(f, lang),
        message: f.message[lang],
        expected: f.expected,
        actual: f.actual,
        review: r ? { verdict: r.verdict, label: verdictLabel(r.verdict, lang), note: r.note, at: r.at, stale: r.stale } : null,
      };
      (r?.verdict === 'excluded' ? excluded : problems).push(problem);
    }
    return {
      input: row.input,
      link: linkOf(row),
      agency: row.agency,
      title: row.title,
      year: row.year,
      format: row.format,
      state: row.state,
      stateLabel: stateLabel(row.state, lang),
      why: row.why?.[lang] ?? null,
      counts: { errors: row.errors, warnings: row.warnings, infos: row.infos },
      problems,
      excluded,
      notices: row.notices.map((n) => n[lang]),
      compared: row.compared?.[lang] ?? null,
    };
  });
  const count = (s: RowState) => rows.filter((r) => r.state === s).length;
  const kept = (s: Severity) => reports.reduce((n, r) => n + r.problems.filter((p) => p.severity === s).length, 0);
  return {
    lang,
    title: TITLE[lang],
    date: day(date),
    totals: {
      reports: rows.length,
      checked: count('done'),
      notReports: count('not-report'),
      failed: count('failed'),
      unchecked: count('queued') + count('running') + count('cancelled'),
      errors: kept('error'),
      warnings: kept('warning'),
      excluded: reports.reduce((n, r) => n + r.excluded.length, 0),
    },
    reports,
  };
}

/** Markdown's own marks in a text taken from a report (a footnote 「0*」, a title with 「#」) are escaped. */
export const markdownText = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
/** A text of several lines kept inside its list item. */
const indent = (s: string, pad: string) => markdownText(s).split(/\r?\n/).join(`  \n${pad}`);

/** An address as an autolink; a file's name as text (an autolink needs a scheme). */
const link = (s: string) => (/^[a-z][a-z0-9+.-]*:/i.test(s) ? `<${s.replace(/[<>\s]/g, encodeURIComponent)}>` : markdownText(s));

const W = {
  zh: {
    date: '日期',
    summary: (t: Memo['totals']) =>
      `共 ${t.reports} 份：已核查 ${t.checked} 份，非年报 ${t.notReports} 份，失败 ${t.failed} 份${t.unchecked ? `，未核查 ${t.unchecked} 份` : ''}；发现错误 ${t.errors} 个，警告 ${t.warnings} 个${t.excluded ? `，经审核排除 ${t.excluded} 项` : ''}。`,
    untitled: '（未找到标题）',
    year: (y: number) => `${y} 年度`,
    source: '来源',
    format: '格式',
    state: '状态',
    result: (c: MemoReport['counts']) => `${c.errors} 个错误，${c.warnings} 个警告，${c.infos} 个提示`,
    resultLabel: '核查结果',
    nothing: '未发现问题。',
    notice: '未能核对',
    problems: '问题',
    excluded: '经审核排除',
    review: '审核',
    stale: `（${STALE.zh}）`,
    sep: '：',
  },
  en: {
    date: 'Date',
    summary: (t: Memo['totals']) =>
      `${t.reports} inputs: ${t.checked} checked, ${t.notReports} not a report, ${t.failed} failed${t.unchecked ? `, ${t.unchecked} not checked` : ''}; ${t.errors} error(s), ${t.warnings} warning(s)${t.excluded ? `, ${t.excluded} excluded by review` : ''}.`,
    untitled: '(no title found)',
    year: (y: number) => `year ${y}`,
    source: 'Source',
    format: 'Format',
    state: 'State',
    result: (c: MemoReport['counts']) => `${c.errors} error(s), ${c.warnings} warning(s), ${c.infos} note(s)`,
    resultLabel: 'Result',
    nothing: 'Nothing found.',
    notice: 'Not checked',
    problems: 'Problems',
    excluded: 'Excluded by review',
    review: 'Review',
    stale: ` (${STALE.en})`,
    sep: ': ',
  },
};

function problemLines(p: MemoProblem, i: number, w: (typeof W)['zh']): string[] {
  const head = `${i + 1}. **${p.severityLabel}**${p.place ? ` · ${markdownText(p.place)}` : ''} · \`${p.rule}\``;
  const lines = [head, `   ${indent(p.message, '   ')}`];
  if (p.review) {
    const note = p.review.note ? `${w.sep}${indent(p.review.note, '   ')}` : '';
    lines.push(`   ${w.review}${w.sep}${p.review.label}${note}${p.review.stale ? w.stale : ''}`);
  }
  return lines;
}

export function memoMarkdown(memo: Memo): string {
  const w = W[memo.lang];
  const out: string[] = [`# ${memo.title}`, '', `${w.date}${w.sep}${memo.date}`, '', w.summary(memo.totals)];
  memo.reports.forEach((r, n) => {
    const name = [r.agency, r.title ?? (r.state === 'done' ? w.untitled : r.input)].filter(Boolean).join(' — ');
    // In English the body and title, as printed, are quoted.
    const shown = memo.lang === 'zh' ? markdownText(name) : `“${markdownText(name)}”`;
    out.push('', `## ${n + 1}. ${shown}${r.year != null ? (memo.lang === 'zh' ? `（${w.year(r.year)}）` : ` (${w.year(r.year)})`) : ''}`, '');
    out.push(`- ${w.source}${w.sep}${link(r.link)}`);
    if (r.state !== 'done') out.push(`- ${w.state}${w.sep}${r.stateLabel}${r.why ? `${w.sep}${markdownText(r.why)}` : ''}`);
    else out.push(`- ${w.format}${w.sep}${r.format ?? '?'} · ${w.resultLabel}${w.sep}${w.result(r.counts)}`);
    if (r.compared) out.push(`- ${markdownText(r.compared)}`);
    for (const n of r.notices) out.push(`- ${w.notice}${w.sep}${markdownText(n)}`);
    if (r.state === 'done' && r.problems.length === 0 && r.excluded.length === 0) out.push('', w.nothing);
    if (r.problems.length) {
      out.push('', `### ${w.problems}`, '');
      r.problems.forEach((p, i) => out.push(...problemLines(p, i, w)));
    }
    if (r.excluded.length) {
      out.push('', `### ${w.excluded}`, '');
      r.excluded.forEach((p, i) => out.push(...problemLines(p, i, w)));
    }
  });
  return `${out.join('\n')}\n`;
}
