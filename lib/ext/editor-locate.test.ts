import { describe, expect, it } from 'vitest';
import { clipOf } from './editor-locate';

describe('the clip of marks over an editor frame', () => {
  it('is the frame\'s visible area in document coordinates', () => {
    expect(clipOf({ left: 8, top: 90, right: 1008, bottom: 690 }, 0, 200)).toBe('polygon(8px 290px, 1008px 290px, 1008px 890px, 8px 890px)');
  });

  it('hides every mark when the frame is scrolled out of view or has no size', () => {
    expect(clipOf({ left: 8, top: 90, right: 8, bottom: 690 }, 0, 0)).toBe('polygon(0 0, 0 0, 0 0)');
    expect(clipOf({ left: 8, top: 700, right: 100, bottom: 690 }, 0, 0)).toBe('polygon(0 0, 0 0, 0 0)');
  });
});
