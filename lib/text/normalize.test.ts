import { describe, expect, it } from 'vitest';
import { approxSubstringDistance, labelSimilarity, matchKey, nfkc, strictKey, withoutOrdinal } from './normalize';

describe('normalisation', () => {
  it('unifies full/half width, spaces, quotes and ordinal punctuation', () => {
    expect(strictKey('（二） 部分公开（区分处理的， 只计这一情形）')).toBe(strictKey('(二)部分公开(区分处理的,只计这一情形)'));
    expect(strictKey('3.危及“三安全一稳定”')).toBe(strictKey('3. 危及"三安全一稳定"'));
    expect(strictKey('1、申请人')).toBe(strictKey('1.申请人'));
    expect(strictKey('五、存在的主要问题及改进情况。')).toBe('五、存在的主要问题及改进情况');
  });
  it('maps Kangxi and CJK radical code points from PDF text layers', () => {
    expect(nfkc('⼀、总体情况')).toBe('一、总体情况');
    expect(nfkc('⻓期')).toBe('长期');
  });
  it('reads a dash in an ordinal bracket as 一 for matching, but not for wording', () => {
    expect(matchKey('（―）予以公开')).toBe(matchKey('（一）予以公开'));
    expect(strictKey('（―）予以公开')).not.toBe(strictKey('（一）予以公开'));
  });
  it('strips ordinals', () => {
    expect(withoutOrdinal('(三)不予公开')).toBe('不予公开');
    expect(withoutOrdinal('四、结转下年度继续办理')).toBe('结转下年度继续办理');
  });
  it('measures labels found inside longer text', () => {
    expect(approxSubstringDistance('其他法律行政法规禁止公开', '2.其他法律行政止公开', false)).toBe(3);
    expect(labelSimilarity('行政许可', '信息内容本年处理决定数量行政许可', true)).toBe(1);
    expect(labelSimilarity('行政许可', '行政许可本年处理', true)).toBeLessThan(1);
  });
});
