// The plain-text note "复制说明" puts on the clipboard for a memo.
import type { Finding } from '../findings';
import { RULE_WORDS, strings, type Lang } from '../i18n';

const SEV = { zh: { error: '错误', warning: '警告', info: '提示' }, en: { error: 'Error', warning: 'Warning', info: 'Note' } };

export function noteOf(f: Finding, ctx: { title: string | null; year: number | null; url: string }, lang: Lang): string {
  const s = strings[lang];
  return [
    s.noteHeader(ctx.title ?? s.noTitle, ctx.year ? String(ctx.year) : s.unknown),
    `${SEV[lang][f.severity]} [${f.rule}] ${RULE_WORDS[f.rule]?.[lang] ?? ''}`,
    f.message[lang],
    `${s.pageLabel}: ${ctx.url}`,
  ].join('\n');
}
