// RTF into HTML for the DOM path: a small tokenizer that keeps the text (\u, \'hh in the document's
// or the font's code page), paragraphs, and table rows from \cellx (cell edges), \clvmgf/\clvmrg
// (vertical merges), \cell and \row. Destinations that are not text (font tables, pictures,
// headers, field codes, anything under \*) are skipped. Browser-safe.
import { paraHtml, tabLines, tableHtml, type DocRead, type RowDef, type TableRow } from './doc';

export class RtfError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

// Destinations whose content is not the document's text.
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'footnote', 'annotation', 'object', 'fldinst', 'listtable', 'listoverridetable', 'revtbl', 'rsidtbl', 'xmlnstbl', 'themedata', 'colorschememapping',
  'datastore', 'latentstyles', 'generator', 'pgdsctbl', 'filetbl', 'pnseclvl', 'shp', 'shpinst', 'nonshppict', 'bkmkstart', 'bkmkend', 'ftnsep', 'ftnsepc', 'aftnsep', 'aftnsepc',
]);

const SYMBOLS: Record<string, string> = { emdash: '\u2014', endash: '\u2013', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c', rdblquote: '\u201d', bullet: '\u2022', emspace: '\u2003', enspace: '\u2002', qmspace: '\u2005' };
const CHARSETS: Record<number, string> = { 0: 'windows-1252', 134: 'gbk', 136: 'big5', 128: 'shift_jis', 129: 'euc-kr', 238: 'windows-1250', 204: 'windows-1251' };
const CODEPAGES: Record<number, string> = { 936: 'gbk', 950: 'big5', 932: 'shift_jis', 949: 'euc-kr', 1252: 'windows-1252', 1250: 'windows-1250', 1251: 'windows-1251' };

interface Group {
  skip: boolean;
  /** Inside \upr: its first group is the ANSI copy of the text, skipped; the \ud group is read. */
  upr?: boolean;
  uc: number;
  font: number;
  fonttbl: boolean;
}

const decoders = new Map<string, TextDecoder>();
function decoder(name: string): TextDecoder {
  let d = decoders.get(name);
  if (!d) {
    try {
      d = new TextDecoder(name);
    } catch {
      d = new TextDecoder('windows-1252');
    }
    decoders.set(name, d);
  }
  return d;
}

/**
 * Reads an RTF file into HTML (text escaped), saying whether the table grid was lost (rows whose
 * cells and \cellx edges disagree: tab-joined lines instead). Throws RtfError when it is not RTF.
 */
export function readRtf(bytes: Uint8Array): DocRead {
  const src = new TextDecoder('latin1').decode(bytes);
  if (!/^[\s\ufeff\u00ef\u00bb\u00bf]{0,8}\{\\rtf/.test(src)) throw new RtfError('这不是有效的 RTF 文件，无法读取', 'This is not a valid RTF file and cannot be read');
  const parts: string[] = [];
  let gridLost = false;
  let codepage = 'windows-1252';
  const fontCharset = new Map<number, string>();
  const stack: Group[] = [];
  let g: Group = { skip: false, uc: 1, font: -1, fonttbl: false };
  let text = '';
  let pendingBytes: number[] = [];
  let skipFallback = 0;
  // Table state: the row being defined, the cells of the row being read.
  let def: RowDef = { edges: [0], vmerge: [], hmerge: [] };
  let pendingV: RowDef['vmerge'][number] = '';
  let pendingH: RowDef['hmerge'][number] = '';
  let inTable = false;
  let cell: string[] = [];
  let cells: string[][] = [];
  let rows: TableRow[] = [];

  const flushBytes = () => {
    if (!pendingBytes.length) return;
    const cs = fontCharset.get(g.font) ?? codepage;
    text += decoder(cs).decode(new Uint8Array(pendingBytes));
    pendingBytes = [];
  };
  const emit = (s: string) => {
    if (g.skip) return;
    if (skipFallback > 0) {
      skipFallback--;
      return;
    }
    flushBytes();
    text += s;
  };
  const endTable = () => {
    if (cell.length || cells.length) {
      if (cell.length) cells.push(cell);
      rows.push({ cells, def: undefined });
    }
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
  const endPara = (kind: 'par' | 'cell' | 'row') => {
    flushBytes();
    const t = text;
    text = '';
    if (kind === 'row') {
      if (t.trim()) cell.push(t);
      if (cell.length) cells.push(cell);
      rows.push({ cells, def: { edges: [...def.edges], vmerge: [...def.vmerge], hmerge: [...def.hmerge] } });
      cells = [];
      cell = [];
      return;
    }
    if (kind === 'cell') {
      cell.push(t);
      cells.push(cell);
      cell = [];
      return;
    }
    if (inTable) {
      cell.push(t);
      return;
    }
    endTable();
    parts.push(paraHtml(t));
  };

  const re = /\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([\r\n]+)|([^\\{}\r\n]+)/gy;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const [, word, num, hex, sym, brace, , plain] = m;
    if (brace === '{') {
      stack.push(g);
      g = { ...g, upr: false, skip: g.skip || !!g.upr };
      continue;
    }
    if (brace === '}') {
      flushBytes();
      g = stack.pop() ?? g;
      skipFallback = 0;
      continue;
    }
    if (plain !== undefined) {
      if (g.fonttbl || g.skip) continue;
      if (skipFallback > 0) {
        const drop = Math.min(skipFallback, plain.length);
        skipFallback -= drop;
        if (drop < plain.length) emit(plain.slice(drop));
        continue;
      }
      emit(plain);
      continue;
    }
    if (hex !== undefined) {
      if (g.skip || g.fonttbl) continue;
      if (skipFallback > 0) {
        skipFallback--;
        continue;
      }
      pendingBytes.push(parseInt(hex, 16));
      continue;
    }
    if (sym !== undefined) {
      if (sym === '*') g.skip = true;
      else if (sym === '~') emit('\u00a0');
      else if (sym === '_') emit('-');
      else if (sym === '\\' || sym === '{' || sym === '}') emit(sym);
      else if (sym === '\n' || sym === '\r') endPara('par');
      continue;
    }
    if (!word) continue;
    const n = num === undefined ? undefined : Number(num);
    if (word === 'upr') {
      g.upr = true;
      continue;
    }
    if (word === 'ud' && stack.length && stack[stack.length - 1].upr) {
      // The Unicode copy of the \upr text: read, whatever skipped it so far.
      g.skip = stack[stack.length - 1].skip;
      continue;
    }
    if (SKIP.has(word)) {
      g.skip = true;
      if (word === 'fonttbl') {
        g.skip = false;
        g.fonttbl = true;
      }
      continue;
    }
    if (g.fonttbl) {
      if (word === 'f' && n !== undefined) g.font = n;
      else if (word === 'fcharset' && n !== undefined && CHARSETS[n]) fontCharset.set(g.font, CHARSETS[n]);
      continue;
    }
    switch (word) {
      case 'ansicpg':
        if (n !== undefined && CODEPAGES[n]) codepage = CODEPAGES[n];
        break;
      case 'bin':
        // Binary data: skipped whole.
        re.lastIndex += n ?? 0;
        break;
      case 'uc':
        g.uc = n ?? 1;
        break;
      case 'u':
        if (n !== undefined) {
          emit(String.fromCharCode(n < 0 ? n + 65536 : n));
          skipFallback = g.uc;
        }
        break;
      case 'f':
        flushBytes();
        g.font = n ?? -1;
        break;
      case 'par':
      case 'sect':
      case 'page':
        if (!g.skip) endPara('par');
        break;
      case 'line':
        emit('\n');
        break;
      case 'tab':
        emit('\t');
        break;
      case 'pard':
        inTable = false;
        break;
      case 'intbl':
        inTable = true;
        break;
      case 'cell':
        if (!g.skip) endPara('cell');
        break;
      case 'row':
        if (!g.skip) endPara('row');
        inTable = false;
        break;
      case 'trowd':
        // A row's definition starts (Word writes it before the row's cells, and again before \row).
        def = { edges: [0], vmerge: [], hmerge: [] };
        break;
      case 'trleft':
        def.edges[0] = n ?? 0;
        break;
      case 'clvmgf':
        pendingV = 'restart';
        break;
      case 'clvmrg':
        pendingV = 'merged';
        break;
      case 'clmgf':
        pendingH = 'first';
        break;
      case 'clmrg':
        pendingH = 'merged';
        break;
      case 'cellx':
        def.edges.push(n ?? 0);
        def.vmerge.push(pendingV);
        def.hmerge.push(pendingH);
        pendingV = '';
        pendingH = '';
        break;
      default:
        if (SYMBOLS[word]) emit(SYMBOLS[word]);
    }
  }
  flushBytes();
  if (text.trim()) endPara('par');
  endTable();
  return { html: parts.join('\n'), gridLost };
}
