// The words of a text-table finding: the claim as printed, the table's figure with its names and
// its equation, the gap, and what may explain it (another scope, one part taken for the whole).
import type { Text } from '../../findings';
import type { ClaimRead } from '../../parse/claims';
import { colName } from '../names';
import type { Figure, Part } from './figures';

const round = (v: number) => Math.round(v * 1e6) / 1e6;

// The long wording of （二） in a message: its rule in brackets says nothing about the figure.
const trim = (name: string) => name.replace(/（区分处理的[^）]*）/u, '');

function term(p: Part, lang: 'zh' | 'en', short?: boolean): string {
  return `${short ? shortName(p, lang) : trim(lang === 'zh' ? p.zh : p.en)} ${p.value}`;
}

const BLANK = { zh: '（总计栏空白，按各申请人栏相加）', en: ' (totals left blank: the applicant columns added up)' };

/** Within a group ("（三）不予公开"), a sub-row by its own label ("1.属于国家秘密"). */
function shortName(p: Part, lang: 'zh' | 'en'): string {
  const name = trim(lang === 'zh' ? p.zh : p.en);
  if (lang === 'zh') return name.replace(/^表三「（[三四五六]）[^ 」]+ /u, '「').replace(/总计$/u, '');
  return name.replace(/^table 3, /u, '').replace(/, total$/u, '');
}

/** Many parts: those that hold something, and a count of the zeros (as the arithmetic rules do). */
function equation(parts: Part[], lang: 'zh' | 'en', short?: boolean): string {
  if (parts.length > 6) {
    const shown = parts.filter((p) => p.value !== 0);
    const zeros = parts.length - shown.length;
    if (zeros > 0) {
      const rest = lang === 'zh' ? `（其余 ${zeros} 项均为 0）` : ` (the other ${zeros} are all 0)`;
      return shown.length ? `${shown.map((p) => term(p, lang, short)).join(' + ')}${rest}` : rest.replace(/^ /, '');
    }
  }
  return parts.map((p) => term(p, lang, short)).join(' + ');
}

/** "表三「一、本年新收…」总计为 95", "表三「（三）不予公开」各项之和：… = 40". */
export function figureText(f: Figure, lang: 'zh' | 'en'): string {
  const blank = f.parts.some((p) => p.fromColumns) ? BLANK[lang] : '';
  if (f.parts.length === 1) return lang === 'zh' ? `${trim(f.parts[0].zh)}为 ${f.value}${blank}` : `${trim(f.parts[0].en)} is ${f.value}${blank}`;
  if (f.group) return lang === 'zh' ? `${f.group.zh}各项之和为 ${equation(f.parts, 'zh', true)} = ${f.value}${blank}` : `${f.group.en} adds up to ${equation(f.parts, 'en', true)} = ${f.value}${blank}`;
  return `${equation(f.parts, lang)} = ${f.value}${blank}`;
}

/** The text's number is one part of the figure, or one applicant column: the likely slip, said. */
function oneOf(claim: ClaimRead, f: Figure): Text | null {
  if (claim.value === 0 || claim.wording) return null;
  if (f.parts.length > 1) {
    const part = f.parts.find((p) => p.value === claim.value);
    if (part) return { zh: `；正文数字与其中${shortName(part, 'zh')} ${part.value} 相同`, en: `; the text's number is that of ${shortName(part, 'en')} alone` };
  }
  for (const p of f.parts)
    for (const c of p.columns ?? [])
      if (c.value === claim.value && p.value !== claim.value)
        return { zh: `；正文数字与${shortName(p, 'zh')}「${colName(c.ref, 'zh')}」栏 ${c.value} 相同`, en: `; the text's number is that of ${shortName(p, 'en')}, column ${colName(c.ref, 'en')}, alone` };
  return null;
}

/** Whose figure the text gives, when it says: the table may count another scope. */
function scopeNote(claim: ClaimRead, government: boolean): Text | null {
  if (!claim.scope) return null;
  if (claim.scope.narrow)
    return {
      zh: `；正文所述为「${claim.scope.text}」的数字，范围可能窄于表格（表格或为全辖区汇总）`,
      en: `; the text gives the figure of "${claim.scope.text}", which may be narrower than the table's (the table may cover the whole area)`,
    };
  // 「全区」 in a district government's report is the table's own scope.
  if (government) return null;
  return { zh: `；正文所述为「${claim.scope.text}」的数字，范围可能宽于表格（表格或仅为本机关）`, en: `; the text gives the figure of "${claim.scope.text}", which may be wider than the table's (the table may cover this office alone)` };
}

/** A claim against the table: the claim as printed, the figure, the gap, and why it may differ. */
export function claimMessage(claim: ClaimRead, main: Figure, others: Figure[], opts: { sure: boolean; government: boolean }): Text {
  const gap = round(Math.abs(claim.value - main.value));
  const also = others.length
    ? {
        zh: `（${others.map((o) => (o.parts.length === 2 && claim.kind === 'received' ? `加上年结转为 ${o.value}` : `${figureText(o, 'zh')}`)).join('；')}）`,
        en: ` (${others.map((o) => (o.parts.length === 2 && claim.kind === 'received' ? `${o.value} with the carried-over requests` : figureText(o, 'en'))).join('; ')})`,
      }
    : { zh: '', en: '' };
  const said = { zh: `正文称「${claim.text}」，但`, en: `The text says "${claim.text}", but ` };
  const gapText = claim.wording ? { zh: '', en: '' } : { zh: `，相差 ${gap}`, en: `, a gap of ${gap}` };
  const hint = oneOf(claim, main) ?? { zh: '', en: '' };
  const scope = scopeNote(claim, opts.government) ?? { zh: '', en: '' };
  const close = opts.sure
    ? { zh: '；正文用的是表格本身的栏目名称，两者应一致', en: "; the text uses the table's own wording, so the two must agree" }
    : claim.kind === 'received' && !scope.zh
      ? { zh: '；如统计口径不同（如仅指本机关或全辖区），请在正文中说明，请人工核对', en: '; if the text speaks of another scope (the office alone, the whole district), it should say so; please check by eye' }
      : { zh: '，请人工核对', en: '; please check by eye' };
  return {
    zh: `${said.zh}${figureText(main, 'zh')}${also.zh}${gapText.zh}${hint.zh}${scope.zh}${close.zh}`,
    en: `${said.en}${figureText(main, 'en')}${also.en}${gapText.en}${hint.en}${scope.en}${close.en}`,
  };
}

const KIND_ZH: Record<string, string> = {
  open: '予以公开',
  partial: '部分公开',
  'open-partial': '予以公开及部分公开',
  refused: '不予公开',
  unavailable: '无法提供',
  unprocessed: '不予处理',
  'other-outcome': '其他处理',
};
const KIND_EN: Record<string, string> = {
  open: 'disclosed',
  partial: 'partly disclosed',
  'open-partial': 'disclosed in whole or in part',
  refused: 'not disclosed',
  unavailable: 'cannot be provided',
  unprocessed: 'not processed',
  'other-outcome': 'otherwise handled',
};

/** The outcomes the text lists do not add up to the total it states. */
export function sumMessage(outcomes: ClaimRead[], total: ClaimRead, sum: number, table: number | null): Text {
  const zhParts = outcomes.map((c) => `${KIND_ZH[c.kind]} ${c.value}`).join(' + ');
  const enParts = outcomes.map((c) => `${KIND_EN[c.kind]} ${c.value}`).join(' + ');
  const gap = round(Math.abs(sum - total.value));
  const tableZh = table != null ? `（表三「（七）总计」为 ${table}）` : '';
  const tableEn = table != null ? ` (table 3's total is ${table})` : '';
  return {
    zh: `正文所列各项办理结果之和为 ${zhParts} = ${sum}，但正文称「${total.text}」${tableZh}，相差 ${gap}，请人工核对`,
    en: `The outcomes the text lists add up to ${enParts} = ${sum}, but the text says "${total.text}"${tableEn}, a gap of ${gap}; please check by eye`,
  };
}
