// Row and column labels that differ from the official wording: older format, known variant, typo, truncated.
import { finding, type Rule } from '../findings';
import type { LabelRead } from '../parse/types';
import { typoLimit } from '../parse/labels';
import { tableEn, tableZh } from './names';

const NOTE = {
  'old-format': { zh: '这是2019年试行格式的用语', en: 'this is the wording of the 2019 trial format' },
  variant: { zh: '与规定用语不一致', en: 'it differs from the official wording' },
  typo: { zh: '疑似错别字', en: 'it looks like a typo' },
};

function judge(l: LabelRead): { zh: string; en: string } | null {
  if (l.variant) return NOTE[l.variant.note];
  // A label read from a picture: an odd character is more likely our misread than the report's typo.
  if (l.ocr) return null;
  if (l.truncated) return { zh: '标签不完整（被截断）', en: 'the label is cut short' };
  if (l.distance > 0 && !l.joined && l.distance <= typoLimit(l.canonical)) return { zh: '疑似错别字或漏字', en: 'it looks like a typo or missing characters' };
  return null;
}

export const labelVariant: Rule = {
  id: 'label-variant',
  run(report) {
    return Object.values(report.tables).flatMap((table) =>
      table.labels.flatMap((l) => {
        const why = judge(l);
        if (!why) return [];
        const kind = l.ref.row ? { zh: '行标签', en: 'row label' } : { zh: '列标题', en: 'column header' };
        // A cut-short header in a text extraction is as likely the extraction's doing as the report's.
        const severity = l.truncated && !l.html ? 'info' : 'warning';
        return [
          finding(
            'label-variant',
            severity,
            {
              zh: `${tableZh(table.id)}${kind.zh}印为「${l.printed}」，规定用语为「${l.canonical}」：${why.zh}`,
              en: `${tableEn(table.id)} ${kind.en} reads "${l.printed}"; the official wording is "${l.canonical}": ${why.en}`,
            },
            { cells: [{ table: l.ref.table, row: l.ref.row, col: l.ref.col, value: null, anchor: l.anchor }] },
          ),
        ];
      }),
    );
  },
};
