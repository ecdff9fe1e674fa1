// Old binary Word (.doc) and Kingsoft WPS (.wps, the same format) files into HTML for the DOM path.
// Browser-safe, on cfb (the OLE container). Follows [MS-DOC]: the FIB gives the piece table (the
// text, in 8-bit and UTF-16 pieces) and the paragraph properties (PAPX FKPs), whose table flags
// (sprmPFInTable, sprmPFTtp) and row definitions (sprmTDefTable: cell edges and vertical merges)
// give the rows and cells. When they cannot be recovered the text is kept with its cells joined by
// tabs, and the caller says the grid may be lost (no sum of it is then claimed as sure).
import * as CFB from 'cfb';
import type { Text } from '../findings';
import type { SourceDoc } from '../model';
import { decodeBytes } from './decode';
import { GRID_PLACEHOLDER_ATTR } from './dom';

export class DocError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface DocRead {
  /** The document as HTML (every text escaped): paragraphs, and tables where the grid was recovered. */
  html: string;
  /** True when table rows or cells could not be recovered: the HTML holds tab-joined lines instead. */
  gridLost: boolean;
}

export const GRID_LOST_NOTICE: Text = {
  zh: '旧版 Word 表格结构可能不完整，建议另存为 .docx 或 PDF',
  en: 'The table structure of this old Word file may be incomplete; save it as .docx or PDF for a sure check',
};

/** Every value of a source read from a file whose grid was lost: unsure, so sums give warnings only. */
export function unsureTables(source: SourceDoc): SourceDoc {
  return {
    ...source,
    lines: source.lines.map((l) => ({ ...l, tokens: l.tokens.map((t) => (t.kind === 'text' ? t : { ...t, confident: false })) })),
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const i16 = (b: Uint8Array, o: number) => (u16(b, o) << 16) >> 16;
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

const damaged = (why: string) => new DocError(`Word 文件已损坏，无法读取（${why}）`, `The Word file is damaged and cannot be read (${why})`);

interface Fib {
  tableName: '0Table' | '1Table';
  chinese: boolean;
  ccpText: number;
  fcClx: number;
  lcbClx: number;
  fcPlcfBtePapx: number;
  lcbPlcfBtePapx: number;
  /** List definitions (PlfLst) and their instances (PlfLfo), for list numbers. */
  fcPlfLst: number;
  lcbPlfLst: number;
  fcPlfLfo: number;
  lcbPlfLfo: number;
}

/** The File Information Block at the start of the WordDocument stream. */
function readFib(w: Uint8Array): Fib {
  if (w.length < 0x200 || u16(w, 0) !== 0xa5ec) throw damaged('no Word FIB');
  // Word 6.0/95 (nFib below 101) lays its FIB out otherwise: said plainly, not misread.
  if (u16(w, 2) < 101)
    throw new DocError('这是 Word 6.0/95 格式的旧文件，暂不支持，请另存为 .docx 或 PDF', 'This is a Word 6.0/95 file, which is not supported; save it as .docx or PDF');
  const flags = u16(w, 0x0a);
  if (flags & 0x0100)
    throw new DocError('Word 文件已加密（设置了打开密码），无法读取', 'The Word file is encrypted (it has a password to open) and cannot be read');
  const lid = u16(w, 6);
  let o = 32;
  const csw = u16(w, o);
  o += 2 + csw * 2;
  const cslw = u16(w, o);
  const lw = o + 2;
  o = lw + cslw * 4;
  const cbRgFcLcb = u16(w, o);
  const fcLcb = o + 2;
  if (cslw < 4 || cbRgFcLcb < 34 || fcLcb + 34 * 8 > w.length) throw damaged('FIB too short');
  const pair = (i: number) => [u32(w, fcLcb + i * 8), u32(w, fcLcb + i * 8 + 4)] as const;
  const [fcClx, lcbClx] = pair(33);
  const [fcPlcfBtePapx, lcbPlcfBtePapx] = pair(13);
  const [fcPlfLst, lcbPlfLst] = cbRgFcLcb > 74 ? pair(73) : [0, 0];
  const [fcPlfLfo, lcbPlfLfo] = cbRgFcLcb > 74 ? pair(74) : [0, 0];
  return {
    fcPlfLst,
    lcbPlfLst,
    fcPlfLfo,
    lcbPlfLfo,
    tableName: flags & 0x0200 ? '1Table' : '0Table',
    // Chinese (PRC, Taiwan, Hong Kong, Singapore, Macao).
    chinese: [0x0804, 0x0404, 0x0c04, 0x1004, 0x1404].includes(lid),
    ccpText: u32(w, lw + 3 * 4),
    fcClx,
    lcbClx,
    fcPlcfBtePapx,
    lcbPlcfBtePapx,
  };
}

/** One character of the main text and the file offset it came from (paragraph properties go by offset). */
interface Char {
  c: string;
  fc: number;
}

// Bytes 0x80–0x9F of 8-bit pieces that are not Latin-1 ([MS-DOC] 2.4.1).
const CP1252: Record<number, string> = {
  0x82: '\u201a', 0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021', 0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152',
  0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014', 0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a', 0x9c: '\u0153', 0x9f: '\u0178',
};

/** High bytes only in pairs of high bytes, as GB2312/GBK Chinese text has them (and cp1252 text rarely). */
function looksGbk(bytes: Uint8Array): boolean {
  let high = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    if (bytes[i] < 0x81 || bytes[i] === 0xff || i + 1 >= bytes.length || bytes[i + 1] < 0x80 || bytes[i + 1] === 0xff) return false;
    high = true;
    i++;
  }
  return high;
}

/** The main document's characters, piece by piece (Clx → PlcPcd). */
function readText(w: Uint8Array, table: Uint8Array, fib: Fib): Char[] {
  if (!fib.lcbClx || fib.fcClx + fib.lcbClx > table.length) throw damaged('no piece table');
  let o = fib.fcClx;
  const end = fib.fcClx + fib.lcbClx;
  // Prc entries (formatting of the pieces) come first; the Pcdt follows.
  while (o < end && table[o] === 0x01) o += 3 + Math.max(0, i16(table, o + 1));
  if (table[o] !== 0x02) throw damaged('piece table not found');
  const lcb = u32(table, o + 1);
  const plc = o + 5;
  if (plc + lcb > table.length) throw damaged('piece table cut short');
  const n = Math.floor((lcb - 4) / 12);
  const chars: Char[] = [];
  const gbk = fib.chinese ? new TextDecoder('gbk') : null;
  for (let i = 0; i < n && chars.length < fib.ccpText; i++) {
    const cpStart = u32(table, plc + i * 4);
    const cpEnd = u32(table, plc + (i + 1) * 4);
    const pcd = plc + (n + 1) * 4 + i * 8;
    const raw = u32(table, pcd + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = raw & 0x3fffffff;
    const count = Math.min(cpEnd - cpStart, fib.ccpText - chars.length);
    if (count <= 0) continue;
    if (compressed) {
      const at = fc / 2;
      if (at + count > w.length) throw damaged('text outside the file');
      const bytes = w.subarray(at, at + count);
      // A Chinese file's 8-bit piece whose high bytes all come in pairs: GBK (what WPS writes), one
      // character per pair. Word's own 8-bit pieces are cp1252 (a curly quote before a letter).
      if (gbk && looksGbk(bytes)) {
        for (let k = 0; k < count; ) {
          const two = bytes[k] >= 0x81 && k + 1 < count;
          const c = gbk.decode(bytes.subarray(k, k + (two ? 2 : 1)));
          chars.push({ c, fc: at + k });
          k += two ? 2 : 1;
        }
      } else for (let k = 0; k < count; k++) chars.push({ c: CP1252[bytes[k]] ?? String.fromCharCode(bytes[k]), fc: at + k });
    } else {
      if (fc + count * 2 > w.length) throw damaged('text outside the file');
      for (let k = 0; k < count; k++) chars.push({ c: String.fromCharCode(u16(w, fc + k * 2)), fc: fc + k * 2 });
    }
  }
  return chars;
}

/** What a paragraph's properties say about tables. */
interface ParaProps {
  inTable: boolean;
  /** Table terminating paragraph: the mark that ends a row (it holds the row's definition). */
  ttp: boolean;
  /** The row end of a table nested in a cell (its text is the outer cell's; it ends nothing of ours). */
  innerTtp?: boolean;
  depth: number;
  row?: RowDef;
  /** List membership (sprmPIlfo: 1-based list instance; sprmPIlvl: level). */
  ilfo?: number;
  ilvl?: number;
}

export interface RowDef {
  /** Cell edges in twips: itcMac + 1 of them. */
  edges: number[];
  /** Per cell: 'restart' starts a vertical merge, 'merged' continues the one above. */
  vmerge: ('' | 'restart' | 'merged')[];
  /** Per cell: the old horizontal merge flags (fFirstMerged, fMerged). */
  hmerge: ('' | 'first' | 'merged')[];
}

/** Operand size of a sprm by its spra (bits 13–15); variable ones read their size. */
function sprmSize(sprm: number, g: Uint8Array, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // sprmTDefTable and sprmPChgTabs carry a 2-byte size.
      if (sprm === 0xd608 || sprm === 0xd606) return u16(g, at) + 1;
      if (sprm === 0xc615) return g[at] === 255 ? g[at] + 1 : g[at] + 1;
      return g[at] + 1;
  }
}

/**
 * The table flags and row definition in a grpprl. A paragraph whose properties do not fit in its
 * page (a row end defining many cells) holds sprmPHugePapx: its grpprl stands in the Data stream.
 */
function readSprms(g: Uint8Array, from: number, to: number, data: Uint8Array | null): ParaProps {
  const p: ParaProps = { inTable: false, ttp: false, depth: 0 };
  let vmerges: [number, number][] = [];
  for (let o = from; o + 2 <= to; ) {
    const sprm = u16(g, o);
    const at = o + 2;
    const size = sprmSize(sprm, g, at);
    if (at + size > to) break;
    if (sprm === 0x2416) p.inTable = g[at] !== 0;
    else if (sprm === 0x2417) p.ttp = g[at] !== 0;
    else if (sprm === 0x244c) p.innerTtp = g[at] !== 0; // sprmPFInnerTtp: a nested table's row end
    else if (sprm === 0x6649) p.depth = u32(g, at);
    else if (sprm === 0x460b) p.ilfo = i16(g, at);
    else if (sprm === 0x260a) p.ilvl = g[at];
    else if (sprm === 0xd608) p.row = readTDefTable(g, at + 2, at + size);
    else if (sprm === 0xd62b) vmerges.push([g[at + 1], g[at + 2]]); // sprmTVertMerge: itc, merge
    else if (sprm === 0x6646 && data) {
      const huge = u32(g, at);
      if (huge + 2 <= data.length) return readSprms(data, huge + 2, Math.min(data.length, huge + 2 + u16(data, huge)), null);
    }
    o = at + size;
  }
  if (p.row)
    for (const [itc, m] of vmerges) if (itc < p.row.vmerge.length) p.row.vmerge[itc] = m === 3 ? 'restart' : m === 1 ? 'merged' : '';
  vmerges = [];
  if (p.depth > 0 && !p.inTable) p.inTable = true;
  return p;
}

function readTDefTable(g: Uint8Array, from: number, to: number): RowDef | undefined {
  const itcMac = g[from];
  if (!itcMac || from + 1 + (itcMac + 1) * 2 > to) return undefined;
  const edges = Array.from({ length: itcMac + 1 }, (_, i) => i16(g, from + 1 + i * 2));
  const tcs = from + 1 + (itcMac + 1) * 2;
  const vmerge: RowDef['vmerge'] = [];
  const hmerge: RowDef['hmerge'] = [];
  for (let i = 0; i < itcMac; i++) {
    // TC80 entries may be left out at the end: those cells have no flags.
    const t = tcs + i * 20;
    const f = t + 2 <= to ? u16(g, t) : 0;
    hmerge.push(f & 1 ? 'first' : f & 2 ? 'merged' : '');
    vmerge.push(f & 0x20 ? (f & 0x40 ? 'restart' : 'merged') : '');
  }
  return { edges, vmerge, hmerge };
}

/** Paragraph properties by file offset of the paragraph mark: the PAPX FKPs. */
function paraPropsReader(w: Uint8Array, table: Uint8Array, data: Uint8Array | null, fib: Fib): ((fc: number) => ParaProps) | null {
  const { fcPlcfBtePapx: fc0, lcbPlcfBtePapx: lcb } = fib;
  if (!lcb || fc0 + lcb > table.length) return null;
  const n = Math.floor((lcb - 4) / 8);
  const runs: { start: number; end: number; props: ParaProps }[] = [];
  for (let i = 0; i < n; i++) {
    const pn = u32(table, fc0 + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = pn * 512;
    if (page + 512 > w.length) return null;
    const crun = w[page + 511];
    for (let k = 0; k < crun; k++) {
      const start = u32(w, page + k * 4);
      const end = u32(w, page + (k + 1) * 4);
      const bOffset = w[page + (crun + 1) * 4 + k * 13];
      let props: ParaProps = { inTable: false, ttp: false, depth: 0 };
      if (bOffset) {
        let at = page + bOffset * 2;
        let cb = w[at];
        let size: number;
        if (cb === 0) {
          cb = w[at + 1];
          size = cb * 2;
          at += 2;
        } else {
          size = cb * 2 - 1;
          at += 1;
        }
        // istd (2 bytes), then the grpprl.
        props = readSprms(w, at + 2, Math.min(at + size, page + 511), data);
      }
      runs.push({ start, end, props });
    }
  }
  runs.sort((a, b) => a.start - b.start);
  return (fc: number) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (fc < runs[mid].start) hi = mid - 1;
      else if (fc >= runs[mid].end) lo = mid + 1;
      else return runs[mid].props;
    }
    return { inTable: false, ttp: false, depth: 0 };
  };
}

/** A list level: its number text (level placeholders as \x00–\x08), format, start. */
interface ListLevel {
  start: number;
  nfc: number;
  text: string;
}

/** A list instance (LFO): its list (lsid), that list's levels, and the levels it restarts. */
interface ListInstance {
  lsid: number;
  levels: ListLevel[];
  starts: Map<number, number>;
}

/** The list instances (1-based ilfo), from PlfLst and PlfLfo. */
function readLists(table: Uint8Array, fib: Fib): Map<number, ListInstance> {
  const out = new Map<number, ListInstance>();
  const { fcPlfLst, lcbPlfLst, fcPlfLfo, lcbPlfLfo } = fib;
  if (!lcbPlfLst || !lcbPlfLfo || fcPlfLst + lcbPlfLst > table.length || fcPlfLfo + lcbPlfLfo > table.length) return out;
  const cLst = u16(table, fcPlfLst);
  const lists: { lsid: number; simple: boolean }[] = [];
  for (let i = 0; i < cLst; i++) {
    const at = fcPlfLst + 2 + i * 28;
    lists.push({ lsid: u32(table, at), simple: (table[at + 26] & 1) === 1 });
  }
  // The levels follow the LSTF array (in the table stream, right after PlfLst).
  let o = fcPlfLst + 2 + cLst * 28;
  /** One LVL at `o`: its level, and where the next structure starts. */
  const readLvl = (at: number): [ListLevel, number] => {
    const start = u32(table, at);
    const nfc = table[at + 4];
    const cbChpx = table[at + 24];
    const cbPapx = table[at + 25];
    at += 28 + cbPapx + cbChpx;
    const cch = u16(table, at);
    let text = '';
    for (let c = 0; c < cch; c++) text += String.fromCharCode(u16(table, at + 2 + c * 2));
    return [{ start, nfc, text }, at + 2 + cch * 2];
  };
  const levels = new Map<number, ListLevel[]>();
  for (const l of lists) {
    const lv: ListLevel[] = [];
    for (let k = 0; k < (l.simple ? 1 : 9); k++) {
      if (o + 28 > table.length) return out;
      const [level, next] = readLvl(o);
      lv.push(level);
      o = next;
    }
    levels.set(l.lsid, lv);
  }
  const lfoMac = u32(table, fcPlfLfo);
  const lfos: { lsid: number; overrides: number }[] = [];
  for (let i = 0; i < lfoMac && fcPlfLfo + 4 + (i + 1) * 16 <= table.length; i++) {
    const at = fcPlfLfo + 4 + i * 16;
    lfos.push({ lsid: u32(table, at), overrides: table[at + 12] });
  }
  // The LFOData after the LFOs: per instance a CP, then its level overrides (LFOLVL, with an LVL
  // of their own when they reformat the level); a restart is fStartAt with its start.
  o = fcPlfLfo + 4 + lfos.length * 16;
  lfos.forEach((lfo, i) => {
    const starts = new Map<number, number>();
    if (lfo.overrides) o += 4;
    for (let k = 0; k < lfo.overrides && o + 8 <= table.length; k++) {
      const iStartAt = u32(table, o);
      const flags = u32(table, o + 4);
      o += 8;
      if (flags & 0x10) starts.set(flags & 0x0f, iStartAt);
      if (flags & 0x20) o = readLvl(o)[1];
    }
    const lv = levels.get(lfo.lsid);
    if (lv) out.set(i + 1, { lsid: lfo.lsid, levels: lv, starts });
  });
  return out;
}

// MSONFC values ([MS-DOC] 2.9.158) as the format names of .docx (formatNumber).
const NFC: Record<number, string> = {
  0: 'decimal', 1: 'upperRoman', 2: 'lowerRoman', 3: 'upperLetter', 4: 'lowerLetter', 10: 'ideographDigital', 11: 'japaneseCounting', 14: 'decimalFullWidth',
  18: 'decimalEnclosedCircle', 19: 'decimalFullWidth2', 22: 'decimalZero', 23: 'bullet', 28: 'decimalEnclosedCircleChinese', 33: 'taiwaneseCounting',
  34: 'ideographLegalTraditional', 35: 'taiwaneseCountingThousand', 36: 'taiwaneseDigital', 37: 'chineseCounting', 38: 'chineseLegalSimplified', 39: 'chineseCountingThousand', 255: 'none',
};

/** Each listed paragraph's number (「一、」「（二）」「1.」) put before its text: Word draws it, the text stream lacks it. */
function numberParagraphs(paras: Para[], lists: Map<number, ListInstance>): void {
  if (!lists.size) return;
  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  for (const p of paras) {
    const { ilfo, ilvl = 0 } = p.props;
    if (!ilfo || ilfo < 1 || ilvl > 8) continue;
    const inst = lists.get(ilfo);
    const levels = inst?.levels;
    const level = levels?.[ilvl];
    if (!inst || !levels || !level || NFC[level.nfc] === 'bullet') continue;
    // As Word counts: the instances of one list count on together, unless one restarts a level.
    const override = inst.starts.get(ilvl);
    const key = override === undefined ? `l${inst.lsid}` : `i${ilfo}`;
    const count = counters.get(key) ?? [];
    if (override !== undefined && !started.has(`${ilfo}:${ilvl}`)) {
      started.add(`${ilfo}:${ilvl}`);
      count[ilvl] = override - 1;
    }
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
    count.length = ilvl + 1;
    counters.set(key, count);
    const text = Array.from(level.text, (ch) => {
      const l = ch.charCodeAt(0);
      if (l > 8) return ch;
      return formatNumber(count[l] ?? levels[l]?.start ?? 1, NFC[levels[l]?.nfc ?? 0] ?? 'decimal');
    }).join('');
    p.text = text + p.text;
  }
}

/** A paragraph of the main text: its visible text and the properties of its mark. */
interface Para {
  text: string;
  /** The mark that ends it: \r (paragraph), \x07 (cell or row end), \f (page or section break). */
  mark: string;
  props: ParaProps;
}

/** Field codes dropped (their results kept), objects and notes' marks dropped, special characters mapped. */
function paragraphs(chars: Char[], propsAt: ((fc: number) => ParaProps) | null): Para[] {
  const out: Para[] = [];
  let text = '';
  // Per open field: whether its code part is still running (code hidden, result shown).
  const fields: boolean[] = [];
  const inCode = () => fields.some((f) => f);
  for (const { c, fc } of chars) {
    if (c === '\x13') {
      fields.push(true);
      continue;
    }
    if (c === '\x14') {
      if (fields.length) fields[fields.length - 1] = false;
      continue;
    }
    if (c === '\x15') {
      fields.pop();
      continue;
    }
    if (c === '\r' || c === '\x07' || c === '\f') {
      out.push({ text, mark: c, props: propsAt ? propsAt(fc) : { inTable: false, ttp: false, depth: 0 } });
      text = '';
      continue;
    }
    if (inCode()) continue;
    if (c === '\x0b') text += '\n';
    else if (c === '\x1e') text += '-';
    else if (c === '\t' || c >= ' ' || c === '\n') text += c === '\x1f' ? '' : c;
    // Other control characters (pictures \x01, drawn objects \x08, note marks \x02 \x05): nothing to read.
  }
  if (text) out.push({ text, mark: '\r', props: { inTable: false, ttp: false, depth: 0 } });
  return out;
}

export interface TableRow {
  cells: string[][];
  def?: RowDef;
}

/** Paragraph HTML: its text escaped, its manual line breaks kept. */
export const paraHtml = (t: string) => `<p>${t.split('\n').map(esc).join('<br>')}</p>`;

/** One table's rows as HTML: a grid of the cell edges of all rows, colspan from it, rowspan from vertical merges. */
/**
 * A row with more cells than its definition, the surplus empty and first: AbiWord writes an empty
 * \\cell for each place a merged cell of the rows above covers, before the row's own cells.
 * Those are not cells of the row. (Any other surplus stays: the grid is then lost.)
 */
function withoutLeadingSurplus(r: TableRow): TableRow {
  if (!r.def) return r;
  const surplus = r.cells.length - (r.def.edges.length - 1);
  if (surplus <= 0 || !r.cells.slice(0, surplus).every((c) => c.every((t) => !t.trim()))) return r;
  return { ...r, cells: r.cells.slice(surplus) };
}

export function tableHtml(rows: TableRow[]): string | null {
  rows = rows.map(withoutLeadingSurplus);
  if (rows.some((r) => !r.def || r.def.edges.length - 1 !== r.cells.length)) return null;
  const edges = [...new Set(rows.flatMap((r) => r.def!.edges))].sort((a, b) => a - b);
  // Edges closer than a few twips are one (rounding by the writing program).
  const grid: number[] = [];
  for (const e of edges) if (!grid.length || e - grid[grid.length - 1] > 15) grid.push(e);
  const col = (x: number) => {
    let best = 0;
    for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i] - x) < Math.abs(grid[best] - x)) best = i;
    return best;
  };
  interface Placed {
    html: string[];
    c0: number;
    c1: number;
    rowspan: number;
    hidden: boolean;
    /** The cell's index in its row's definition. */
    itc: number;
  }
  const placed: Placed[][] = rows.map((r) => {
    const out: Placed[] = [];
    r.cells.forEach((content, i) => {
      const def = r.def!;
      const c0 = col(def.edges[i]);
      const c1 = Math.max(c0 + 1, col(def.edges[i + 1]));
      // An old-style horizontal merge: the merged cells widen the first one.
      if (def.hmerge[i] === 'merged' && out.length) {
        out[out.length - 1].c1 = c1;
        return;
      }
      out.push({ html: content, c0, c1, rowspan: 1, hidden: false, itc: i });
    });
    return out;
  });
  // Vertical merges: a continuing cell joins the cell above that starts at its column.
  placed.forEach((row, r) =>
    row.forEach((cell) => {
      if (rows[r].def!.vmerge[cell.itc] !== 'merged' || r === 0) return;
      for (let up = r - 1; up >= 0; up--) {
        const above = placed[up].find((c) => c.c0 === cell.c0 && !c.hidden);
        if (above) {
          above.rowspan = r - up + 1;
          cell.hidden = true;
          return;
        }
        if (!placed[up].some((c) => c.c0 === cell.c0)) break;
      }
    }),
  );
  const trs = placed.map((row) => {
    const tds: string[] = [];
    let at = 0;
    for (const c of row) {
      // Grid columns before a cell that no cell fills (gridBefore, a row indented): a placeholder
      // the DOM reader counts as columns, never as a cell.
      if (c.c0 > at) tds.push(`<td ${GRID_PLACEHOLDER_ATTR}=""${c.c0 - at > 1 ? ` colspan="${c.c0 - at}"` : ''}></td>`);
      at = Math.max(at, c.c1);
      if (c.hidden) continue;
      const span = c.c1 - c.c0 > 1 ? ` colspan="${c.c1 - c.c0}"` : '';
      const rs = c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '';
      tds.push(`<td${span}${rs}>${c.html.map(paraHtml).join('')}</td>`);
    }
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table border="1">${trs.join('\n')}</table>`;
}

/** Rows as tab-joined lines, for when the grid is not known. */
export const tabLines = (rows: TableRow[]) => `<pre>${rows.map((r) => r.cells.map((c) => esc(c.join(' ').replace(/[\t\n]+/g, ' '))).join('\t')).join('\n')}</pre>`;

/** Reads a .doc/.wps file. Throws DocError for a file that is damaged, encrypted or not a Word document. */
export function readDoc(bytes: Uint8Array): DocRead {
  try {
    return readDocUnsafe(bytes);
  } catch (e) {
    // Offsets past the end, a broken container: the file's fault, said as such (never a crash of ours).
    if (e instanceof DocError) throw e;
    throw damaged((e as Error).message);
  }
}

function readDocUnsafe(bytes: Uint8Array): DocRead {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(bytes, { type: 'array' });
  } catch (e) {
    throw damaged(`OLE: ${(e as Error).message}`);
  }
  const stream = (name: string) => {
    const e = CFB.find(cfb, name);
    return e?.content ? new Uint8Array(e.content as ArrayLike<number> as Uint8Array) : null;
  };
  const w = stream('WordDocument');
  if (!w) {
    if (CFB.find(cfb, 'EncryptedPackage'))
      throw new DocError('Word 文件已加密（设置了打开密码），无法读取', 'The Word file is encrypted (it has a password to open) and cannot be read');
    throw new DocError('这不是 Word 文档（OLE 文件中没有 WordDocument 流），无法读取', 'This is not a Word document (the OLE file has no WordDocument stream) and cannot be read');
  }
  const fib = readFib(w);
  const table = stream(fib.tableName);
  if (!table) throw damaged(`no ${fib.tableName} stream`);
  const chars = readText(w, table, fib);
  let propsAt: ((fc: number) => ParaProps) | null = null;
  try {
    propsAt = paraPropsReader(w, table, stream('Data'), fib);
  } catch {
    propsAt = null;
  }
  const paras = paragraphs(chars, propsAt);
  try {
    numberParagraphs(paras, readLists(table, fib));
  } catch {
    // List definitions we cannot read: the text without its drawn numbers, as before.
  }
  return layout(paras, propsAt !== null);
}

/** Paragraphs into HTML: tables from the cell marks and the row ends, else tab-joined lines. */
function layout(paras: Para[], haveProps: boolean): DocRead {
  const parts: string[] = [];
  let gridLost = false;
  let rows: TableRow[] = [];
  let cells: string[][] = [];
  let cell: string[] = [];
  const endTable = () => {
    if (cell.length) cells.push(cell);
    if (cells.length) rows.push({ cells });
    if (rows.length) {
      const html = tableHtml(rows);
      if (html) parts.push(html);
      else {
        gridLost = true;
        parts.push(tabLines(rows));
      }
    }
    rows = [];
    cells = [];
    cell = [];
  };
  if (!haveProps) return markOnly(paras);
  for (const p of paras) {
    if (p.props.inTable) {
      // A table nested in a cell: its paragraphs are text of the outer cell, its row ends nothing.
      if (p.props.depth > 1) {
        if (!p.props.innerTtp && p.text) cell.push(p.text);
        continue;
      }
      if (p.props.ttp) {
        // The row's end mark: the cells before it form the row, which it defines.
        if (cell.length) cells.push(cell);
        rows.push({ cells, def: p.props.row });
        cells = [];
        cell = [];
        continue;
      }
      cell.push(p.text);
      if (p.mark === '\x07') {
        cells.push(cell);
        cell = [];
      }
      continue;
    }
    endTable();
    if (p.text.trim() || p.mark === '\r') parts.push(paraHtml(p.text));
  }
  endTable();
  // Cell marks with no table flags anywhere: properties we could not read (a fast save, a writer's quirk).
  if (!gridLost && !parts.some((x) => x.startsWith('<table')) && paras.some((p) => p.mark === '\x07')) return markOnly(paras);
  return { html: parts.join('\n'), gridLost };
}

/**
 * Without paragraph properties: a cell mark ends a cell, two in a row end a row (the row's own end
 * mark follows its last cell's). An empty last cell cannot be told from a row end, hence gridLost.
 */
function markOnly(paras: Para[]): DocRead {
  const parts: string[] = [];
  let rows: TableRow[] = [];
  let cells: string[][] = [];
  let cell: string[] = [];
  let prevCellEnd = false;
  const flush = () => {
    if (cells.length) rows.push({ cells });
    if (rows.length) parts.push(tabLines(rows));
    rows = [];
    cells = [];
  };
  for (const p of paras) {
    if (p.mark === '\x07') {
      if (prevCellEnd && !p.text && !cell.length) {
        rows.push({ cells });
        cells = [];
        prevCellEnd = false;
        continue;
      }
      cell.push(p.text);
      cells.push(cell);
      cell = [];
      prevCellEnd = true;
      continue;
    }
    prevCellEnd = false;
    if (cells.length || rows.length) {
      // A paragraph inside a cell (before its mark) or after the table.
      if (!rows.length && !cells.length) parts.push(paraHtml(p.text));
      else {
        flush();
        parts.push(paraHtml(p.text));
      }
    } else parts.push(paraHtml(p.text));
  }
  flush();
  // Lost only where there was a table to lose.
  return { html: parts.join('\n'), gridLost: paras.some((p) => p.mark === '\x07') };
}

// ── Other files saved under a Word name: a web archive (MHT) and Word 2003 XML ──

/** The HTML of a web archive (.mht, or a .doc that Word saved as a single-file web page). */
export function mhtHtml(bytes: Uint8Array): string {
  const src = new TextDecoder('latin1').decode(bytes);
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(src.slice(0, 8192))?.[1];
  const parts = boundary ? src.split(`--${boundary}`) : [src];
  for (const part of parts) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const head = part.slice(0, split.index);
    if (!/content-type:\s*text\/html/i.test(head)) continue;
    const body = part.slice(split.index + split[0].length);
    const enc = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    const raw = enc === 'base64' ? base64Bytes(body) : enc === 'quoted-printable' ? quotedPrintableBytes(body) : latin1Bytes(body);
    const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(head)?.[1];
    return decodeBytes(raw, { contentType: charset ? `text/html; charset=${charset}` : null, html: true }).text;
  }
  throw new DocError('网页归档文件（MHT）中没有网页内容，无法读取', 'The web archive (MHT) holds no web page and cannot be read');
}

const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function base64Bytes(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const bin = atob(clean.slice(0, clean.length - (clean.length % 4)));
  return latin1Bytes(bin);
}

function quotedPrintableBytes(s: string): Uint8Array {
  const out: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return new Uint8Array(out);
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : XML_ENTITIES[e] ?? m));

// Word 2003 XML elements whose content is not the body's text.
const XML_SKIP = new Set(['w:instrText', 'w:delText', 'w:fldData', 'w:binData', 'w:docPr', 'w:styles', 'w:fonts', 'w:lists', 'w:hdr', 'w:ftr', 'w:footnote', 'w:endnote', 'w:annotation', 'w:rPr', 'w:pPr', 'w:sectPr', 'w:pict', 'o:DocumentProperties', 'o:CustomDocumentProperties']);

/**
 * Word 2003 XML (WordprocessingML 2003, often saved as .doc or .xml) into HTML: paragraphs, and
 * tables from w:gridSpan, w:gridBefore/After and w:vmerge. A small tag tokenizer (no XML parser
 * needed in Node). Throws DocError when it holds no w:body.
 */
export function wordXmlHtml(bytes: Uint8Array): DocRead {
  const src = new TextDecoder('utf-8').decode(bytes);
  const bodyAt = src.search(/<w:body[\s>]/);
  if (bodyAt < 0) throw new DocError('Word XML 文件中没有正文（w:body），无法读取', 'The Word XML file has no body (w:body) and cannot be read');
  const parts: string[] = [];
  let gridLost = false;
  // Open tables (nested ones are read as text of their cell).
  interface XCell {
    paras: string[];
    span: number;
    vmerge: '' | 'restart' | 'merged';
  }
  interface XRow {
    before: number;
    cells: XCell[];
  }
  const tables: XRow[][] = [];
  let row: XRow | null = null;
  let cell: XCell | null = null;
  let para: string | null = null;
  let inText = false;
  let skip = 0;
  const tag = /<(\/?)([\w:.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
  tag.lastIndex = bodyAt;
  const val = (attrs: string) => /w:val\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
  for (let m = tag.exec(src); m; m = tag.exec(src)) {
    const [, close, name, attrs, selfClose, chars] = m;
    if (chars !== undefined) {
      if (inText && !skip && para !== null) para += unXml(chars);
      continue;
    }
    if (XML_SKIP.has(name)) {
      if (selfClose) continue;
      skip += close ? -1 : 1;
      continue;
    }
    if (skip) {
      // Cell and row properties (w:tcPr, w:trPr) are not skipped: they hold the merges.
      continue;
    }
    if (close) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:p' && para !== null) {
        if (cell) cell.paras.push(para);
        else parts.push(paraHtml(para));
        para = null;
      } else if (name === 'w:tc' && cell && row) {
        row.cells.push(cell);
        cell = null;
      } else if (name === 'w:tr' && row && tables.length) {
        tables[tables.length - 1].push(row);
        row = null;
      } else if (name === 'w:tbl' && tables.length) {
        const rows = tables.pop()!;
        const html = xmlTableHtml(rows);
        if (html) parts.push(html);
        else {
          gridLost = true;
          parts.push(tabLines(rows.map((r) => ({ cells: r.cells.map((c) => c.paras) }))));
        }
      }
      if (name === 'w:body') break;
      continue;
    }
    switch (name) {
      case 'w:p':
        if (!selfClose) para = '';
        else if (cell) cell.paras.push('');
        break;
      case 'w:t':
        inText = !selfClose;
        break;
      case 'w:tab':
        if (para !== null) para += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (para !== null) para += '\n';
        break;
      case 'w:tbl':
        // A table nested in a cell: its text stays in the outer cell (read, never placed as a grid).
        if (!cell) tables.push([]);
        break;
      case 'w:tr':
        if (!cell) row = { before: 0, cells: [] };
        break;
      case 'w:tc':
        if (!cell) cell = { paras: [], span: 1, vmerge: '' };
        break;
      case 'w:gridBefore':
        if (row && !cell) row.before = Number(val(attrs) ?? 0) || 0;
        break;
      case 'w:gridSpan':
        if (cell) cell.span = Math.max(1, Number(val(attrs) ?? 1) || 1);
        break;
      case 'w:vmerge':
      case 'w:vMerge':
        if (cell) cell.vmerge = val(attrs) === 'restart' ? 'restart' : 'merged';
        break;
    }
  }
  return { html: parts.join('\n'), gridLost };
}

/** A Word 2003 XML table as HTML: grid positions from the spans, as tableHtml takes them. */
function xmlTableHtml(rows: { before: number; cells: { paras: string[]; span: number; vmerge: '' | 'restart' | 'merged' }[] }[]): string | null {
  const defined: TableRow[] = rows.map((r) => {
    const edges = [r.before];
    for (const c of r.cells) edges.push(edges[edges.length - 1] + c.span);
    return {
      cells: r.cells.map((c) => c.paras),
      // Grid columns as edges 100 twips apart (tableHtml merges edges closer than 15).
      def: { edges: edges.map((e) => e * 100), vmerge: r.cells.map((c) => c.vmerge), hmerge: r.cells.map(() => '' as const) },
    };
  });
  return tableHtml(defined.filter((r) => r.cells.length));
}

// ── List numbers as Word draws them (shared with docx.ts) ──

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (as Word's chineseCounting writes them, up to 99). */
function chineseCount(n: number, digits = CN_DIGITS, ten = '十'): string {
  if (n <= 0 || n >= 100) return String(n);
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${t > 1 ? digits[t] : ''}${t > 0 ? ten : ''}${u > 0 || t === 0 ? digits[u] : ''}`;
}

const roman = (n: number) => {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
};

/** A list number in one of Word's formats (those agencies use; others as decimal). */
export function formatNumber(n: number, format = 'decimal'): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCount(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseCount(n, CN_LEGAL, '拾');
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return String.fromCharCode(97 + ((n - 1) % 26));
    case 'upperLetter':
      return String.fromCharCode(65 + ((n - 1) % 26));
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}
