// Document model -> report: sections, tables keyed by the spec, the template, the year.
import type { SourceDoc } from '../model';
import { expectedFormat, formats, type FormatId, type ReportFormat } from '../spec';
import { detect, yearOf, type Detection } from './detect';
import { findClaims } from './claims';
import { findPeriods } from './period';
import { findSectionsSteps } from './sections';
import { toStream, type Tok } from './stream';
import { readT2, readT3Steps, readT4 } from './tables';
import type { Report, SectionRead } from './types';
import { runSteps } from '../steps';

export function docText(doc: SourceDoc): string {
  return doc.lines.map((l) => l.text).join('\n');
}

/**
 * The parse as a sequence of steps: `yield` marks where a caller may let the page breathe (the
 * browser runs each step as a task of its own; Node runs them straight through).
 */
/** A report's title line ("某某局2021年政府信息公开工作年度报告"): short, not a sentence. */
const TITLE_LINE = /^[^。；]{0,40}?(?:19|20)\d{2}\s*年度?[^。；]{0,20}?政府信息公开[^。；]{0,8}?(?:工作)?年度报告$/u;

/**
 * Two reports on one page (this year's and last year's, one after the other): the first is read.
 * The second starts at a title line that comes after the first report's table 三.
 */
export function firstReport(doc: SourceDoc): { doc: SourceDoc; other?: string } {
  let tableSeen = false;
  for (let i = 0; i < doc.lines.length; i++) {
    const text = doc.lines[i].text.replace(/\s+/g, '');
    if (!tableSeen) {
      tableSeen = /本年新收|勾稽关系/.test(text);
      continue;
    }
    if (text.length <= 60 && !doc.lines[i].prose && TITLE_LINE.test(text)) return { doc: { ...doc, lines: doc.lines.slice(0, i) }, other: text };
  }
  return { doc };
}

export function* parseSteps(whole: SourceDoc, detection?: Detection): Generator<void, Report> {
  const { doc, other } = firstReport(whole);
  const stream = toStream(doc);
  const text = docText(doc);
  const d = detection ?? detect(doc.title ?? '', text);
  const title = d.title ?? doc.title ?? null;
  const year = yearOf(title ?? '', text);
  const expected = expectedFormat(year);
  const specFormat: FormatId = expected === '2019' ? '2019' : '2021';
  yield;
  const sections = yield* findSectionsSteps(doc, stream, formats[specFormat]);
  const regions = tableRegions(stream, sections);
  yield;
  const t3 = yield* readT3Steps(stream, regions.t3[0], regions.t3[1]);
  yield;
  const t2 = readT2(stream, regions.t2[0], regions.t2[1], t3.layout ?? specFormat);
  yield;
  const t4 = regions.t4Headless !== undefined ? readT4(stream, regions.t4Headless, regions.t4Headless + 15, true) : readT4(stream, regions.t4[0], regions.t4[1]);
  const format = reportFormat(expected, t2.layout, t3.layout);
  yield;
  // The text's own statements are read over the whole text: a step each.
  const periods = findPeriods(doc);
  yield;
  const claims = findClaims(doc);
  return { title, year, periods, claims, format, expectedFormat: expected, sections, tables: { t2, t3, t4 }, ...(other ? { otherReport: other } : {}) };
}

export function parseReport(doc: SourceDoc, detection?: Detection): Report {
  return runSteps(parseSteps(doc, detection));
}

function reportFormat(expected: ReportFormat, t2: FormatId | null, t3: FormatId | null): ReportFormat {
  if (t3 && t2 && t3 === t2) return t3;
  if (t3 && !t2) return t3;
  if (t2 && !t3) return t2;
  if (t2 && t3) return t3; // mixed: the request table decides; format-mismatch reports the mix
  return expected === 'pre-2019' ? 'pre-2019' : 'unknown';
}

function find(stream: Tok[], from: number, to: number, test: (raw: string) => boolean): number {
  for (let i = Math.max(0, from); i < to; i++) if (!stream[i].token.prose && test(stream[i].token.raw)) return i;
  return -1;
}

/**
 * The first token of the one row of exactly 15 values in a document read by OCR that has no other
 * row of values; -1 when there is none.
 */
function headlessT4(stream: Tok[]): number {
  if (!stream.some((t) => t.token.ocr)) return -1;
  const rows: Tok[][] = [];
  let row: Tok[] = [];
  for (const t of stream) {
    if (!t.token.prose && t.token.kind !== 'text') row.push(t);
    if (t.rowEnd) {
      if (row.length) rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  return rows.length === 1 && rows[0].length === 15 && rows[0].some((t) => t.token.kind === 'number') ? rows[0][0].pos : -1;
}

/** Where each table stands: between its section heading and the next, or found by its own words. */
export function tableRegions(stream: Tok[], sections: SectionRead[]) {
  const end = stream.length;
  const at = (n: number) => sections.find((s) => s.n === n && (s.found || s.contentOnly))?.pos ?? -1;
  const s2 = at(2);
  const s3 = at(3);
  const s4 = at(4);
  const s5 = at(5);
  const s6 = at(6);
  let t3Start = s3;
  if (t3Start < 0) t3Start = find(stream, Math.max(0, s2), end, (r) => /勾稽|本年新收政府信息公开申请|本年接收政府信息公开/.test(r));
  // A table on its own (a picture, a pasted fragment): its own words, read loosely, mark its start.
  if (t3Start < 0) t3Start = find(stream, Math.max(0, s2), end, (r) => /勾稽|申请人情况|新收政|上年结转|本年接收/.test(r));
  let t4Start = s4;
  // A table on its own (a picture): its block header, read loosely (OCR may garble a character).
  if (t4Start < 0) t4Start = find(stream, Math.max(0, t3Start), end, (r) => /^.{0,3}复议$/u.test(r.replace(/\s+/g, '')));
  // …or, that header garbled, the header words beside it.
  if (t4Start < 0) t4Start = find(stream, Math.max(0, t3Start), end, (r) => /^.{0,2}行政诉讼$|^未经复议|^复议后起诉$/u.test(r.replace(/\s+/g, '')));
  let t2Start = s2;
  if (t2Start < 0) t2Start = find(stream, 0, t3Start < 0 ? end : t3Start, (r) => /第二十条/.test(r));
  const after = (p: number, ...next: number[]) => {
    const later = next.filter((x) => x > p);
    return later.length ? Math.min(...later) : end;
  };
  // A picture holding one row of 15 values and no header we could read: table 四 (see readT4).
  const headless = t3Start < 0 && t4Start < 0 && t2Start < 0 ? headlessT4(stream) : -1;
  return {
    ...(headless >= 0 ? { t4Headless: headless } : {}),
    t2: t2Start < 0 ? ([0, 0] as const) : ([t2Start, after(t2Start, t3Start, t4Start, s5, s6)] as const),
    t3: t3Start < 0 ? ([0, 0] as const) : ([t3Start, after(t3Start, t4Start, s5, s6)] as const),
    t4: t4Start < 0 ? ([0, 0] as const) : ([t4Start, after(t4Start, s5, s6)] as const),
  };
}
