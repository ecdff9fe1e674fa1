// A mandatory section is absent (Art. 50; spec §3.2, §5). One finding per section.
import { finding, type Rule } from '../findings';

export const sectionMissing: Rule = {
  id: 'section-missing',
  scope: 'report',
  run(report) {
    if (report.format === 'pre-2019') return [];
    return report.sections.flatMap((s, i) => {
      if (s.found) return [];
      const before = report.sections.slice(0, i).reverse().find((p) => p.found);
      const after = report.sections.slice(i + 1).find((p) => p.found);
      // Marked where it should stand: just above the next section, or below the one before it.
      const place = after ? { anchor: after.anchor, where: 'before' as const } : { anchor: before?.anchor, where: 'after' as const };
      if (s.contentOnly)
        return [
          finding(
            'section-missing',
            'warning',
            {
              zh: `没有找到第${'一二三四五六'[s.n - 1]}部分的标题「${s.official}」，但相关内容似乎存在（如「${s.heading}」）：请确认是否漏写标题`,
              en: `The heading of section ${s.n} "${s.official}" was not found, but its content seems present (e.g. "${s.heading}"): please check whether the heading was left out`,
            },
            { section: s.n, anchor: s.anchor },
          ),
        ];
      if (s.unsure === 'flattened')
        return [
          finding(
            'section-missing',
            'warning',
            {
              zh: `没有找到第${'一二三四五六'[s.n - 1]}部分「${s.official}」。本页文字连成少数几个长段，标题与正文连在一起，无法可靠区分各部分：请人工核对是否缺少此部分`,
              en: `Section ${s.n} "${s.official}" was not found. The text of this page runs on in a few long lines, headings joined to the text, so the sections cannot be told apart with certainty: please check by eye whether it is missing`,
            },
            { section: s.n, ...place },
          ),
        ];
      return [
        finding(
          'section-missing',
          'error',
          {
            zh: `缺少第${'一二三四五六'[s.n - 1]}部分「${s.official}」：年度报告格式要求六个部分齐全`,
            en: `Section ${s.n} "${s.official}" is missing: the format requires all six sections`,
          },
          { section: s.n, ...place },
        ),
      ];
    });
  },
};
