// A section heading that differs from the official wording: a variant (info) or misspelt / renumbered (warning).
import { finding, type Rule } from '../findings';

export const sectionHeadingVariant: Rule = {
  id: 'section-heading-variant',
  scope: 'report',
  run(report) {
    return report.sections.flatMap((s) => {
      if (!s.found || (s.wording === 'official' && !s.renumbered)) return [];
      const misspelt = s.wording === 'misspelt';
      const zhWhy = s.renumbered
        ? '序号与格式规定的顺序不一致'
        : misspelt
          ? '疑似错别字或漏字'
          : s.wording === 'variant'
            ? '为常见的非规范写法'
            : '与规定用语不一致';
      const enWhy = s.renumbered ? 'its number does not match its place in the format' : misspelt ? 'it looks misspelt' : 'it differs from the official wording';
      return [
        finding(
          'section-heading-variant',
          misspelt || s.renumbered ? 'warning' : 'info',
          {
            zh: `第${'一二三四五六'[s.n - 1]}部分标题印为「${s.heading}」，规定标题为「${s.official}」：${zhWhy}`,
            en: `The heading of section ${s.n} reads "${s.heading}"; the official heading is "${s.official}": ${enWhy}`,
          },
          { section: s.n, anchor: s.anchor },
        ),
      ];
    });
  },
};
