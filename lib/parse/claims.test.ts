import { describe, expect, it } from 'vitest';
import { readText } from '../read/text';
import { findClaims } from './claims';

const read = (text: string) => findClaims(readText(text)).map((c) => [c.kind, c.block ?? c.doc ?? '', c.col ?? c.action ?? '', c.value].join(':'));

describe('findClaims: the wordings of the real reports', () => {
  it.each([
    // 001 淮安市 2024
    ['全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）。', ['received:::3119', 'handled:::3050', 'carried-in:::34', 'carried:::103']],
    // 004 沭阳县 2025
    ['全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。', ['received:::749', 'handled:::718', 'carried:::31']],
    // 005 上海市科委 2024
    [
      '全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件。所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2 件，无法提供的 10 件，不予处理 0 件，其他处理 14 件，转下一年度办理答复的有 1 件。',
      ['received:::34', 'carried-in:::2', 'open:::9', 'partial:::0', 'refused:::2', 'unavailable:::10', 'unprocessed:::0', 'other-outcome:::14', 'carried:::1'],
    ],
    ['2024 年市科委有 1 件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为 0 件。', ['t4:review:total:1', 't4:review:corrected:0', 't4:suit:total:0']],
    // 006 上海市政府办公厅 2025
    ['市政府共受理政府信息公开申请 1295 件。其中，予以公开及部分公开 208 件（17.46%），不予公开 20 件（1.68%），因本机关不掌握等原因无法提供 564 件（47.36%），属信访、重复申请等不予处理 80 件，其他处理 319 件（26.78%，含申请人主动撤回 157 件）。', ['received:::1295', 'open-partial:::208', 'refused:::20', 'unavailable:::564', 'unprocessed:::80', 'other-outcome:::319']],
    // 012, 013, 014 平潭
    ['2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。', ['received:::154', 'handled:::148', 'carried:::6', 't4:review:total:36', 't4:suit:total:9']],
    ['清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。', ['t2:normative:in-force:393', 't2:normative:issued:77']],
    ['本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。', ['received:::70', 'handled:::69', 'carried:::1']],
    ['因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。', ['t4:review:total:2', 't4:suit:total:7']],
    // 007 上海 2019
    ['信息公开类行政复议7件，诉讼9件，均获维持。', ['t4:review:total:7', 't4:suit:total:9', 't4:review:corrected:0', 't4:suit:corrected:0']],
    ['主动公开规章13件，行政规范性文件60件，市政府其他文件162件。', ['t2:regulations:published:13', 't2:normative:published:60']],
    // The noun before the list; a sentence naming both kinds gives its verbs none.
    ['行政规范性文件：本年制发 3 件，废止 1 件，现行有效 40 件。对规章和规范性文件进行清理，本年废止 4 件。', ['t2:normative:issued:3', 't2:normative:repealed:1', 't2:normative:in-force:40']],
    // Others of the 2021 outline: 被申请行政复议, 被提起行政诉讼, results in brackets, the number first.
    ['因政府信息公开被申请行政复议 3 件（其中维持 2 件、纠正 1 件），被提起行政诉讼 1 件。', ['t4:review:total:3', 't4:review:upheld:2', 't4:review:corrected:1', 't4:suit:total:1']],
    ['全年共受理依申请公开 12 件，共有 2 件申请结转至下一年度办理。', ['received:::12', 'carried:::2']],
  ])('%s', (text, claims) => expect(read(text)).toEqual(claims));
});

describe('findClaims: wordings beyond the real reports', () => {
  it.each([
    // Chinese numerals, and 个 where it ends the clause.
    ['本年度共受理政府信息公开申请一百二十六件，予以公开十一件，部分公开两件，不予处理二件。', ['received:::126', 'open:::11', 'partial:::2', 'unprocessed:::2']],
    ['通过在线平台、信函等多种渠道累计收到各类政府信息公开申请共计39个。', ['received:::39']],
    // The remainder first, what becomes of it in the next clause.
    ['收到政府信息公开申请26件，截至12月31日，尚有6件申请在法定期限内，结转至下一年度办理。', ['received:::26', 'carried:::6']],
    // Results after both lawsuit blocks are the lawsuits'.
    ['因政府信息公开被提起行政诉讼3件，其中未经复议直接起诉2件、复议后起诉1件；法院判决维持2件，尚未审结1件。', ['t4:suit:total:3', 't4:direct:total:2', 't4:after-review:total:1', 't4:suit:upheld:2', 't4:suit:pending:1']],
    // Every applicant at once is the whole; 新收 is the table's word for new requests.
    ['本年度共收到公民、法人或其他组织提出的政府信息公开申请52件。', ['received:::52']],
    // 「依申请公开事项」 are the requests (其 事项 is no other kind of matter).
    ['本年度新接收依申请公开事项14件，已办结12件。', ['received:::14', 'handled:::12']],
    ['全年共处理政府信息公开申请18件，其中新收16件、上年结转2件。', ['handled:::18', 'received:::16', 'carried-in:::2']],
    // A result after its number, of the block named before.
    ['因政府信息公开被申请行政复议的有2件，其中1件维持原决定，1件尚在审理中。', ['t4:review:total:2', 't4:review:upheld:1', 't4:review:pending:1']],
  ])('%s', (text, claims) => expect(read(text)).toEqual(claims));

  it('none carried into next year, in words', () => {
    expect(read('全年共受理政府信息公开申请20件，已全部办结，无结转下年度的申请。')).toEqual(['received:::20', 'carried:::0']);
    expect(read('本年度无结转下年度的信访事项。')).toEqual([]);
  });

  it('the requests answered late or on time are a part of those answered', () => {
    expect(read('全年受理政府信息公开申请52件，按期答复50件，延期答复2件。')).toEqual(['received:::52']);
  });

  it('a Chinese numeral is read as a count only where it is one', () => {
    expect(read('与相关部门一起研究，收到政府信息公开申请后在15个工作日内答复，第一件申请当日办结。')).toEqual([]);
  });

  it('the section of table 三 gives its outcomes their context, another section does not', () => {
    const body = '本年度办理结果中，予以公开31件，其他处理1件。\n';
    expect(read(`三、收到和处理政府信息公开申请情况\n${body}`)).toEqual(['open:::31', 'other-outcome:::1']);
    expect(read(`五、存在的主要问题及改进情况\n${body}`)).toEqual([]);
  });
});

describe('findClaims: numbers of other things near the same words are no claim', () => {
  it.each([
    '全年主动公开政府信息 2428 条，发布政策解读 96 篇。',
    '其中，自然人 80 件、商业企业 1 件。',
    '申请数量较去年回落12.3%；较上年增加 17 件。',
    '网上申请 30 件、信函申请 2 件。',
    '全年受理网络问政182件，办理人大代表建议 12 件、政协提案 9 件。',
    '依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件 74 件。',
    '因政府信息公开引起的行政复议、行政诉讼案件共 9 件。',
    '刊登政府规章、规范性文件等112件，部门规范性文件45件，备案审查规范性文件 8 件。',
    '全年收取政府信息公开信息处理费 3940 元。收取信息处理费共计 1.5 万元。',
    '统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日，国办公开办函〔2021〕30号。',
    '着力减少行政复议、行政诉讼案件数量。全年未收到市长信箱信件。',
    '累计开展办前主动沟通 49 次，成功推动化解各类争议纠纷 33 件。',
    '近 300 件政策文件实现“阅办联动”，发布信息 5500 余件。',
    // Requests of other kinds, review work at large (a 司法局), outcomes with no request in sight.
    '受理法律援助申请 30 件，办理行政许可申请 12 件。我局未收到法律援助申请。',
    '全年办理行政复议案件 120 件，行政诉讼 9 件。',
    '财政预决算全部公开 12 件。',
    '全年受理政务服务事项 1200 件，办结便民事项 980 件。',
    // A part of the year.
    '第一季度收到政府信息公开申请12件，上半年办结政府信息公开申请 20 件。',
  ])('%s', (text) => expect(read(text)).toEqual([]));

  it('a table row flattened into text is the table (laid-out row, pipe cells)', () => {
    expect(read('四、结转下年度继续办理           44件    0件    0件    0件    0件    0件    44件\n')).toEqual([]);
    expect(read('| 四、结转下年度继续办理 | 44件 | 0件 |\n')).toEqual([]);
  });

  it('a heading ends the sentence before it: table 四\'s heading is no block of the text\'s results', () => {
    expect(read('四、政府信息公开行政复议、行政诉讼情况\n其中结果维持 3 件。')).toEqual([]);
  });

  it('the year and the scope the sentence names are kept', () => {
    const [c] = findClaims(readText('2022年，区政府办代表区政府受理政府信息公开申请 17 件。'));
    expect(c).toMatchObject({ year: 2022, scope: { text: '区政府办代表区政府', narrow: true } });
    const [d] = findClaims(readText('2023年全区受理政府信息公开申请 21 件。'));
    expect(d).toMatchObject({ year: 2023, scope: { text: '全区', narrow: false } });
    // 「本机关不掌握」 is the label of （四）1, not a scope.
    expect(findClaims(readText('政府信息公开申请中，因本机关不掌握等原因无法提供 5 件。'))[0].scope).toBeUndefined();
  });

  it('the table\'s own wording is marked as such', () => {
    expect(findClaims(readText('上年结转政府信息公开申请 2 件，全区受理政府信息公开申请 5 件。')).map((c) => !!c.exact)).toEqual([true, false]);
  });
});

describe('findClaims: statements in words', () => {
  it.each([
    ['2022年，我中心未收到政府信息公开申请。', ['received:::0']],
    // Who applies named between the verb and the request (a common wording), and 「依申请公开事项」 itself.
    ['本年度本机关未收到公民、法人或其他组织提出的政府信息公开申请。', ['received:::0']],
    ['全年没有收到依申请公开事项。', ['received:::0']],
    ['我局未收到公民、法人或其他组织提出的法律援助申请，政府信息公开工作平稳。', []],
    ['2023年，没有收到依申请公开件，不存在因公开申请产生的行政复议和行政诉讼情况。', ['received:::0', 't4:review:total:0', 't4:suit:total:0']],
    ['2022年，中心没有因政府信息公开申请行政复议、提起行政诉讼的情况。', ['t4:review:total:0', 't4:suit:total:0']],
    ['全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。', ['t4:review:corrected:0', 't4:suit:corrected:0']],
    ['本年度未发生因政府信息公开工作落实不到位进行责任追究的情况。', []],
  ])('%s', (text, claims) => expect(read(text)).toEqual(claims));

  it('marks the words themselves', () => {
    const [c] = findClaims(readText('2022年，我中心未收到政府信息公开申请。\n'));
    expect(c).toMatchObject({ wording: 'none', text: '未收到政府信息公开申请', anchor: { kind: 'text', line: 0, col: 9 } });
  });
});
