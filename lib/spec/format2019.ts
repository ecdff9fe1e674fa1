// 国办公开办函〔2019〕60号: the trial format used for the 2019 and 2020 reports (spec §4).
import { identities, label, subtable, sections, t3Columns, t3Groups, t3RowsHead, t3RowsTail, t4 } from './common';

const itemColumns = [
  label('previous', '上一年项目数量'),
  label('change', '本年增/减', { variants: [{ text: '本年增减', note: 'variant' }] }),
  label('decisions', '处理决定数量'),
];

export const format2019 = {
  id: '2019' as const,
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  citation: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  sections,
  t2: {
    subtables: [
      subtable({
        caption: '第二十条第（一）项',
        columns: [label('made', '本年新制作数量'), label('published', '本年新公开数量'), label('total-public', '对外公开总数量')],
        rows: [label('regulations', '规章', { keywords: ['规章'] }), label('normative', '规范性文件', { keywords: ['规范性文件'] })],
      }),
      subtable({
        caption: '第二十条第（五）项',
        columns: itemColumns,
        rows: [
          label('licensing', '行政许可', { keywords: ['许可'] }),
          label('other-services', '其他对外管理服务事项', { keywords: ['对外管理服务'] }),
        ],
        signed: ['change'],
      }),
      subtable({
        caption: '第二十条第（六）项',
        columns: itemColumns,
        rows: [label('penalty', '行政处罚', { keywords: ['处罚'] }), label('coercion', '行政强制', { keywords: ['强制'] })],
        signed: ['change'],
      }),
      subtable({
        caption: '第二十条第（八）项',
        columns: itemColumns.slice(0, 2),
        rows: [label('fees', '行政事业性收费', { keywords: ['收费'] })],
        signed: ['change'],
      }),
      subtable({
        caption: '第二十条第（九）项',
        columns: [label('purchase-count', '采购项目数量'), label('purchase-amount', '采购总金额')],
        rows: [label('procurement', '政府集中采购', { keywords: ['集中采购'] })],
        decimal: ['purchase-amount'],
      }),
    ],
  },
  t3: {
    columns: t3Columns,
    rows: [
      ...t3RowsHead,
      { ...label('t', '（六）其他处理', { keywords: ['其他处理'] }), role: 'detail' as const },
      ...t3RowsTail,
    ],
    groups: t3Groups.filter((g) => g.key !== 't'),
  },
  t4,
  identities,
  signatures: {
    t2: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项', '政府集中采购', '第二十条第(九)项'],
  },
};
