import { describe, expect, it } from 'vitest';
import { isProse } from './model';

describe('isProse', () => {
  it('takes long sentences and short clause lists ending as sentences for prose', () => {
    expect(isProse('本报告依据《中华人民共和国政府信息公开条例》编制，统计期限自2023年1月1日起至2023年12月31日止。')).toBe(true);
    // A sentence split at its 「；」 into two short pieces: each still prose.
    expect(isProse('本年度制发规章2件，废止规章1件，现行有效规章31件；')).toBe(true);
    expect(isProse('制发行政规范性文件10件，废止3件，现行有效120件。')).toBe(true);
  });

  it('never takes a table row flattened into text, or a heading, for prose', () => {
    expect(isProse('规章 2 1 30')).toBe(false);
    expect(isProse('（二）部分公开（区分处理的，只计这一情形，不计其他情形） 5 0 0 0 0 0 5')).toBe(false);
    expect(isProse('二、主动公开政府信息情况')).toBe(false);
    expect(isProse('本年度未收到申请。')).toBe(false);
  });
});
