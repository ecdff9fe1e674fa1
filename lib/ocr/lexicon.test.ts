import { describe, expect, it } from 'vitest';
import { snapGroup, snapHeader, snapRow } from './lexicon';

describe('header and label words put back after OCR', () => {
  it('snaps a header word one character off, never one word to another', () => {
    expect(snapHeader('咎政复议')).toBe('行政复议');
    expect(snapHeader('行政诉讼')).toBe('行政诉讼');
    expect(snapHeader('结果纠正')).toBe('结果纠正');
    expect(snapHeader('（本列数据的勾夭关系为:第一项加第二项之和，等于第三项加第四项之和)')).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    // Too far from every header word: left as read.
    expect(snapHeader('某某某某某')).toBe('某某某某某');
    expect(snapHeader('总汁')).toBe('总汁');
  });

  it('snaps a garbled group label, and the cell beside ten rows or more to 三、本年度办理结果', () => {
    expect(snapGroup('4)其他处理', 3)).toBe('（六）其他处理');
    expect(snapGroup('三、林和办更', 21)).toBe('三、本年度办理结果');
    expect(snapGroup('三、林和办更', 3)).toBe('三、林和办更');
  });

  it('snaps a long row label only when one label is clearly the nearest', () => {
    expect(snapRow('1.申请人无正当理由逾期不补正、全机关不站更共下府信息公开由')).toBe('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(snapRow('2.重夏申请')).toBe('2.重夏申请');
    expect(snapRow('1.属于国家秘密')).toBe('1.属于国家秘密');
  });
});
