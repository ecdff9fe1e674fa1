import { describe, expect, it } from 'vitest';
import { reviewLine } from './text';

const r = { verdict: 'confirmed' as const, note: ' 已电话核实 ', at: '2025-03-01T08:00:00.000Z', hash: 'h', stale: false };

describe('reviewLine', () => {
  it('says the verdict, the note and when, in both languages; stale says so; none is empty', () => {
    expect(reviewLine(r, 'zh')).toBe('审核：已确认 — 已电话核实（审核于 2025-03-01）');
    expect(reviewLine({ ...r, verdict: 'excluded', note: '', stale: true }, 'zh')).toBe('审核：已排除（审核于 2025-03-01；报告内容已变化，审核可能已过时）');
    expect(reviewLine(r, 'en')).toBe('Review: Confirmed — 已电话核实 (Reviewed 2025-03-01)');
    expect(reviewLine(undefined, 'zh')).toBe('');
  });
});
