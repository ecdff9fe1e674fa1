import { describe, expect, it } from 'vitest';
import { checkChanged } from '../../test/fixtures/base';

describe('t4-block-total', () => {
  it('checks each of the three blocks of table 四', () => {
    const r = checkChanged((d) => {
      d.t4.values[14] = '0';
    });
    const f = r.findings.filter((x) => x.rule === 't4-block-total');
    expect(f).toHaveLength(1);
    expect(f[0].cells[4]).toMatchObject({ table: 't4', row: 'after-review', col: 'total', value: 0 });
    expect(f[0].message.zh).toContain('结果维持 0 + 结果纠正 2 + 其他结果 0 + 尚未审结 1 = 3，但总计填报为 0，相差 3');
  });
});
