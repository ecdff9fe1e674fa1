// Parts shared by the 2019 trial format and the 2021 format (spec §3.2, §3.4, §3.5, §4.2–4.5).
import type { Label } from './schema';

const label = (key: string, text: string, extra: Partial<Label> = {}): Label => ({
  key,
  label: text,
  variants: [],
  keywords: [],
  ...extra,
});
export { label };

/** A sub-table of table 二 with its optional lists filled in. */
export const subtable = (st: { caption: string; columns: Label[]; rows: Label[]; signed?: string[]; decimal?: string[] }) => ({
  signed: [],
  decimal: [],
  ...st,
});

export const sections = [
  { n: 1, heading: '一、总体情况', variants: ['一、概述'], keywords: [['总体情况', '概述']] },
  {
    n: 2,
    heading: '二、主动公开政府信息情况',
    variants: ['二、行政机关主动公开政府信息情况'],
    keywords: [['主动公开']],
    table: 't2' as const,
  },
  {
    n: 3,
    heading: '三、收到和处理政府信息公开申请情况',
    variants: [],
    keywords: [['收到和处理', '申请情况']],
    table: 't3' as const,
  },
  {
    n: 4,
    heading: '四、政府信息公开行政复议、行政诉讼情况',
    variants: [
      '四、因政府信息公开工作被申请行政复议提起行政诉讼情况',
      '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况',
      '四、政府信息公开行政复议及行政诉讼情况',
      '四、政府信息公开行政复议和行政诉讼情况',
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '四、政府信息公开工作行政复议、行政诉讼情况',
      '四、被申请行政复议、提起行政诉讼情况',
    ],
    keywords: [['复议'], ['诉讼']],
    table: 't4' as const,
  },
  {
    n: 5,
    heading: '五、存在的主要问题及改进情况',
    variants: ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在问题及改进情况', '五、存在的问题及改进情况'],
    keywords: [['问题'], ['改进', '整改', '措施']],
  },
  { n: 6, heading: '六、其他需要报告的事项', variants: ['其他需要报告的事项'], keywords: [['其他需要报告']] },
];

export const t3Columns: Label[] = [
  label('natural', '自然人'),
  label('commercial', '商业企业', { variants: [{ text: '商业机构', note: 'variant' }] }),
  label('research', '科研机构'),
  label('social', '社会公益组织'),
  label('legal', '法律服务机构'),
  label('other', '其他'),
  label('total', '总计', { variants: [{ text: '合计', note: 'variant' }] }),
];

const applicantColumns = t3Columns.slice(0, 6).map((c) => c.key);

const row = (key: string, text: string, role: 'input' | 'detail' | 'total' | 'carry', extra: Partial<Label> & { group?: string } = {}) => ({
  ...label(key, text, extra),
  role,
  ...(extra.group ? { group: extra.group } : {}),
});

/** Rows shared by both formats, in order; the (六) rows differ and are inserted by each format. */
export const t3RowsHead = [
  row('a', '一、本年新收政府信息公开申请数量', 'input', {
    keywords: ['新收', '接收'],
    variants: [{ text: '一、本年接收政府信息公开数量', note: 'variant' }],
  }),
  row('b', '二、上年结转政府信息公开申请数量', 'input', { keywords: ['上年结转'] }),
  row('c', '（一）予以公开', 'detail', { keywords: ['予以公开'] }),
  row('d', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'detail', { keywords: ['部分公开'] }),
  row('e1', '1.属于国家秘密', 'detail', { group: 'e', keywords: ['国家秘密'] }),
  row('e2', '2.其他法律行政法规禁止公开', 'detail', { group: 'e', keywords: ['禁止公开', '行政止公开', '法规'] }),
  row('e3', '3.危及“三安全一稳定”', 'detail', { group: 'e', keywords: ['三安全'] }),
  row('e4', '4.保护第三方合法权益', 'detail', { group: 'e', keywords: ['第三方'] }),
  row('e5', '5.属于三类内部事务信息', 'detail', { group: 'e', keywords: ['内部事务'] }),
  row('e6', '6.属于四类过程性信息', 'detail', { group: 'e', keywords: ['过程性'] }),
  row('e7', '7.属于行政执法案卷', 'detail', { group: 'e', keywords: ['执法案卷'] }),
  row('e8', '8.属于行政查询事项', 'detail', { group: 'e', keywords: ['查询事项'] }),
  row('f1', '1.本机关不掌握相关政府信息', 'detail', { group: 'f', keywords: ['不掌握'] }),
  row('f2', '2.没有现成信息需要另行制作', 'detail', { group: 'f', keywords: ['另行制作', '现成'] }),
  row('f3', '3.补正后申请内容仍不明确', 'detail', { group: 'f', keywords: ['补正后', '不明确'] }),
  row('g1', '1.信访举报投诉类申请', 'detail', { group: 'g', keywords: ['信访', '投诉'] }),
  row('g2', '2.重复申请', 'detail', { group: 'g', keywords: ['重复申请'] }),
  row('g3', '3.要求提供公开出版物', 'detail', { group: 'g', keywords: ['出版物'] }),
  row('g4', '4.无正当理由大量反复申请', 'detail', { group: 'g', keywords: ['大量反复', '反复'] }),
  row('g5', '5.要求行政机关确认或重新出具已获取信息', 'detail', { group: 'g', keywords: ['确认', '重新出具'] }),
];

export const t3RowsTail = [
  // 「合计」 for 「（七）总计」: seen only in a third-party form (spec §8.2, [U]): read, and said.
  row('v', '（七）总计', 'total', { keywords: ['总计', '合计'], variants: [{ text: '（七）合计', note: 'variant' }] }),
  row('w', '四、结转下年度继续办理', 'carry', { keywords: ['结转下年', '下年度'] }),
];

export const t3Groups: Label[] = [
  label('result', '三、本年度办理结果'),
  label('e', '（三）不予公开'),
  label('f', '（四）无法提供'),
  label('g', '（五）不予处理'),
  label('t', '（六）其他处理'),
];

export const t4 = {
  blocks: [
    label('review', '行政复议'),
    label('direct', '未经复议直接起诉'),
    label('after-review', '复议后起诉'),
  ],
  columns: [
    label('upheld', '结果维持'),
    label('corrected', '结果纠正'),
    label('other', '其他结果'),
    label('pending', '尚未审结'),
    label('total', '总计'),
  ],
};

export const identities = [
  { kind: 'row-sum' as const, rule: 't3-row-total', table: 't3' as const, total: 'total', parts: applicantColumns },
  { kind: 'column-sum' as const, rule: 't3-outcome-total', table: 't3' as const, total: 'v', partsRole: 'detail' as const },
  { kind: 'column-balance' as const, rule: 't3-balance', table: 't3' as const, left: ['a', 'b'], right: ['v', 'w'] },
  {
    kind: 'block-sum' as const,
    rule: 't4-block-total',
    table: 't4' as const,
    total: 'total',
    parts: ['upheld', 'corrected', 'other', 'pending'],
  },
];
