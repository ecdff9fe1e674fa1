// previousOf: last year's record of the same body, and never another body's under a short name.
import { describe, expect, it } from 'vitest';
import { checkChanged } from '../../test/fixtures/base';
import { recordOf } from './record';
import { ambiguousMatch, previousOf } from './store';

const rec = (name: string, year: number, source: string, checkedAt = `${year + 1}-02-01T00:00:00.000Z`) =>
  recordOf(
    checkChanged((d) => {
      d.title = `${name}${year}年政府信息公开工作年度报告`;
      d.preamble = [`本报告统计期限自${year}年1月1日至${year}年12月31日。`];
    }).report!,
    { source, checkedAt },
  );

describe('previousOf: a name without its parent', () => {
  it('is one body with the long name while no other body answers to it (real: 洪泽区 / 淮安市洪泽区, shared 002/003)', () => {
    const y1 = rec('洪泽区人民政府', 2023, '/r/a.html');
    const y2 = rec('淮安市洪泽区人民政府', 2024, '/r/b.html');
    expect(previousOf([y1, y2], y2)).toBe(y1);
  });

  it('is not chained across two bodies of the same district name (临川市东湖区, 江州市东湖区) unless on one host', () => {
    const linchuan21 = rec('临川市东湖区人民政府', 2021, '/r/l21.html');
    const short22 = rec('东湖区人民政府', 2022, '/r/l22.html');
    const linchuan23 = rec('临川市东湖区', 2023, '/r/l23.html');
    const jiangzhou23 = rec('江州市东湖区人民政府', 2023, '/r/j23.html');
    const short24 = rec('东湖区政府', 2024, '/r/l24.html');
    const all = [linchuan21, short22, linchuan23, jiangzhou23, short24];
    expect(ambiguousMatch(short22, jiangzhou23, all)).toBe(true);
    expect(previousOf(all, jiangzhou23)).toBeNull();
    expect(previousOf(all, linchuan23)).toBeNull();
    expect(previousOf(all, short24)).toBeNull();
    // The long names that agree are chained as before; so is a short name on the long name's own host.
    const linchuan22 = rec('临川市东湖区人民政府', 2022, '/r/l22b.html');
    expect(previousOf([...all, linchuan22], linchuan23)).toBe(linchuan22);
    const onHost22 = rec('东湖区人民政府', 2022, 'https://www.donghu.linchuan.gov.cn/2022.html');
    const onHost23 = rec('临川市东湖区', 2023, 'https://www.donghu.linchuan.gov.cn/2023.html');
    expect(previousOf([...all, onHost22, onHost23], onHost23)).toBe(onHost22);
  });

  it('a town of a county is not the county (青岚县 vs 青岚县石门镇), and the county is not ambiguous for it', () => {
    const county = rec('青岚县人民政府', 2022, '/r/c22.html');
    const town22 = rec('青岚县石门镇人民政府', 2022, '/r/t22.html');
    const town23 = rec('石门镇人民政府', 2023, '/r/t23.html');
    const county23 = rec('苍梧市青岚县人民政府', 2023, '/r/c23.html');
    const all = [county, town22, town23, county23];
    expect(previousOf(all, town23)).toBe(town22);
    expect(previousOf(all, county23)).toBe(county);
  });
});
