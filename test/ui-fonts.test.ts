import { describe, expect, it } from 'vitest';
import { fontStack } from '../components/styles';

describe('fontStack', () => {
  it('puts the system’s own Chinese face first, the others after, a generic last', () => {
    expect(fontStack('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/156.0').split(', ')[0]).toBe('"Microsoft YaHei"');
    expect(fontStack('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/156.0').split(', ')[0]).toBe('"PingFang SC"');
    expect(fontStack('Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0').split(', ')[0]).toBe('"Noto Sans CJK SC"');
    for (const ua of ['Windows', 'Mac OS X', 'Linux', '']) {
      const stack = fontStack(ua);
      for (const face of ['"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"']) expect(stack).toContain(face);
      expect(stack.endsWith('sans-serif')).toBe(true);
    }
  });
});
