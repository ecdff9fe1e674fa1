// @vitest-environment happy-dom
// The review controls (components/Review.tsx) in a DOM: the toggles save and take back, the note is
// saved after typing stops and when left, keys typed in it reach no one else, stale says so.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShownReview } from '../audit/review-types';
import { Review } from '../../components/Review';
import type { ReviewChange } from './merge';

const T = '2025-03-01T08:00:00.000Z';
let root: HTMLElement;

function mount(review: ShownReview | null, onChange = vi.fn(async (_c: ReviewChange) => {})) {
  root = document.body.appendChild(document.createElement('div'));
  act(() => render(h(Review, { review, lang: 'zh', onChange }), root));
  return onChange;
}
const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.useRealTimers();
});

describe('Review controls', () => {
  it('「确认」 saves a verdict; pressing it again takes the review back; the note waits for a verdict', async () => {
    const onChange = mount(null);
    expect(q<HTMLTextAreaElement>('textarea').disabled).toBe(true);
    expect(q('[data-review-action="confirmed"]').textContent).toBe('确认');
    await act(async () => q<HTMLButtonElement>('[data-review-action="confirmed"]').click());
    expect(onChange).toHaveBeenLastCalledWith({ verdict: 'confirmed', note: '' });
    expect(q('[data-review-saved]').textContent).toBe('已保存（仅存于本机）');
    // Shown as kept: the parent passes the stored review back.
    act(() => render(h(Review, { review: { verdict: 'confirmed', note: '', at: T, hash: 'h', stale: false }, lang: 'zh', onChange }), root));
    expect(q('[data-review-action="confirmed"]').getAttribute('aria-pressed')).toBe('true');
    expect(q<HTMLTextAreaElement>('textarea').disabled).toBe(false);
    await act(async () => q<HTMLButtonElement>('[data-review-action="confirmed"]').click());
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('saves the note once typing stops, and at once when the field is left; keys stay in the field', async () => {
    vi.useFakeTimers();
    const onChange = mount({ verdict: 'excluded', note: '', at: T, hash: 'h', stale: false });
    const ta = q<HTMLTextAreaElement>('textarea');
    const outside = vi.fn();
    document.body.addEventListener('keydown', outside);
    for (const text of ['j', 'jk', 'jk 已核实']) {
      ta.value = text;
      act(() => {
        ta.dispatchEvent(new KeyboardEvent('keydown', { key: text.at(-1)!, bubbles: true }));
        ta.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    document.body.removeEventListener('keydown', outside);
    expect(outside).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    await act(async () => void vi.advanceTimersByTime(700));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith({ verdict: 'excluded', note: 'jk 已核实' });
    ta.value = 'jk 已核实，系统导出错误';
    act(() => void ta.dispatchEvent(new Event('input', { bubbles: true })));
    await act(async () => void ta.dispatchEvent(new Event('blur')));
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenLastCalledWith({ verdict: 'excluded', note: 'jk 已核实，系统导出错误' });
  });

  it('a note still being typed is saved when the card closes', async () => {
    const onChange = mount({ verdict: 'confirmed', note: '', at: T, hash: 'h', stale: false });
    const ta = q<HTMLTextAreaElement>('textarea');
    ta.value = '未写完';
    act(() => void ta.dispatchEvent(new Event('input', { bubbles: true })));
    act(() => render(null, root));
    expect(onChange).toHaveBeenLastCalledWith({ verdict: 'confirmed', note: '未写完' });
  });

  it('says a stale review may be out of date; 「仍然有效」 saves it again on the content read now', async () => {
    const onChange = mount({ verdict: 'excluded', note: '<b>页面文字</b>', at: T, hash: 'old', stale: true });
    expect(q('[data-review-stale-notice]').textContent).toContain('报告内容已变化，审核可能已过时');
    // The note is text in our field, never markup.
    expect(q<HTMLTextAreaElement>('textarea').value).toBe('<b>页面文字</b>');
    expect(root.querySelector('b')).toBeNull();
    await act(async () => q<HTMLButtonElement>('[data-review-action="still-valid"]').click());
    expect(onChange).toHaveBeenLastCalledWith({ verdict: 'excluded', note: '<b>页面文字</b>' });
  });

  it('says when storage failed', async () => {
    mount(null, vi.fn(async () => Promise.reject(new Error('quota'))));
    await act(async () => {
      q<HTMLButtonElement>('[data-review-action="excluded"]').click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(q('[data-review-saved]').getAttribute('data-review-saved')).toBe('failed');
    expect(q('[data-review-saved]').textContent).toContain('保存失败');
  });
});

describe('reviews shown in the panel and on the marks', () => {
  const finding = (n: number) => ({ rule: 't3-row-total' as const, severity: 'error' as const, message: { zh: `问题${n}`, en: `Finding ${n}` }, cells: [{ table: 't3', row: `r${n}`, col: 'total', value: n, anchor: null }], expected: n, actual: 0 });
  const view = { state: 'done' as const, progress: null, title: '某局2023年政府信息公开工作年度报告', year: 2023, format: '2021', findings: [finding(1), finding(2), finding(3)], notices: [], url: 'https://a.gov.cn/r.html', review: { url: 'https://a.gov.cn/r.html', hash: 'new' } };
  const reviews: Record<number, ShownReview> = {
    0: { verdict: 'confirmed', note: '属实', at: T, hash: 'new', stale: false },
    1: { verdict: 'excluded', note: '', at: T, hash: 'old', stale: true },
  };

  it('the panel tags each reviewed finding, counts them, says stale, and 「隐藏已排除」 asks to hide', async () => {
    const { Panel } = await import('../../components/Panel');
    const onHideExcluded = vi.fn();
    root = document.body.appendChild(document.createElement('div'));
    const props = {
      view: view as never, lang: 'zh' as const, filter: { error: true, warning: true, info: true }, placed: new Set([0, 1]), active: null, collapsed: false, pos: null,
      onFilter() {}, onSelect() {}, onStep() {}, onCollapse() {}, onMove() {}, onLang() {}, onCancel() {},
      reviewOf: (i: number) => reviews[i], reviewSummary: { confirmed: 1, excluded: 1, stale: 1, gone: 0, changed: true }, onReview: vi.fn(async () => {}), onHideExcluded,
    };
    act(() => render(h(Panel, props), root));
    const item = (i: number) => q(`[data-item="${i}"]`);
    expect(item(0).getAttribute('data-review')).toBe('confirmed');
    expect(item(0).textContent).toContain('✓ 已确认');
    expect(item(1).className).toContain('rv-excluded');
    expect(item(2).hasAttribute('data-review')).toBe(false);
    expect(q('[data-reviews]').textContent).toContain('已审核 2/3（确认 1，排除 1）');
    expect(q('[data-review-stale-notice]').textContent).toContain('报告内容已变化，审核可能已过时');
    act(() => q<HTMLButtonElement>('[data-hide-excluded]').click());
    expect(onHideExcluded).toHaveBeenCalled();
    // Hidden: the excluded finding leaves the list.
    act(() => render(h(Panel, { ...props, hideExcluded: true }), root));
    expect(root.querySelector('[data-item="1"]')).toBeNull();
    // A finding without a place on the page is reviewed in the panel, under its item.
    act(() => render(h(Panel, { ...props, placed: new Set([0, 1]), active: 2 }), root));
    expect(item(2).nextElementSibling?.querySelector('[data-review-action="confirmed"]')).not.toBeNull();
  });

  it('badges carry the review and its mark; excluded ones are greyed', async () => {
    const { Marks } = await import('../../components/Marks');
    root = document.body.appendChild(document.createElement('div'));
    const box = { x: 10, y: 10, w: 20, h: 10 };
    const marks = view.findings.map((f, index) => ({ index, finding: f as never, boxes: [box], badge: box }));
    act(() => render(h(Marks, { marks, active: null, flash: null, gapLabel: () => '', onOpen() {}, onLeave() {}, reviewOf: (i: number) => reviews[i] }), root));
    const badges = [...root.querySelectorAll('.badge')];
    expect(badges.map((b) => [b.textContent, b.getAttribute('data-review')])).toEqual([
      ['1✓', 'confirmed'],
      ['2✕', 'excluded'],
      ['3', null],
    ]);
    expect(badges[1].parentElement!.getAttribute('style')).toContain('#9e9e9e');
    expect(badges[0].parentElement!.getAttribute('style')).not.toContain('#9e9e9e');
    expect(root.querySelectorAll('.box.rv-excluded')).toHaveLength(1);
    expect(badges[0].getAttribute('aria-label')).toMatch(/^已确认：/);
  });
});
