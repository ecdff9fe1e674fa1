// The readable summary: one block per input, findings grouped by section and table, each with its equation.
import { countBySeverity, type CheckResult } from '../check';
import type { Finding, Severity, Text } from '../findings';
import { SECTION_NAMES } from '../i18n';
import { templateName } from '../rules/names';
import type { Lang } from '../json';

const MARK: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '✗ 错误', en: '✗ error' },
  warning: { zh: '! 警告', en: '! warning' },
  info: { zh: 'i 提示', en: 'i note' },
};

const PLACE_ZH = ['全文', '第一部分 总体情况', '第二部分 / 表二', '第三部分 / 表三', '第四部分 / 表四', '第五部分 问题及改进', '第六部分 其他事项'];
const PLACE_EN = SECTION_NAMES.en.map((name, n) => (n === 0 ? name : `Section ${n}: ${name}${n >= 2 && n <= 4 ? ` / table ${n}` : ''}`));
const TABLE_SECTION: Record<string, number> = { t2: 2, t3: 3, t4: 4 };

const placeOf = (f: Finding) => f.section ?? (f.cells[0] ? TABLE_SECTION[f.cells[0].table] : 0);

/** `crossYear`: what the cross-year rules compared this report with (lib/cli/history.ts). */
export function summary(input: string, result: CheckResult, lang: Lang = 'zh', crossYear?: Text): string {
  const zh = lang === 'zh';
  const lines: string[] = [`━━ ${input}`];
  if (!result.report) {
    // Not a report, or a report we failed to parse (then the notices say why).
    if (!result.detection.isReport)
      lines.push(zh ? '未检测到政府信息公开工作年度报告（可用 --force 强制检查）。' : 'No government information-disclosure annual report was detected (use --force to check anyway).');
    for (const n of result.notices) lines.push(`  ⚠ ${n[lang]}`);
    return lines.join('\n');
  }
  const r = result.report;
  if (r) {
    const fmt = r.format === '2021' || r.format === '2019' ? (zh ? `${r.format}（${templateName(r.format, 'zh')}）` : templateName(r.format, 'en')) : r.format;
    lines.push(zh ? `《${r.title ?? '（未找到标题）'}》 年度：${r.year ?? '未知'} · 格式：${fmt}` : `"${r.title ?? '(no title found)'}" year: ${r.year ?? 'unknown'} · format: ${fmt}`);
  }
  const c = countBySeverity(result.findings);
  lines.push(zh ? `结论：${c.errors} 个错误，${c.warnings} 个警告，${c.infos} 个提示` : `Result: ${c.errors} error(s), ${c.warnings} warning(s), ${c.infos} note(s)`);
  if (crossYear) lines.push(crossYear[lang]);
  for (const n of result.notices) lines.push(`  ⚠ ${n[lang]}`);
  let place = -1;
  for (const f of result.findings) {
    const p = placeOf(f);
    if (p !== place) {
      place = p;
      lines.push(zh ? `【${PLACE_ZH[p]}】` : `[${PLACE_EN[p]}]`);
    }
    lines.push(`  ${MARK[f.severity][lang]} [${f.rule}] ${f.message[lang]}`);
  }
  if (result.findings.length === 0 && result.notices.length === 0) lines.push(zh ? '  未发现问题。' : '  Nothing found.');
  else if (result.findings.length === 0) lines.push(zh ? '  除上述未能核对之处外，未发现问题。' : '  Nothing found, apart from what could not be checked (above).');
  return lines.join('\n');
}
