// Finds the six mandatory section headings, in order, allowing known variants and renumbering.
import { editDistance, labelSimilarity, matchKey, strictKey, withoutOrdinal } from '../text/normalize';
import type { Format } from '../spec';
import type { Line, SourceDoc } from '../model';
import type { Tok } from './stream';
import type { SectionRead } from './types';
import { runSteps } from '../steps';

export interface HeadingHit {
  n: number;
  pos: number;
  line: number;
  text: string;
  score: number;
}

interface Candidate {
  pos: number;
  line: number;
  text: string;
  /**
   * Its line holds values or blank cells, or stands among lines that do (a group label read apart
   * from its rows, values within two lines on both sides): a table row, never a heading by its
   * numeral alone.
   */
  inRow: boolean;
}

const ORDINAL_START = /^[一二三四五六七八九十]+、/u;
/** Characters of a run-on line read as a heading: longer than any official heading or variant. */
const HEADING_WINDOW = 40;
// Keywords gate every candidate, so the similarity bar can allow reworded headings.
const THRESHOLD = 0.62;

// Two values or blanks at least: a year in a sentence ("2023 年") is not a row.
const hasValues = (line: Line | undefined) => !!line && !line.prose && line.tokens.filter((t) => t.kind !== 'text').length >= 2;
/** A line of values one or two lines before (-1) or after (1) line `li`. */
const valuesNear = (doc: SourceDoc, li: number, dir: -1 | 1) => hasValues(doc.lines[li + dir]) || hasValues(doc.lines[li + 2 * dir]);
/** Token k of line li is a table row's label: values right after it, or (a short line) among value lines. */
function inTableRow(doc: SourceDoc, li: number, k: number): boolean {
  const line = doc.lines[li];
  // A long line is text run together (a page crawled into one line): only what follows counts.
  if (line.text.length > 60) return line.tokens.slice(k + 1, k + 3).filter((t) => t.kind !== 'text').length === 2;
  return hasValues(line) || (valuesNear(doc, li, -1) && valuesNear(doc, li, 1));
}

/** Places a heading could start: the start of a line, or a clause opened by "X、" inside running text. */
function candidates(doc: SourceDoc, stream: Tok[]): Candidate[] {
  const out: Candidate[] = [];
  let lineStart = 0;
  doc.lines.forEach((line, li) => {
    const n = line.tokens.length;
    for (let k = 0; k < n; k++) {
      const t = line.tokens[k];
      if (t.kind !== 'text') continue;
      const first = k === 0;
      // Inside a line: a clause opened by "X、", or words right after a sentence ends (an unnumbered
      // 「其他需要报告的事项」 run into the text).
      const afterSentence = k > 0 && /[。；！？]$/u.test(line.tokens[k - 1].raw);
      if (!first && !afterSentence && !ORDINAL_START.test(t.raw)) continue;
      let rest = first && line.text.length <= 60 ? line.text : t.raw;
      // A heading split by spaces ("四、 政府信息公开…"): add following words while it stays heading-sized.
      for (let j = k + 1; j < n && rest.length < 8 && line.tokens[j].kind === 'text'; j++) rest += line.tokens[j].raw;
      let text = rest.split(/[。：:]/u)[0].trim();
      // A heading run into the text after it (a page crawled into one line): a heading-sized window.
      if (text.length > 60) text = text.slice(0, HEADING_WINDOW);
      if (text.length < 4) continue;
      out.push({ pos: lineStart + k, line: li, text, inRow: inTableRow(doc, li, k) });
    }
    lineStart += n;
  });
  void stream;
  return out;
}

type Section = Format['sections'][number];

// A section's forms depend on the format only: their keys are made once, not once per candidate.
const formsCache = new WeakMap<Section, { longest: number; forms: { f: string; bare: string }[] }>();
function formsOf(section: Section) {
  let forms = formsCache.get(section);
  if (!forms) {
    const all = [section.heading, ...section.variants];
    forms = { longest: Math.max(...all.map((f) => f.length)), forms: all.map((form) => ({ f: matchKey(form), bare: withoutOrdinal(matchKey(form)) })) };
    formsCache.set(section, forms);
  }
  return forms;
}

function headingScore(section: Section, text: string): number {
  const key = matchKey(text);
  const { longest, forms } = formsOf(section);
  // The section's words must be in the heading itself, not in what runs on after it.
  const head = key.slice(0, longest + 6);
  if (!section.keywords.every((group) => group.some((w) => head.includes(w)))) return 0;
  let best = 0;
  for (const { f, bare } of forms) {
    const start = key.slice(0, f.length + 6);
    best = Math.max(best, labelSimilarity(f, start, false));
    const bareText = withoutOrdinal(start);
    best = Math.max(best, 0.97 * labelSimilarity(bare, bareText.slice(0, bare.length + 6), false));
  }
  return best;
}

/** Best ordered assignment of candidates to sections 1..6. */
export function findSections(doc: SourceDoc, stream: Tok[], format: Format): SectionRead[] {
  return runSteps(findSectionsSteps(doc, stream, format));
}

/** findSections as steps: the scoring of the candidates, and the rest, are tasks of their own in the browser. */
export function* findSectionsSteps(doc: SourceDoc, stream: Tok[], format: Format): Generator<void, SectionRead[]> {
  const secs = format.sections;
  const all = candidates(doc, stream);
  // Each candidate scored once: the contents are found by these scores, the sections placed by them.
  const allScores = all.map((c) => secs.map((s) => headingScore(s, c.text)));
  yield;
  const kept = withoutContents(all, allScores);
  const cands = kept.map((k) => all[k]);
  const m = cands.length;
  const n = secs.length;
  const score = kept.map((k) => allScores[k]);
  const f: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  const how: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = 0; i <= m; i++)
    for (let j = 0; j <= n; j++) {
      if (!i && !j) continue;
      let best = -1;
      let step = 0;
      if (i && f[i - 1][j] > best) [best, step] = [f[i - 1][j], 1];
      if (j && f[i][j - 1] > best) [best, step] = [f[i][j - 1], 2];
      if (i && j && score[i - 1][j - 1] >= THRESHOLD && f[i - 1][j - 1] + score[i - 1][j - 1] > best)
        [best, step] = [f[i - 1][j - 1] + score[i - 1][j - 1], 3];
      f[i][j] = best;
      how[i][j] = step;
    }
  const hits = new Map<number, Candidate>();
  for (let i = m, j = n; i > 0 || j > 0; ) {
    if (how[i][j] === 3) {
      hits.set(secs[j - 1].n, cands[i - 1]);
      i--;
      j--;
    } else if (how[i][j] === 1) i--;
    else j--;
  }

  placeByNumber(secs, cands, hits);
  const lineStarts: number[] = [];
  doc.lines.reduce((pos, l) => (lineStarts.push(pos), pos + l.tokens.length), 0);
  const found = secs.map((s) => hits.get(s.n));
  const flattened = isFlattened(doc);
  const text = flattened ? doc.lines.map((l) => matchKey(l.text)).join('') : '';
  return secs.map((s, i) => {
    const hit = found[i];
    if (!hit) {
      // No heading: is the content there all the same (sub-headings with the section's words)?
      const from = found.slice(0, i).reverse().find(Boolean)?.line ?? 0;
      const to = found.slice(i + 1).find(Boolean)?.line ?? doc.lines.length;
      const content = contentLines(doc, from + 1, to, s.keywords);
      // In run-on text a heading may hide in the text: unsure only where the section's words occur at all.
      const hidden = flattened && s.keywords.every((group) => group.some((w) => text.includes(w)));
      const missing = { n: s.n, heading: s.heading, official: s.heading, found: false, ...(hidden ? { unsure: 'flattened' as const } : {}) };
      if (!content) return missing;
      return { ...missing, contentOnly: true, heading: content.text, line: content.line, pos: lineStarts[content.line], anchor: doc.lines[content.line].anchor };
    }
    const line = doc.lines[hit.line];
    const token = line.tokens.find((t) => t.kind === 'text');
    return {
      n: s.n,
      official: s.heading,
      found: true,
      ...judgeWording(s, hit.text),
      anchor: token && hit.pos >= 0 ? stream[hit.pos]?.token.anchor ?? line.anchor : line.anchor,
      line: hit.line,
      pos: hit.pos,
    };
  });
}

/**
 * A table of contents (目录) repeats the headings one line after another; the sections come after
 * it. A run of four headings or more on consecutive lines, for consecutive sections, whose sections
 * have headings again later, is the contents: left out (the indices of the candidates kept).
 */
function withoutContents(cands: Candidate[], scores: number[][]): number[] {
  const best = scores.map((row) => {
    const top = Math.max(...row);
    return top >= THRESHOLD ? row.indexOf(top) : -1;
  });
  const drop = new Set<number>();
  for (let i = 0; i < cands.length; ) {
    let j = i;
    while (j + 1 < cands.length && best[j] >= 0 && best[j + 1] === best[j] + 1 && cands[j + 1].line === cands[j].line + 1) j++;
    const run = j - i + 1;
    const again = (k: number) => best.some((b, x) => x > j && b === best[k]);
    if (run >= 4 && best[i] >= 0 && Array.from({ length: run }, (_, k) => i + k).every(again)) for (let k = i; k <= j; k++) drop.add(k);
    i = j + 1;
  }
  return cands.map((_, k) => k).filter((k) => !drop.has(k));
}

/** Labels of table rows that begin with a numeral like a section heading ("四、结转下年度继续办理"). */
const NUMBERED_ROWS = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '四、结转下年度继续办理'].map(matchKey);
const isNumberedRow = (text: string) => NUMBERED_ROWS.some((r) => labelSimilarity(withoutOrdinal(r), withoutOrdinal(matchKey(text)).slice(0, withoutOrdinal(r).length + 2), false) >= 0.6);

/**
 * A numbered heading in a section's place, in other words than the official ones (「六、其他需要说明的
 * 事项」): the first heading-sized candidate with the section's own numeral between the sections
 * found before and after it, that is not a table row. Found in order, one section at a time.
 */
function placeByNumber(secs: Format['sections'], cands: Candidate[], hits: Map<number, Candidate>): void {
  const index = new Map(cands.map((c, i) => [c, i]));
  for (const [i, sec] of secs.entries()) {
    if (hits.has(sec.n)) continue;
    const ordinal = /^([一二三四五六七八九十]+)、/u.exec(sec.heading)?.[1];
    if (!ordinal) continue;
    const before = secs.slice(0, i).reverse().map((x) => hits.get(x.n)).find(Boolean);
    const after = secs.slice(i + 1).map((x) => hits.get(x.n)).find(Boolean);
    const from = before ? index.get(before)! + 1 : 0;
    const to = after ? index.get(after)! : cands.length;
    const hit = cands.slice(from, to).find((c) => c.text.startsWith(`${ordinal}、`) && c.text.length <= HEADING_WINDOW && !c.inRow && !isNumberedRow(c.text));
    if (hit) hits.set(sec.n, hit);
  }
}

/** The report in a few long lines (text copied or crawled from a page): headings run into the text. */
function isFlattened(doc: SourceDoc): boolean {
  const long = doc.lines.filter((l) => l.text.length > 300);
  const total = doc.lines.reduce((a, l) => a + l.text.length, 0);
  return total > 0 && long.reduce((a, l) => a + l.text.length, 0) > total / 2;
}

function judgeWording(
  section: Format['sections'][number],
  printed: string,
): Pick<SectionRead, 'wording' | 'renumbered' | 'heading'> {
  const p = strictKey(printed);
  const ordinal = /^([一二三四五六七八九十]+)、/u.exec(p)?.[1];
  const officialOrdinal = /^([一二三四五六七八九十]+)、/u.exec(strictKey(section.heading))?.[1];
  const renumbered = !!ordinal && !!officialOrdinal && ordinal !== officialOrdinal;
  const bareP = withoutOrdinal(p);
  const forms = [section.heading, ...section.variants].map((f) => withoutOrdinal(strictKey(f)));
  // Flattened pages run the heading into what follows: compare the best-fitting prefix only.
  let best = { d: Infinity, form: 0, len: bareP.length };
  forms.forEach((f, fi) => {
    for (let len = Math.max(1, f.length - 2); len <= Math.min(bareP.length, f.length + 2); len++) {
      const d = editDistance(f, bareP.slice(0, len));
      if (d < best.d) best = { d, form: fi, len };
    }
  });
  const cut = bareP.length > best.len + 2 && best.d <= 2;
  const heading = cut ? printed.replace(/\s+/g, '').slice(0, printed.replace(/\s+/g, '').length - (bareP.length - best.len)) : printed;
  if (best.d === 0) return { wording: best.form === 0 ? 'official' : 'variant', renumbered, heading };
  // A slip of the pen changes a character or two of a long heading; more is other wording.
  const slip = Math.max(1, Math.floor(forms[best.form].length * 0.15));
  return { wording: best.d <= slip ? 'misspelt' : 'other', renumbered, heading };
}

/** Short lines between two headings that together carry every keyword group of a section. */
function contentLines(doc: SourceDoc, from: number, to: number, keywords: string[][]): { line: number; text: string } | null {
  const hitsPerGroup = keywords.map(() => -1);
  for (let li = from; li < to; li++) {
    const line = doc.lines[li];
    if (line.prose || line.text.length > 40) continue;
    keywords.forEach((group, gi) => {
      if (hitsPerGroup[gi] < 0 && group.some((w) => line.text.includes(w))) hitsPerGroup[gi] = li;
    });
  }
  if (hitsPerGroup.some((h) => h < 0)) return null;
  const first = Math.min(...hitsPerGroup);
  return { line: first, text: doc.lines[first].text };
}
