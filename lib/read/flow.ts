// Splits running text (a PDF text line, a paragraph, a flattened table) into tokens.
import { classify, isProse, type Anchor, type Token } from '../model';

/** Splits before Chinese ordinals that open a clause or a row, and after sentence ends. */
const PIECE_RE = /(?<=[。；！？])|(?=[一二三四五六七八九十]、)|(?=[（(][一二三四五六七八九十][）)])/u;
/** Digits glued to text: "713000074二、上年结转", "00000002.其他法律", "行政事业性收费9116.36". */
const RUN_RE = /\d+(?:[.,]\d+)*(?:万元|亿元|元|件|条|个|项|次)?|[^\d]+/gu;

export interface FlowPiece {
  text: string;
  offset: number;
  prose: boolean;
}

/** Pieces of a line: sentences and ordinal-led clauses, each flagged as prose or not. */
const PIECE_HINT = /[。；！？、）)]/u;

export function pieces(text: string): FlowPiece[] {
  if (!PIECE_HINT.test(text)) return [{ text, offset: 0, prose: isProse(text) }];
  const out: FlowPiece[] = [];
  let offset = 0;
  for (const part of text.split(PIECE_RE)) {
    if (part) out.push({ text: part, offset, prose: isProse(part) });
    offset += part.length;
  }
  return out;
}

/**
 * Tokens of running text. Items are separated by white space; digits glued to
 * text are split off, keeping a one-digit ordinal ("2.其他") with its label.
 */
/**
 * `positions`: the text keeps its layout (pdftotext -layout, a <pre>): each token's horizontal
 * centre in characters is kept, so that a row which lost a blank cell can be placed by column.
 */
export function flowTokens(text: string, anchorAt: (offset: number, length: number) => Anchor, positions = false): Token[] {
  const tokens: Token[] = [];
  // Both measures of a column: characters (pdftotext counts them) and display width (a text laid
  // out by eye in a monospace editor, where a Chinese character takes two columns).
  const widths = positions ? displayPrefix(text) : null;
  const at = (offset: number, length: number) => (widths ? { x: offset + length / 2, xw: (widths[offset] + widths[offset + length]) / 2 } : {});
  for (const piece of pieces(text)) {
    const itemRe = /\S+/gu;
    for (let m = itemRe.exec(piece.text); m; m = itemRe.exec(piece.text)) {
      const item = m[0];
      const base = piece.offset + m.index;
      const whole = classify(item);
      if (whole.kind !== 'text') {
        tokens.push({ ...whole, raw: item, cell: false, confident: true, prose: piece.prose, ...at(base, item.length), anchor: anchorAt(base, item.length) });
        continue;
      }
      for (const run of splitGlued(item)) {
        const c = classify(run.text);
        tokens.push({
          ...c,
          raw: run.text,
          cell: false,
          confident: true,
          prose: piece.prose,
          ...(run.glued && c.kind === 'number' ? { digits: true } : {}),
          ...at(base + run.offset, run.text.length),
          anchor: anchorAt(base + run.offset, run.text.length),
        });
      }
    }
  }
  return tokens;
}

interface Run {
  text: string;
  offset: number;
  glued: boolean;
}

function splitGlued(item: string): Run[] {
  const runs: Run[] = [];
  for (const m of item.matchAll(RUN_RE)) runs.push({ text: m[0], offset: m.index ?? 0, glued: false });
  if (runs.length === 1) return runs;
  const out: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    const isDigits = /^\d/.test(r.text);
    if (!isDigits) {
      // Digits inside a word of text ("第二十条", "12345转办件") stay text: only glue numbers at the edges of labels.
      out.push(r);
      continue;
    }
    const next = runs[i + 1];
    // A one-digit ordinal before "." or "、" and a CJK label: "2.其他…", "00000002.其他…" -> "0000000" + "2.其他…".
    if (next && /^[.、．]/.test(next.text) && !/\d[.,]\d/.test(r.text)) {
      const ordinal = r.text.slice(-1);
      const rest = r.text.slice(0, -1);
      if (rest) out.push({ text: rest, offset: r.offset, glued: true });
      next.text = ordinal + next.text;
      next.offset -= 1;
      continue;
    }
    // A decimal number ending right before an ordinal dot is handled above; a number followed by "." then digits is a decimal.
    out.push({ ...r, glued: true });
  }
  // Merge consecutive text runs back together.
  const merged: Run[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    const isText = !/^\d/.test(r.text);
    if (last && isText && !/^\d/.test(last.text) && last.offset + last.text.length === r.offset) last.text += r.text;
    else merged.push({ ...r });
  }
  return merged;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Display columns before each offset of a line (a wide character counts two). */
function displayPrefix(text: string): number[] {
  const out = new Array<number>(text.length + 1);
  out[0] = 0;
  for (let i = 0; i < text.length; i++) out[i + 1] = out[i] + (WIDE.test(text[i]) ? 2 : 1);
  return out;
}
