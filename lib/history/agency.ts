// The body a report is about, from its title: the key that says two reports of different years are
// the same body's, and the name shown. Pure (no DOM, no browser or Node API).
//
// A name is read as a chain of administrative units (「淮安市」「洪泽区」) and a body within the last one
// (「教育局」; none for the unit's own government). What counts as the same body:
// - the government of a unit under any of its names: 「洪泽区」「洪泽区人民政府」「洪泽区政府」, and for a
//   zone 「平潭综合实验区管委会」「…管理委员会」 (a zone's 管委会 is its government);
// - the same unit with or without its parents: 「洪泽区人民政府」 and 「淮安市洪泽区人民政府」 (real: shared
//   reports 002 and 003, one body's 2023 and 2024 reports);
// - a few abbreviations of departments (「发改委」 for 「发展和改革委员会」).
// What never counts: another unit type (「洪泽区」 vs 「洪泽县」, 「淮安市」 vs 「淮安区」), another unit name,
// another body in the same unit (「洪泽区人民政府」 vs 「洪泽区教育局」, and the government's own office
// 「人民政府办公室/办公厅」, which publishes reports of its own: 上海市人民政府办公厅, shared 006/007),
// and parents of the same type that differ (「南京市鼓楼区」 vs 「福州市鼓楼区」).

export interface Agency {
  /** `units/joined/by/slash|body`; body '' is the last unit's own government. */
  key: string;
  /** As printed in the title (without year and report words). */
  name: string;
}

interface Parsed {
  units: string[];
  body: string;
}

/**
 * Unit suffixes with the lengths their names take (longest suffix first where one ends another).
 * The length bounds keep department names from being read as units: 「城市管理局」 is not 「城市」,
 * 「住房和城乡建设局」 not 「住房和城乡」.
 */
const SUFFIXES: [suffix: string, min: number, max: number][] = [
  ['特别行政区', 2, 2],
  ['自治区', 2, 5],
  ['自治州', 2, 10],
  ['自治县', 2, 12],
  ['自治旗', 2, 8],
  ['高新技术产业开发区', 2, 6],
  ['经济技术开发区', 2, 6],
  ['综合实验区', 2, 4],
  ['工业园区', 2, 4],
  ['经济开发区', 2, 6],
  ['开发区', 2, 6],
  ['高新区', 2, 6],
  ['新区', 2, 4],
  ['林区', 2, 3],
  ['地区', 2, 6],
  ['街道', 2, 4],
  ['省', 2, 3],
  ['市', 2, 4],
  ['州', 2, 4],
  ['盟', 2, 4],
  ['县', 1, 4],
  ['旗', 2, 6],
  ['区', 2, 4],
  ['镇', 2, 4],
  ['乡', 2, 3],
];

/** Known names of one unit. Real: shared 014/015, reports of 平潭综合实验区 published as 「来源：平潭县人民政府」 (区县合一: one administration). */
const UNIT_ALIASES: Record<string, string> = { 平潭县: '平潭综合实验区' };

/** Abbreviations of departments, written out. */
const BODY_ALIASES: [RegExp, string][] = [
  [/^发改委$/u, '发展和改革委员会'],
  [/^科委$/u, '科学技术委员会'],
  [/^经信委$/u, '经济和信息化委员会'],
  [/^教委$/u, '教育委员会'],
  [/^住建委$/u, '住房和城乡建设委员会'],
  [/^发改局$/u, '发展和改革局'],
  [/^卫健委$/u, '卫生健康委员会'],
  [/^卫健局$/u, '卫生健康局'],
  [/^住建局$/u, '住房和城乡建设局'],
  [/^人社局$/u, '人力资源和社会保障局'],
  [/^市监局$/u, '市场监督管理局'],
  // The government's office: 办公室 below province level, 办公厅 at it; one body has one of them.
  [/^(?:人民)?政府办(?:公室|公厅)?$/u, '人民政府办公室'],
];

/** The unit's own government under its names; a 街道's is its 办事处. */
const GOVERNMENT = /^(?:人民政府|政府|管理委员会|管委会|党工委管委会|办事处)?$/u;
/** 「某区本级」「某区人民政府（本级）」: the government's own report, beside the area's summary. */
const OWN_LEVEL = /^(?:人民政府|政府|管理委员会|管委会)?本级$/u;

const REPORT_WORDS = /(?:政府)?(?:信息公开|政务公开)/u;

function clean(s: string): string {
  return s
    .normalize('NFKC')
    // Notes: 「（全区汇总）」 goes; 「（本级）」 stays as 本级: the government's own figures, not its area's.
    .replace(/[（(【\[〔][^）)】\]〕]*[）)】\]〕]/gu, (note) => (note.includes('本级') ? '本级' : ''))
    .replace(/[\s\u00a0\u3000"“”'‘’《》〈〉「」『』·•]/gu, '');
}

/** The agency part of a title: before the report words, without year and 「关于…的」. */
function agencyPart(segment: string): string {
  const s = clean(segment);
  const m = REPORT_WORDS.exec(s);
  const head = (m ? s.slice(0, m.index) : s)
    .replace(/(?:19|20)\d{2}年?度?(?:—|-|至)?(?:(?:19|20)\d{2}年?度?)?/gu, '')
    // 「二〇二三年度」: four numerals and 年 (a name such as 二七区 or 三门峡市 has no 年 after them).
    .replace(/[〇零一二三四五六七八九]{4}年度?/gu, '');
  // 「某县人民政府办公室关于印发某县2023年…的通知」: the report is the one named after 关于 (the office
  // publishes the county's report); 「洪泽区人民政府关于2023年度…」 names none there, the publisher is it.
  const about = head.indexOf('关于');
  if (about >= 0) {
    const after = trimWords(head.slice(about + 2));
    if (after && leadingUnit(after)) return after;
    return trimWords(head.slice(0, about));
  }
  return trimWords(head);
}

const trimWords = (s: string) => s.replace(/^(?:印发|公布|发布|转发)/u, '').replace(/(?:的)$/u, '').replace(/年度$/u, '');

/** Reads units from the front of a name; the rest is the body. */
function parseName(name: string): Parsed {
  const units: string[] = [];
  let rest = name;
  for (;;) {
    const u = leadingUnit(rest);
    if (!u) {
      // 「某县人民政府某镇」: the parent's government named between two units.
      const inner = /^(?:人民政府|政府)/u.exec(rest);
      if (inner && units.length && leadingUnit(rest.slice(inner[0].length))) {
        rest = rest.slice(inner[0].length);
        continue;
      }
      break;
    }
    units.push(UNIT_ALIASES[u] ?? u);
    rest = rest.slice(u.length);
  }
  let body = rest;
  if (GOVERNMENT.test(body)) body = '';
  else if (OWN_LEVEL.test(body)) body = '本级';
  for (const [re, to] of BODY_ALIASES) if (re.test(body)) body = to;
  return { units, body };
}

function leadingUnit(s: string): string | null {
  for (let len = 1; len <= 12 && len < s.length; len++) {
    const name = s.slice(0, len);
    // A unit name is words, not a digit or a mark; and never a government word.
    if (!/^[\p{Script=Han}]+$/u.test(name) || /政府|人民|委员会|办公/u.test(name)) return null;
    for (const [suffix, min, max] of SUFFIXES) {
      if (len < min || len > max || !s.startsWith(suffix, len)) continue;
      return name + suffix;
    }
  }
  return null;
}

function serialise(p: Parsed): string {
  return `${p.units.join('/')}|${p.body}`;
}

function deserialise(key: string): Parsed {
  const i = key.lastIndexOf('|');
  const units = key.slice(0, i);
  return { units: units ? units.split('/') : [], body: key.slice(i + 1) };
}

/** The agency a report title names, or null when the title names none (「2023年政府信息公开工作年度报告」). */
export function agencyFromTitle(title: string | null | undefined): Agency | null {
  if (!title) return null;
  // A page title may carry the site's name after a separator: 「2023年度…年度报告_政府信息公开年报_某县人民政府」.
  const segments = title.normalize('NFKC').split(/[_|｜]|\s[-—–]\s/u);
  for (const segment of segments) {
    const name = agencyPart(segment);
    if (!name) continue;
    const parsed = parseName(name);
    if (parsed.units.length === 0 && !parsed.body) continue;
    // A segment without a unit ("政府信息公开年报") names no body; one with a unit does.
    if (parsed.units.length === 0 && segments.length > 1 && segment !== segments[0]) continue;
    return { key: serialise(parsed), name };
  }
  return null;
}

/**
 * Are two agencies one body? The last units and the bodies must be the same; parent units may be
 * left out (「洪泽区」 = 「淮安市洪泽区」), but parents of one type that both name must agree.
 */
export function sameAgency(a: string | Agency, b: string | Agency): boolean {
  const ka = typeof a === 'string' ? a : a.key;
  const kb = typeof b === 'string' ? b : b.key;
  if (ka === kb) return true;
  const pa = deserialise(ka);
  const pb = deserialise(kb);
  if (pa.body !== pb.body) return false;
  // Without any unit, only the very same name may be the same body (and only on one site: store.ts).
  if (pa.units.length === 0 || pb.units.length === 0) return false;
  if (pa.units.at(-1) !== pb.units.at(-1)) return false;
  const parentsOf = (p: Parsed) => {
    const byType = new Map<string, Set<string>>();
    for (const u of p.units.slice(0, -1)) {
      const type = unitType(u);
      if (!byType.has(type)) byType.set(type, new Set());
      byType.get(type)!.add(u);
    }
    return byType;
  };
  const xa = parentsOf(pa);
  const xb = parentsOf(pb);
  for (const [type, names] of xa) {
    const other = xb.get(type);
    if (!other) continue;
    const aInB = [...names].every((n) => other.has(n));
    const bInA = [...other].every((n) => names.has(n));
    if (!aInB && !bInA) return false;
  }
  return true;
}

/**
 * A name without any unit (「区统计局」「市临空经济区」: real titles that leave the place out) says
 * which body only on its own site: it is matched only there (store.ts).
 */
export const placeless = (key: string) => key.slice(0, key.lastIndexOf('|')) === '';

function unitType(unit: string): string {
  for (const [suffix] of SUFFIXES) if (unit.endsWith(suffix)) return suffix;
  return '';
}
