// Numbers the running text states about the tables ("共受理政府信息公开申请749件",
// "予以公开及部分公开258件", "行政复议36起", "现行有效行政规范性文件393件", "未收到政府信息公开
//申请"), to compare with the tables (spec §5 "Text numbers agree with the tables", §7 E5).
// Each number is read by the word nearest it in its clause; numbers of other things near the same
// words (主动公开 N 条, per-applicant parts, percentages, last year's numbers) are left alone.
import type { Anchor, SourceDoc } from '../model';
import {
  ALL_UPHELD,
  ALL_APPLICANTS,
  APPLICANT_WORD,
  APPROXIMATE_BEFORE,
  CHANNEL_WORD,
  CORRECTED_WORD,
  EXACT,
  FEES,
  HANDLED_PART,
  HANDLED_VERB,
  NONE_CARRIED,
  NONE_RECEIVED,
  NONE_T4,
  NONE_T4_STOP,
  NOT_REQUESTS,
  REQUESTS_AS_MATTERS,
  OTHER_BODY,
  OTHER_YEAR,
  PERIOD_PART,
  REMAINDER,
  PROCESSING_FEE,
  RECEIVED_VERB,
  REQUEST_WORD,
  SCOPE_NARROW,
  SCOPE_WIDE,
  T2_ACTIONS,
  T2_DOCS,
  T2_OTHER_VERBS,
  T3_WORDS,
  T4_BLOCKS,
  T4_COLS,
  TOTAL_WORD,
  T3_CONTEXT,
  T4_CONTEXT,
  type T2Action,
  type T2Doc,
  type T3Kind,
  type T4Block,
  type T4Col,
} from './claims/lexicon';
import { WALL, claimText, clauseEnd, clauseStart, headingsByLine, sentenceEnd, sentenceStart } from './claims/text';
import { anchorAt } from './span';

export type { T2Action, T2Doc, T3Kind, T4Block, T4Col } from './claims/lexicon';

export type ClaimKind = T3Kind | 't4' | 't2' | 'fees';

export interface ClaimRead {
  /**
   * What the number counts. Table 三: received (row 一, or 一 + 二), carried-in (二), handled
   * (（七）总计), carried (四), the outcome categories. 't4': a block of table 四 (`block`, `col`);
   * 't2': 规章 or 行政规范性文件 (`doc`, `action`); 'fees': 行政事业性收费 in 万元.
   */
  kind: ClaimKind;
  value: number;
  /** The statement as printed, spaces removed. */
  text: string;
  /** The number (or the words of a statement without one). */
  anchor: Anchor;
  /** The document line the number is on, to tell in which section it stands. */
  line: number;
  /** Position in the text: the claims' order, and how far apart two are. */
  pos: number;
  /** The year the sentence speaks of, when it names one before the number. */
  year?: number;
  /** Whose figure the sentence says it is ("区政府办代表区政府", "全区"). */
  scope?: { text: string; narrow: boolean };
  block?: T4Block;
  col?: T4Col;
  doc?: T2Doc;
  action?: T2Action;
  /** 「办理」「处理」: the requests handled, or every request on hand (一 + 二). */
  loose?: boolean;
  /** Stated in the table's own wording (「本年新收政府信息公开申请 N 件」): no doubt which figure is meant. */
  exact?: boolean;
  /** Stated in words, not as a number: 「未收到…申请」「未发生…行政复议」 (0), 「均获维持」 (none corrected). */
  wording?: 'none' | 'all-upheld';
}

// A count: digits (with thousands separators), then 件/起/宗, or an amount in 万元. The digits
// must stand alone: not the tail of a date, a document number or a decimal.
// Chinese numerals count too (「共收到政府信息公开申请二十三件」), but not after a character that makes
// them a word (「第一件」「每一件」「统一」), and 个 only where it ends the clause or names requests
// (「共计39个」, not 「15个工作日」).
const NUMBER = /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?<![零〇一二两三四五六七八九十百千第每逐统唯单万])[零〇一二两三四五六七八九十百千]+)(余|多)?(件|起|宗|个|万元)/gu;
const COUNT_AFTER_GE = /^(?:$|[，,；;。：:）)！？!?\u0001]|(?:政府信息公开|依申请公开)?申请)/u;
const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 「一百二十六」 → 126, 「十一」 → 11; null for what is no numeral of a count (「三四」). */
export function chineseNumber(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      if (digit !== null && CN_DIGIT[ch] !== 0) return null;
      digit = CN_DIGIT[ch];
      continue;
    }
    const unit = CN_UNIT[ch];
    if (unit >= lastUnit) return null;
    total += (digit ?? 1) * unit;
    digit = null;
    lastUnit = unit;
  }
  return total + (digit ?? 0);
}

/** A number as printed: digits (with thousands separators) or a Chinese numeral. */
function numberOf(s: string): number | null {
  return /^[\d,.]+$/u.test(s) ? Number(s.replace(/,/g, '')) : chineseNumber(s);
}
const YEAR = /((?:19|20)\d{2})年/gu;

interface Match {
  end: number;
  length: number;
}

/** The match of `re` that ends last in `s` (the nearest to the number), the longest of those. */
function lastMatch(s: string, re: RegExp): Match | null {
  let best: Match | null = null;
  for (const m of s.matchAll(re)) {
    const end = m.index! + m[0].length;
    if (!best || end > best.end || (end === best.end && m[0].length > best.length)) best = { end, length: m[0].length };
  }
  return best;
}

function firstMatch(s: string, re: RegExp): (Match & { index: number }) | null {
  for (const m of s.matchAll(re)) return { end: m.index! + m[0].length, length: m[0].length, index: m.index! };
  return null;
}

/** The nearest of several named patterns. */
function nearest<K>(s: string, words: [K, RegExp][]): { key: K; at: Match } | null {
  let best: { key: K; at: Match } | null = null;
  for (const [key, re] of words) {
    const at = lastMatch(s, re);
    if (at && (!best || at.end > best.at.end || (at.end === best.at.end && at.length > best.at.length))) best = { key, at };
  }
  return best;
}

function scopeOf(prefix: string): ClaimRead['scope'] {
  let best: { text: string; narrow: boolean; end: number } | undefined;
  for (const [re, narrow] of [
    [SCOPE_NARROW, true],
    [SCOPE_WIDE, false],
  ] as const)
    for (const m of prefix.matchAll(re)) {
      const end = m.index! + m[0].length;
      if (!best || end > best.end) best = { text: m[0], narrow, end };
    }
  return best && { text: best.text, narrow: best.narrow };
}

function yearOf(prefix: string): number | undefined {
  let year: number | undefined;
  for (const m of prefix.matchAll(YEAR)) year = Number(m[1]);
  return year;
}

type Reading = Pick<ClaimRead, 'kind' | 'block' | 'col' | 'doc' | 'action' | 'loose'> & { exact?: boolean; partial?: 'doc' | 'action'; fromTail?: boolean; more?: number; through?: number };

/**
 * What a number counts, from its clause: `lead` (the words before it), `tail` (after it, to the
 * clause's end), `prefix` (its sentence up to the number) and `onward` (its sentence after it).
 */
function read(lead: string, tail: string, prefix: string, unit: string, onward = tail): Reading | null {
  if (unit === '万元') {
    // 行政事业性收费 by name, and nothing of the fee for requests (信息处理费) in the clause.
    return FEES.test(lead) && !PROCESSING_FEE.test(lead + tail) ? { kind: 'fees' } : null;
  }
  if (OTHER_YEAR.test(lead) || PERIOD_PART.test(lead)) return null;
  const t3 = nearest(lead, T3_WORDS);
  const t4block = nearest(lead, T4_BLOCKS);
  const t4col = nearest(lead, T4_COLS);
  const t2doc = nearest(lead, T2_DOCS);
  const ends = [t3?.at.end ?? -1, t4block?.at.end ?? -1, t4col?.at.end ?? -1, t2doc?.at.end ?? -1];
  const top = Math.max(...ends);
  if (top >= 0) {
    if (top === ends[1] || top === ends[2]) return readT4(lead, prefix, unit);
    if (top === ends[3]) return readT2(lead, t2doc!.key, t2doc!.at);
    if (unit !== '件' || ofApplicants(lead)) return null;
    return { kind: t3!.key, exact: EXACT[t3!.key]?.test(lead) };
  }
  // No specific word before the number: a receiving or handling verb, with requests near it.
  if (unit === '件' && !ofApplicants(lead) && !NOT_REQUESTS.test((lead + tail.slice(0, 6)).replace(REQUESTS_AS_MATTERS, ''))) {
    const verb = nearest(lead, [
      ['received', RECEIVED_VERB],
      ['handled', HANDLED_VERB],
    ] as [T3Kind, RegExp][]);
    const channel = CHANNEL_WORD.test(lead) && !TOTAL_WORD.test(lead);
    // 「其中区公安局受理…」: a part of the total before, or another body's share.
    const before = verb ? lead.slice(0, verb.at.end - verb.at.length).replace(SCOPE_NARROW, '').replace(SCOPE_WIDE, '') : '';
    const part = /^其中./u.test(lead.replace(/^其中[，,：:]/u, '其中')) && !/^其中(?:共|共计)?$/u.test(before) ? true : OTHER_BODY.test(before.replace(ALL_APPLICANTS, ''));
    if (verb && !channel && !part) {
      const after = lead.slice(verb.at.end);
      // 「其中新收16件」: the table's own word for new requests, with requests named in the sentence.
      const fresh = /新收$/u.test(lead.slice(0, verb.at.end)) && REQUEST_WORD.test(prefix);
      if (verb.key === 'received' && (REQUEST_WORD.test(after) || /^申请/u.test(tail) || /依申请/u.test(lead) || fresh))
        return { kind: 'received', exact: EXACT.received?.test(lead), ...(/^申请/u.test(tail) ? { more: 2 } : {}) };
      // 「办理」「处理」 may mean every request on hand (一 + 二) as well as those answered.
      if (verb.key === 'handled' && !HANDLED_PART.test(lead.slice(0, verb.at.end - verb.at.length)) && REQUEST_WORD.test(prefix + tail.slice(0, 6))) return { kind: 'handled', ...(/办理|处理/u.test(lead.slice(verb.at.end - 2, verb.at.end)) ? { loose: true } : {}) };
    }
  }
  // The number first: 「1件结转下年度继续办理」「另有103件顺延到下年度答复」「有1件涉及…的行政复议」.
  const head = tail.slice(0, 16);
  const carriedAfter = firstMatch(head, T3_WORDS.find(([k]) => k === 'carried')![1]);
  if (carriedAfter && unit === '件') return { kind: 'carried', exact: /^结转下年度继续办理/u.test(head), fromTail: true };
  // 「尚有6件申请在法定期限内，结转至下一年度办理」: what the remainder is comes in the next clause.
  if (unit === '件' && REMAINDER.test(lead)) {
    const carriedLater = firstMatch(onward.split(/\d/u)[0], T3_WORDS.find(([k]) => k === 'carried')![1]);
    if (carriedLater) return { kind: 'carried', through: carriedLater.end };
  }
  const blockAfter = nearest(head, T4_BLOCKS);
  if (blockAfter && !bothBlocks(head)) return { kind: 't4', block: blockAfter.key, col: 'total', fromTail: true };
  // 「行政复议2件，其中1件维持原决定，1件尚在审理中」: a result after its number, of the block named before.
  const colAfter = /^[件起宗]$/u.test(unit) ? T4_COLS.map(([key, re]) => ({ key, at: firstMatch(head, re) })).find((c) => c.at && c.at.index <= 2) : undefined;
  if (colAfter) {
    const block = nearest(prefix, T4_BLOCKS);
    if (block) return { kind: 't4', block: lawsuitsBoth(prefix, block.key) ? 'suit' : block.key, col: colAfter.key, fromTail: true };
  }
  const docAfter = nearest(head, T2_DOCS);
  const actionBefore = nearest(lead, T2_ACTIONS);
  if (docAfter && actionBefore && unit === '件') return { kind: 't2', doc: docAfter.key, action: actionBefore.key, fromTail: true };
  // A list going on without its noun or verb ("制发规范性文件3件，废止0件"): completed from the claim before.
  if (unit === '件' && actionBefore && actionBefore.key !== 'published' && /^[^\d]{0,4}$/u.test(lead.slice(actionBefore.at.end))) return { kind: 't2', action: actionBefore.key, partial: 'doc' };
  return null;
}

/** A part of the requests by who made them; every applicant at once is the whole. */
const ofApplicants = (lead: string) => APPLICANT_WORD.test(lead.replace(ALL_APPLICANTS, ''));

/** 「行政复议、行政诉讼案件 N 件」 counts both blocks: no one block's figure. */
function bothBlocks(s: string): boolean {
  const named = new Set(T4_BLOCKS.filter(([, re]) => lastMatch(s, re)).map(([k]) => k));
  return named.has('review') && named.size > 1;
}

/** 「诉讼3件，其中直接起诉2件、复议后起诉1件；判决维持2件」: after both lawsuit blocks, the results are the lawsuits'. */
function lawsuitsBoth(before: string, block: T4Block): boolean {
  return (block === 'direct' || block === 'after-review') && !!lastMatch(before, T4_BLOCKS[0][1]) && !!lastMatch(before, T4_BLOCKS[1][1]);
}

function readT4(lead: string, prefix: string, unit: string): Reading | null {
  if (!/^[件起宗]$/u.test(unit)) return null;
  const col = nearest(lead, T4_COLS);
  if (!col) {
    // A total: its block by name in the clause. 「行政复议、行政诉讼案件 N 件」 counts both: no block's.
    const block = nearest(lead, T4_BLOCKS);
    if (!block) return null;
    if (bothBlocks(lead)) return null;
    return { kind: 't4', block: block.key, col: 'total' };
  }
  // A result (「其中结果维持 72 件」): of the block the sentence names last before it.
  const colStart = prefix.length - (lead.length - (col.at.end - col.at.length));
  const before = prefix.slice(0, Math.max(0, colStart));
  const block = nearest(before, T4_BLOCKS);
  if (!block) return null;
  return { kind: 't4', block: lawsuitsBoth(before, block.key) ? 'suit' : block.key, col: col.key };
}

function readT2(lead: string, doc: T2Doc, at: Match): Reading | null {
  const before = lead.slice(0, at.end - at.length);
  const rest = lead.slice(at.end);
  // The noun must end the clause but for a word of counting: 「规章、规范性文件等112件」 lumps them.
  if (!/^(?:共|共计|合计|计|为|总数为?|数量为?|总量为?|有)?$/u.test(rest)) return null;
  // Other bodies' documents (「部门规范性文件」 in a city's gazette) are not this body's table.
  if (/部门(?:行政)?$/u.test(before)) return null;
  const action = nearest(before, T2_ACTIONS);
  const other = lastMatch(before, new RegExp(T2_OTHER_VERBS.source, 'gu'));
  if (action && other && other.end > action.at.end) return null;
  if (!action) return other ? null : { kind: 't2', doc, partial: 'action' };
  return { kind: 't2', doc, action: action.key };
}

/**
 * The sentence, or the one before, speaks of requests (table 三) or of disclosure (table 四); or
 * it stands in the section of that table (「三、收到和处理政府信息公开申请情况」 says what its
 * 「予以公开31件」 count).
 */
function inContext(kind: ClaimKind, context: string, heading: string): boolean {
  if (kind === 't4') return T4_CONTEXT.test(context) || /(?:复议|诉讼).*情况/u.test(heading);
  if (kind === 't2' || kind === 'fees') return true;
  return T3_CONTEXT.test(context) || /收到和处理.*申请/u.test(heading);
}

/** Claims in the order the text makes them; lines are joined, since statements wrap anywhere. */
export function findClaims(doc: SourceDoc): ClaimRead[] {
  const { joined, text } = claimText(doc);
  const out: Parsed[] = [];
  const anchor = (from: number, to: number) => wordsAnchor(doc, joined, from, to) ?? anchorAt(doc, joined, from, to);
  const base = (at: number, prefix: string) => {
    const year = yearOf(prefix);
    const scope = scopeOf(prefix);
    return { line: joined.lineAt(at), pos: at, ...(year ? { year } : {}), ...(scope ? { scope } : {}) };
  };

  const headings = headingsByLine(doc);
  let lastUnitEnd = -1;
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index!;
    const unitEnd = at + m[0].length;
    const sStart = sentenceStart(text, at);
    const lastUnit = lastUnitEnd >= sStart ? lastUnitEnd : -1;
    const cStart = Math.max(clauseStart(text, at), lastUnit);
    lastUnitEnd = unitEnd;
    if (m[2]) continue;
    const chinese = !/\d/u.test(m[1]);
    const value = numberOf(m[1]);
    // 「一起」 is "together", 「一件」 a phrase as often as a count; amounts are printed in digits.
    if (value === null || (chinese && (m[3] === '万元' || (m[1] === '一' && m[3] !== '件')))) continue;
    if (m[3] === '个' && !COUNT_AFTER_GE.test(text.slice(unitEnd, unitEnd + 10))) continue;
    const unit = m[3] === '个' ? '件' : m[3];
    // A list goes on after the number before: 「…件、部分公开…」「…件和…」.
    const afterNumber = cStart === lastUnit;
    const lead = text.slice(cStart, at).replace(afterNumber ? /^[、和及与以，,]+/u : /^[、，,]+/u, '');
    if (lead.includes(WALL) || APPROXIMATE_BEFORE.test(lead)) continue;
    const tail = text.slice(unitEnd, Math.min(clauseEnd(text, unitEnd), unitEnd + 24));
    const prefix = text.slice(sStart, at);
    const onward = text.slice(unitEnd, Math.min(sentenceEnd(text, unitEnd), unitEnd + 30));
    const r = read(lead, tail, prefix, unit, onward);
    if (!r || !inContext(r.kind, text.slice(sentenceStart(text, Math.max(0, sStart - 1)), at) + tail, headings[joined.lineAt(at)] ?? '')) continue;
    const { partial, exact, fromTail, more, through, ...what } = r;
    const claim: Parsed = {
      ...what,
      value,
      text: text.slice(at - lead.length, through ? unitEnd + through : fromTail ? unitEnd + tail.length : unitEnd + (more ?? 0)),
      anchor: anchor(at, at + m[1].length),
      ...base(at, prefix),
      ...(exact && !scopeOf(prefix) ? { exact: true } : {}),
      ...(partial ? { partial } : {}),
      from: at - lead.length,
    };
    out.push(claim);
  }
  completeLists(out, text);
  const claims: ClaimRead[] = out.filter((c) => !c.partial).map(({ partial: _p, from: _f, ...c }) => c);
  claims.push(...statedInWords(text, anchor, base));
  return claims.sort((a, b) => a.pos - b.pos);
}

/** 「主动公开规章13件，行政规范性文件60件」「制发规范性文件3件，废止0件」: the noun or verb of the claim before. */
/**
 * Words inside one token (「未收到政府信息公开申请」 in 「年，我中心未收到…」): just those words, where
 * the token's anchor can be cut (a text line, one DOM text node). Tokens hold no spaces, so an
 * offset in the joined text is one in the token.
 */
function wordsAnchor(doc: SourceDoc, joined: ReturnType<typeof claimText>['joined'], from: number, to: number): Anchor | null {
  const line = joined.lineAt(from);
  let pos = joined.starts[line];
  for (const t of doc.lines[line].tokens) {
    const start = pos;
    pos += t.raw.replace(/[\s\u00a0\u3000]+/gu, '').length;
    if (from < start || to > pos || t.raw.length !== pos - start) continue;
    const a = t.anchor;
    if (a.kind === 'text' && a.length === t.raw.length) return { ...a, col: a.col + from - start, length: to - from };
    if (a.kind === 'dom' && typeof a.start === 'number' && typeof a.end === 'number' && (a.endNode ?? a.node) === a.node && a.end - a.start === t.raw.length)
      return { ...a, start: a.start + from - start, end: a.start + to - start };
    return null;
  }
  return null;
}

type Parsed = ClaimRead & { partial?: 'doc' | 'action'; from: number };

function completeLists(claims: Parsed[], text: string) {
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    if (!c.partial) continue;
    const prev = claims[i - 1];
    const sameSentence = !!prev && sentenceStart(text, c.pos) === sentenceStart(text, prev.pos) && c.pos - prev.pos <= 40;
    if (sameSentence && prev.kind === 't2' && !prev.partial) {
      if (c.partial === 'doc') c.doc = prev.doc;
      else c.action = prev.action;
      delete c.partial;
      // As printed from the claim that names what the list counts: 「制发行政规范性文件3件，废止0件」.
      c.text = text.slice(prev.from, c.from) + c.text;
      continue;
    }
    // 「规范性文件：本年制发3件」: the one kind of document the sentence names before the verb.
    if (c.partial !== 'doc') continue;
    const start = sentenceStart(text, c.pos);
    const before = text.slice(start, c.from);
    const docs = T2_DOCS.filter(([, re]) => new RegExp(re.source, 'u').test(before));
    if (docs.length !== 1 || before.length > 30) continue;
    c.doc = docs[0][0];
    delete c.partial;
    c.text = text.slice(start, c.from) + c.text;
  }
}

/** 「未收到政府信息公开申请」「无结转下年度的申请」「没有因…行政复议、提起行政诉讼的情况」「未被复议机关纠错」「均获维持」. */
function statedInWords(text: string, anchor: (from: number, to: number) => Anchor, base: (at: number, prefix: string) => Omit<ClaimRead, 'kind' | 'value' | 'text' | 'anchor'>): ClaimRead[] {
  const out: ClaimRead[] = [];
  const claim = (from: number, to: number, what: Pick<ClaimRead, 'kind' | 'block' | 'col' | 'wording'>): ClaimRead => ({
    ...what,
    value: 0,
    text: text.slice(from, to),
    anchor: anchor(from, to),
    ...base(from, text.slice(sentenceStart(text, from), from)),
  });
  for (const m of text.matchAll(NONE_RECEIVED)) {
    if (/复议|诉讼|起诉/u.test(m[0]) || NOT_REQUESTS.test(m[1]) || !/公开/u.test(text.slice(sentenceStart(text, m.index!), sentenceEnd(text, m.index!)))) continue;
    out.push(claim(m.index!, m.index! + m[0].length, { kind: 'received', wording: 'none' }));
  }
  for (const m of text.matchAll(NONE_CARRIED)) {
    if (!T3_CONTEXT.test(text.slice(sentenceStart(text, m.index!), sentenceEnd(text, m.index!)))) continue;
    out.push(claim(m.index!, m.index! + m[0].length, { kind: 'carried', wording: 'none' }));
  }
  for (const m of text.matchAll(NONE_T4)) {
    const s = m[0];
    if (s.includes(WALL) || NONE_T4_STOP.test(s) || /未经复议/u.test(s)) continue;
    const from = m.index!;
    if (!T4_CONTEXT.test(text.slice(sentenceStart(text, Math.max(0, sentenceStart(text, from) - 1)), sentenceEnd(text, from)))) continue;
    const to = from + s.length;
    const review = /(?<!未经)复议(?!后)/u.test(s);
    const suit = /诉讼|起诉/u.test(s);
    if (CORRECTED_WORD.test(s)) {
      // 「未发生…被行政复议纠错或行政诉讼败诉」: none corrected, in the blocks it names before the word.
      const reviewCorrected = /复议[^诉]{0,12}?(?:纠错|纠正|撤销)/u.test(s) || (review && !suit);
      const suitCorrected = /(?:诉讼|起诉)[^复]{0,12}?(?:纠错|纠正|败诉|撤销)/u.test(s) || (suit && !review);
      if (reviewCorrected) out.push(claim(from, to, { kind: 't4', block: 'review', col: 'corrected', wording: 'none' }));
      if (suitCorrected) out.push(claim(from, to, { kind: 't4', block: 'suit', col: 'corrected', wording: 'none' }));
      continue;
    }
    if (review) out.push(claim(from, to, { kind: 't4', block: 'review', col: 'total', wording: 'none' }));
    if (suit) out.push(claim(from, to, { kind: 't4', block: 'suit', col: 'total', wording: 'none' }));
  }
  // 「行政复议7件，诉讼9件，均获维持」: none corrected in the blocks the sentence names before it.
  for (let from = 0; from < text.length; ) {
    const to = sentenceEnd(text, from);
    const sentence = text.slice(from, to);
    const m = ALL_UPHELD.exec(sentence);
    if (m) {
      const before = sentence.slice(0, m.index);
      const at = from + m.index;
      // Shown with what it says of (「行政复议7件，诉讼9件，均获维持」), marked on its own words.
      const said = (what: Pick<ClaimRead, 'kind' | 'block' | 'col' | 'wording'>) => ({ ...claim(at, at + m[0].length, what), text: sentence.slice(Math.max(0, m.index - 30), m.index + m[0].length) });
      if (T4_CONTEXT.test(text.slice(sentenceStart(text, Math.max(0, from - 1)), to))) {
        if (/(?<!未经)复议(?!后)/u.test(before)) out.push(said({ kind: 't4', block: 'review', col: 'corrected', wording: 'all-upheld' }));
        if (/诉讼|起诉/u.test(before)) out.push(said({ kind: 't4', block: 'suit', col: 'corrected', wording: 'all-upheld' }));
      }
    }
    from = to + 1;
  }
  return out;
}
