import { describe, expect, it } from 'vitest';
import { foldCjk } from './fold';

describe('folding look-alike CJK code points', () => {
  it('folds Kangxi radicals as Chromium prints them (申请⼈情况)', () => {
    expect(foldCjk('申请\u2f08情况')).toBe('申请人情况');
    expect(foldCjk('\u2f00\u2f06\u2f27')).toBe('一二宀');
  });
  it('folds the Radicals Supplement, which NFKC leaves alone', () => {
    expect('\u2ed3'.normalize('NFKC')).toBe('\u2ed3');
    expect(foldCjk('\u2ed3\u2ed4\u2ee2\u2ec5\u2ea0\u2ef0')).toBe('长门马见民龙');
  });
  it('folds compatibility ideographs and keeps every length', () => {
    expect(foldCjk('\uf900')).toBe('豈');
    for (const s of ['\u2f08\u2ed3\uf900\ufa6c', '普通文字 123', '\u{2f800}']) expect(foldCjk(s)).toHaveLength(s.length);
  });
  it('leaves ordinary text as it is', () => {
    const s = '一、总体情况（2023年）abc';
    expect(foldCjk(s)).toBe(s);
  });
});
