import { describe, expect, it } from 'vitest';
import { checkChanged } from '../../test/fixtures/base';

describe('table-missing', () => {
  it('reports a section that has no table', () => {
    const r = checkChanged((d) => {
      d.t4.values = [];
    });
    // The renderer still prints 表四's headers; without values there is nothing to read.
    const f = r.findings.filter((x) => x.rule === 'table-missing' || x.rule === 'row-length');
    expect(f.length).toBe(1);
  });
});
