// 国办公开办函〔2021〕30号: the current format (spec §3).
import { identities, label, subtable, sections, t3Columns, t3Groups, t3RowsHead, t3RowsTail, t4 } from './common';

export const format2021 = {
  id: '2021' as const,
  name: '中华人民共和国政府信息公开工作年度报告格式',
  citation: '国办公开办函〔2021〕30号',
  years: { from: 2021, to: null },
  sections,
  t2: {
    subtables: [
      subtable({
        caption: '第二十条第（一）项',
        columns: [
          label('issued', '本年制发件数', { variants: [{ text: '本年新制作数量', note: 'old-format' }] }),
          label('repealed', '本年废止件数', { variants: [{ text: '本年新公开数量', note: 'old-format' }] }),
          label('in-force', '现行有效件数', { variants: [{ text: '对外公开总数量', note: 'old-format' }] }),
        ],
        rows: [
          label('regulations', '规章', { keywords: ['规章'] }),
          label('normative', '行政规范性文件', {
            keywords: ['规范性文件'],
            variants: [{ text: '规范性文件', note: 'old-format' }],
          }),
        ],
      }),
      subtable({
        caption: '第二十条第（五）项',
        columns: [label('decisions', '本年处理决定数量', { variants: [{ text: '处理决定数量', note: 'old-format' }] })],
        rows: [label('licensing', '行政许可', { keywords: ['许可'] })],
      }),
      subtable({
        caption: '第二十条第（六）项',
        columns: [label('decisions', '本年处理决定数量', { variants: [{ text: '处理决定数量', note: 'old-format' }] })],
        rows: [label('penalty', '行政处罚', { keywords: ['处罚'] }), label('coercion', '行政强制', { keywords: ['强制'] })],
      }),
      subtable({
        caption: '第二十条第（八）项',
        columns: [label('amount', '本年收费金额（单位：万元）')],
        rows: [label('fees', '行政事业性收费', { keywords: ['收费'] })],
        decimal: ['amount'],
      }),
    ],
  },
  t3: {
    columns: t3Columns,
    rows: [
      ...t3RowsHead,
      {
        ...label('t1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', { keywords: ['不补正'] }),
        role: 'detail' as const,
        group: 't',
      },
      {
        ...label('t2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', {
          keywords: ['收费通知', '缴纳费用'],
        }),
        role: 'detail' as const,
        group: 't',
      },
      { ...label('t3', '3.其他', { keywords: ['其他'] }), role: 'detail' as const, group: 't' },
      ...t3RowsTail,
    ],
    groups: t3Groups,
  },
  t4,
  identities,
  signatures: { t2: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'] },
};
