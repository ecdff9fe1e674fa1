// The history's agency matching: one body under its variant names is one key; bodies with similar
// names never merge. Real titles first, then properties over generated names (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyFromTitle, sameAgency } from '../lib/history/agency';

const key = (title: string) => {
  const a = agencyFromTitle(title);
  if (!a) throw new Error(`no agency in ${title}`);
  return a.key;
};
const same = (a: string, b: string) => sameAgency(key(a), key(b));

describe('agency of a report: real titles', () => {
  it('reads the body and its units from the title, without year or report words', () => {
    expect(agencyFromTitle('平潭综合实验区2023年度政府信息公开工作年度报告')).toEqual({ key: '平潭综合实验区|', name: '平潭综合实验区' });
    expect(agencyFromTitle('淮安市洪泽区人民政府 2024 年政府信息公开工作年度报告')).toEqual({ key: '淮安市/洪泽区|', name: '淮安市洪泽区人民政府' });
    expect(agencyFromTitle('沭阳县发展和改革局2023年政府信息公开工作年度报告')?.key).toBe('沭阳县|发展和改革局');
    expect(agencyFromTitle('上海市科学技术委员会2024年政府信息公开工作年度报告')?.key).toBe('上海市|科学技术委员会');
    // shared 005 names itself by its short name.
    expect(agencyFromTitle('2024 年上海市科委政府信息公开工作 年度报告')?.key).toBe('上海市|科学技术委员会');
    // A page title with the site after it; a notice publishing the report.
    expect(agencyFromTitle('2023年度政府信息公开工作年度报告_政府信息公开年报_清河县人民政府')?.key).toBe('清河县|');
    expect(agencyFromTitle('关于公布洪泽区2023年政府信息公开工作年度报告的通知')?.key).toBe('洪泽区|');
    expect(agencyFromTitle('洪泽区人民政府关于2023年度政府信息公开工作年度报告')?.key).toBe('洪泽区|');
    expect(agencyFromTitle('清河县人民政府办公室关于印发清河县2023年政府信息公开工作年度报告的通知')?.key).toBe('清河县|');
    expect(agencyFromTitle('清河县教育局关于2023年度政府信息公开工作年度报告的公告')?.key).toBe('清河县|教育局');
  });

  it('names no agency when the title names none', () => {
    expect(agencyFromTitle('2023年政府信息公开工作年度报告')).toBeNull();
    expect(agencyFromTitle(null)).toBeNull();
  });

  it('keeps department names whole (「城市管理局」 is no 「城市」, 「住房和城乡建设局」 no 「城乡」)', () => {
    expect(key('清河市城市管理局2023年政府信息公开工作年度报告')).toBe('清河市|城市管理局');
    expect(key('清河区住房和城乡建设局2023年政府信息公开工作年度报告')).toBe('清河区|住房和城乡建设局');
    expect(key('清河市市场监督管理局2023年度政府信息公开工作年度报告')).toBe('清河市|市场监督管理局');
    expect(key('清河县清河镇人民政府2023年政府信息公开工作年度报告')).toBe('清河县/清河镇|');
    expect(key('清河区清河街道办事处2023年政府信息公开工作年度报告')).toBe('清河区/清河街道|');
    expect(key('沛县人民政府2023年政府信息公开工作年度报告')).toBe('沛县|');
    expect(key('广西壮族自治区人民政府2023年政府信息公开工作年度报告')).toBe('广西壮族自治区|');
    expect(key('苏州工业园区管理委员会2023年政府信息公开工作年度报告')).toBe('苏州工业园区|');
    expect(key('2023年度北京经济技术开发区政府信息公开工作年度报告')).toBe('北京经济技术开发区|');
    expect(key('杭州市西湖区人民政府2023年度政府信息公开工作年度报告')).toBe('杭州市/西湖区|');
    expect(key('深圳市南山区发展和改革局2023年政府信息公开工作年度报告')).toBe('深圳市/南山区|发展和改革局');
    expect(key('江苏省人民政府2023年政府信息公开年度报告')).toBe('江苏省|');
    expect(key('二〇二三年度郑州市二七区人民政府政府信息公开工作年度报告')).toBe('郑州市/二七区|');
  });

  it('takes the series of shared/reports for one body each (平潭 2020–2025, 洪泽区 2023–2024)', () => {
    // 平潭综合实验区 under its 管委会's names; 平潭县 is the same administration (区县合一: shared 014/015
    // are the 实验区's reports published as 「来源：平潭县人民政府」).
    expect(same('平潭综合实验区2020年度政府信息公开工作年度报告', '平潭综合实验区管委会2021年政府信息公开工作年度报告')).toBe(true);
    expect(same('平潭综合实验区管理委员会2022年政府信息公开工作年度报告', '平潭综合实验区2023年度政府信息公开工作年度报告')).toBe(true);
    expect(same('平潭县人民政府2021年政府信息公开工作年度报告', '平潭综合实验区2022年度政府信息公开工作年度报告')).toBe(true);
    expect(same('福建省平潭综合实验区2024年政府信息公开工作年度报告', '平潭综合实验区2025年度政府信息公开工作年度报告')).toBe(true);
    // shared 002 and 003: the 2024 title adds the city.
    expect(same('洪泽区人民政府 2023 年政府信息公开工作年度报告', '淮安市洪泽区人民政府 2024 年政府信息公开工作年度报告')).toBe(true);
    expect(same('洪泽区政府2023年政府信息公开工作年度报告', '江苏省淮安市洪泽区2024年政府信息公开工作年度报告')).toBe(true);
    expect(same('淮安市人民政府（全市汇总）2023年政府信息公开工作年度报告', '淮安市人民政府2024年政府信息公开工作年度报告')).toBe(true);
    expect(same('淮安市本级2023年政府信息公开工作年度报告', '淮安市人民政府（本级）2024年政府信息公开工作年度报告')).toBe(true);
  });

  it('never merges different bodies with similar names', () => {
    const pairs: [string, string][] = [
      ['洪泽区人民政府2023年政府信息公开工作年度报告', '洪泽区教育局2024年政府信息公开工作年度报告'],
      ['淮安市洪泽区人民政府2023年政府信息公开工作年度报告', '淮安市淮安区人民政府2024年政府信息公开工作年度报告'],
      ['淮安市人民政府2023年政府信息公开工作年度报告', '淮安市洪泽区人民政府2024年政府信息公开工作年度报告'],
      ['淮安市人民政府2023年政府信息公开工作年度报告', '淮安区人民政府2024年政府信息公开工作年度报告'],
      ['洪泽区人民政府2023年政府信息公开工作年度报告', '洪泽县人民政府2024年政府信息公开工作年度报告'],
      // The government's office publishes reports of its own (shared 006/007: 上海市人民政府办公厅).
      ['上海市人民政府2023年政府信息公开工作年度报告', '上海市人民政府办公厅2024年政府信息公开工作年度报告'],
      ['南京市鼓楼区人民政府2023年政府信息公开工作年度报告', '福州市鼓楼区人民政府2024年政府信息公开工作年度报告'],
      ['沭阳县人民政府2023年政府信息公开工作年度报告', '沭阳县发展和改革局2024年政府信息公开工作年度报告'],
      ['平潭综合实验区2023年度政府信息公开工作年度报告', '平潭综合实验区教育局2024年政府信息公开工作年度报告'],
      ['教育局2023年政府信息公开工作年度报告', '洪泽区教育局2024年政府信息公开工作年度报告'],
      // The government's own figures (本级) beside its area's summary.
      ['淮安市人民政府（本级）2023年政府信息公开工作年度报告', '淮安市人民政府2024年政府信息公开工作年度报告'],
    ];
    for (const [a, b] of pairs) expect([a, b, same(a, b)]).toEqual([a, b, false]);
  });

  it('matches a district without its city to the same district with it, but not across cities', () => {
    expect(same('鼓楼区人民政府2023年政府信息公开工作年度报告', '福州市鼓楼区人民政府2024年政府信息公开工作年度报告')).toBe(true);
  });
});

// ---- Properties over generated names ----

// Characters of unit names: none that ends or starts a unit suffix or a government word, so that a
// generated name is read as the unit it is meant to be.
const NAME_CHARS = [...'清河安阳平和宁远丰泽华容江陵永兴长乐东台盐泰顺鼓楼宝山湖滨沙洋鹤峰章贡松桃金溪云梦双流'];
const nameArb = fc.array(fc.constantFrom(...NAME_CHARS), { minLength: 2, maxLength: 3 }).map((cs) => cs.join(''));

type UnitType = '省' | '市' | '区' | '县' | '综合实验区' | '开发区';
const LEAF_TYPES: UnitType[] = ['市', '区', '县', '综合实验区', '开发区'];

interface Body {
  /** Ways of writing it; the first is the canonical one. '' is the unit's government. */
  names: string[];
}
const GOV: Body = { names: ['', '人民政府', '政府'] };
const ZONE_GOV: Body = { names: ['', '管委会', '管理委员会'] };
const DEPARTMENTS: Body[] = [
  { names: ['教育局'] },
  { names: ['公安局'] },
  { names: ['财政局'] },
  { names: ['城市管理局'] },
  { names: ['市场监督管理局', '市监局'] },
  { names: ['发展和改革委员会', '发改委'] },
  { names: ['卫生健康委员会', '卫健委'] },
  { names: ['住房和城乡建设局', '住建局'] },
  { names: ['人民政府办公室', '政府办公室', '人民政府办公厅'] },
  { names: ['农业农村局'] },
  { names: ['科学技术委员会', '科委'] },
];

interface Agency {
  province: string | null;
  city: string | null;
  leaf: { name: string; type: UnitType };
  /** -1: the government; else an index into DEPARTMENTS. */
  body: number;
}

const agencyArb: fc.Arbitrary<Agency> = fc.record({
  province: fc.option(nameArb, { nil: null }),
  city: fc.option(nameArb, { nil: null }),
  leaf: fc.record({ name: nameArb, type: fc.constantFrom(...LEAF_TYPES) }),
  body: fc.integer({ min: -1, max: DEPARTMENTS.length - 1 }),
});

const bodyOf = (a: Agency): Body => (a.body >= 0 ? DEPARTMENTS[a.body] : a.leaf.type === '综合实验区' || a.leaf.type === '开发区' ? ZONE_GOV : GOV);

/** How a title may write the agency: parents kept or left out, one of the body's names, one of the title forms. */
interface Writing {
  keepProvince: boolean;
  keepCity: boolean;
  bodyName: number;
  form: number;
  year: number;
}
const writingArb: fc.Arbitrary<Writing> = fc.record({
  keepProvince: fc.boolean(),
  keepCity: fc.boolean(),
  bodyName: fc.nat(),
  form: fc.integer({ min: 0, max: 8 }),
  year: fc.integer({ min: 2019, max: 2026 }),
});

function title(a: Agency, w: Writing): string {
  const body = bodyOf(a);
  const name =
    (a.province && w.keepProvince ? `${a.province}省` : '') + (a.city && w.keepCity ? `${a.city}市` : '') + a.leaf.name + a.leaf.type + body.names[w.bodyName % body.names.length];
  const y = w.year;
  const full = String(y).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  return [
    `${name}${y}年度政府信息公开工作年度报告`,
    `${name} ${y} 年政府信息公开工作年度报告`,
    `${y}年${name}政府信息公开工作年度报告`,
    `关于公布${name}${y}年政府信息公开工作年度报告的通知`,
    `${name}关于${y}年度政府信息公开工作年度报告`,
    `${name}（全区汇总）${y}年政府信息公开工作年度报告`,
    `${y}年度政府信息公开工作年度报告_政府信息公开年报_${name}`,
    `${name}${full}年政府信息公开工作年度报告`,
    `宝山市人民政府办公室关于印发${name}${y}年政府信息公开工作年度报告的通知`,
  ][w.form];
}

describe('agency matching: properties', () => {
  it('reads an agency from every title form', () => {
    fc.assert(
      fc.property(agencyArb, writingArb, (a, w) => {
        expect(agencyFromTitle(title(a, w))).not.toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('matches the same body under variant names (parents left out, body abbreviated, another title form)', () => {
    fc.assert(
      fc.property(agencyArb, writingArb, writingArb, (a, w1, w2) => {
        const k1 = key(title(a, w1));
        const k2 = key(title(a, w2));
        expect(sameAgency(k1, k2), `${title(a, w1)} / ${title(a, w2)}`).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  // Another body: another unit type or name, another body in the unit, or a parent both name that differs.
  const otherArb = fc.tuple(agencyArb, fc.integer({ min: 0, max: 3 }), nameArb, fc.constantFrom(...LEAF_TYPES), fc.integer({ min: -1, max: DEPARTMENTS.length - 1 })).map(([a, how, name, type, body]) => {
    const b: Agency = JSON.parse(JSON.stringify(a));
    if (how === 0) b.leaf.type = type;
    if (how === 1) b.leaf.name = name;
    if (how === 2) b.body = body;
    if (how === 3) b.city = name;
    return { a, b, how };
  });

  it('never merges two different bodies, whatever the names are written like', () => {
    fc.assert(
      fc.property(otherArb, writingArb, writingArb, ({ a, b, how }, w1, w2) => {
        const differs =
          a.leaf.type !== b.leaf.type ||
          a.leaf.name !== b.leaf.name ||
          bodyOf(a).names[0] !== bodyOf(b).names[0] ||
          // A parent differs only where both titles name it.
          (how === 3 && a.city != null && b.city != null && a.city !== b.city);
        fc.pre(differs);
        // A differing parent counts only when both titles keep it.
        const keep = how === 3 ? { keepCity: true } : {};
        const t1 = title(a, { ...w1, ...keep });
        const t2 = title(b, { ...w2, ...keep });
        expect(sameAgency(key(t1), key(t2)), `${t1} / ${t2}`).toBe(false);
      }),
      { numRuns: 800 },
    );
  });
});
