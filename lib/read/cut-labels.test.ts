import { describe, expect, it } from 'vitest';
import type { Line, Token } from '../model';
import { joinCutLabels } from './cut-labels';

const anchor = { kind: 'image', image: 'p', x: 0, y: 0, w: 1, h: 1 } as const;
const text = (raw: string): Token => ({ kind: 'text', raw, cell: true, confident: true, anchor });
const num = (raw: string): Token => ({ kind: 'number', raw, value: Number(raw), cell: true, confident: true, anchor }) as Token;
const line = (...tokens: Token[]): Line => ({ tokens, text: tokens.map((t) => t.raw).join(' '), prose: false, rowEnd: true, anchor });
const header = [line(text('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), text('申请人情况')), line(text('自然人'), text('法人或其他组织'), text('总计'))];

describe('joinCutLabels', () => {
  it('puts the rest of a label cut by a page break back on its row, past the repeated header', () => {
    const cut = line(text('（三）不予公开'), text('2.其他法'), num('0'), num('1'), num('1'));
    const out = joinCutLabels([cut, ...header, line(text('律行政法规禁止公开')), line(text('3.危及“三安全一稳定”'), num('1'))]);
    expect(out.map((l) => l.tokens[0].raw)).toEqual(['（三）不予公开', header[0].tokens[0].raw, '自然人', '3.危及“三安全一稳定”']);
    expect(cut.tokens[1].raw).toBe('2.其他法律行政法规禁止公开');
  });

  it('fixes a character OCR got wrong in the joined label', () => {
    const cut = line(text('2.其他法'), num('0'));
    joinCutLabels([cut, line(text('律行政法规共止公开'))]);
    expect(cut.tokens[0].raw).toBe('2.其他法律行政法规禁止公开');
  });

  it('finds the rest among bits of the cells beside it', () => {
    const cut = line(text('（六）其他处理'), text('2.申请人逾期未按'), num('0'));
    const out = joinCutLabels([cut, ...header, line(text('请'), text('收费通知要求缴纳费用、行政机关不再处理其政府信息公开申'), text('1加。四人本'))]);
    expect(out).toHaveLength(3);
    expect(cut.tokens[1].raw).toBe('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
  });

  it('leaves a complete label and text that makes no label alone', () => {
    const whole = line(text('1.属于国家秘密'), num('0'));
    const cut = line(text('2.其他法'), num('0'));
    const lines = [whole, line(text('律行政法规禁止公开')), cut, line(text('本年度各项工作有序开展'))];
    expect(joinCutLabels(lines)).toHaveLength(4);
    expect(whole.tokens[0].raw).toBe('1.属于国家秘密');
    expect(cut.tokens[0].raw).toBe('2.其他法');
  });
});
