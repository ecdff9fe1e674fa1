// The words by which a report's prose states a figure of its tables (spec §5 "Text numbers agree
// with the tables"; real wordings from ../shared/reports 001–015 and the seeds). Patterns run on
// text with spaces removed. Each names what a number stands for when it is the word nearest the
// number in its clause ("其中结果维持 72 件": 维持), so that a clause mentioning several things
// ("办理因政府信息公开申请引发的行政复议36起") is read by the thing it counts.

/** What a number of table 三 the text may state. */
export type T3Kind =
  | 'received' // 一 (or 一 + 二: 「共受理…（含上年结转…）」)
  | 'carried-in' // 二、上年结转
  | 'handled' // （七）总计: 办结, 答复
  | 'carried' // 四、结转下年度继续办理
  | 'open' // （一）予以公开
  | 'partial' // （二）部分公开
  | 'open-partial' // （一） + （二）
  | 'refused' // （三）不予公开
  | 'unavailable' // （四）无法提供
  | 'unprocessed' // （五）不予处理
  | 'other-outcome'; // （六）其他处理

/** The outcome categories whose list, when complete, should add up to the stated total. */
export const OUTCOMES: T3Kind[] = ['open', 'partial', 'open-partial', 'refused', 'unavailable', 'unprocessed', 'other-outcome'];

export type T4Block = 'review' | 'suit' | 'direct' | 'after-review';
export type T4Col = 'total' | 'upheld' | 'corrected' | 'other' | 'pending';
export type T2Doc = 'regulations' | 'normative';
/** 2021: issued / repealed / in-force; 2019: made / published (本年新制作 / 本年新公开). */
export type T2Action = 'issued' | 'repealed' | 'in-force' | 'published';

/** Specific words: a category, a carry-over, table 四, table 二. The nearest one names the number. */
export const T3_WORDS: [T3Kind, RegExp][] = [
  ['open-partial', /(?:予以|同意|全部)?公开(?:及|和|与|、|或|以及)部分公开/gu],
  ['partial', /部分公开/gu],
  ['refused', /不予公开|不同意公开|不予以公开/gu],
  ['open', /予以公开|同意公开|全部公开/gu],
  ['unavailable', /无法提供/gu],
  ['unprocessed', /不予处理/gu],
  ['other-outcome', /其他处理|其他方式处理/gu],
  ['carried-in', /上一?年度?结转|上年度?转入|往年结转/gu],
  ['carried', /(?:结转|顺延|转)(?:至|到|入)?(?:下一?年度?|明年|次年|\d{4}年)/gu],
];

/** Table 四: the block a number belongs to. 「复议后起诉」 and 「直接起诉」 name one block of the lawsuits. */
export const T4_BLOCKS: [T4Block, RegExp][] = [
  ['after-review', /复议后(?:提起)?(?:行政)?(?:起诉|诉讼)/gu],
  ['direct', /(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)/gu],
  ['review', /(?<!未经|经过)(?:行政)?复议(?!后)/gu],
  ['suit', /(?:行政)?诉讼|起诉|应诉/gu],
];

export const T4_COLS: [T4Col, RegExp][] = [
  ['upheld', /(?:结果)?维持/gu],
  ['corrected', /(?:结果)?纠正|纠错|败诉/gu],
  ['other', /其他结果/gu],
  ['pending', /尚未审结|未审结|正在审理|审理中/gu],
];

export const T2_DOCS: [T2Doc, RegExp][] = [
  ['regulations', /规章/gu],
  ['normative', /(?:行政)?规范性文件/gu],
];

/**
 * The verb that says which column of table 二 is meant. 公开/发布 alone says only "published",
 * which is a column of the 2019 format (本年新公开数量) and none of the 2021 format's.
 */
export const T2_ACTIONS: [T2Action, RegExp][] = [
  ['in-force', /现行有效|现有有效|有效期内/gu],
  ['repealed', /废止|宣布失效/gu],
  ['issued', /制发|制定|出台|印发|新制作|新制定/gu],
  ['published', /公开|发布|公布/gu],
];

/** Other things done with documents (reviewed, revised, cleaned up, explained): their counts are no column. */
export const T2_OTHER_VERBS = /审查|审核|备案|修改|修订|清理|解读|征求|征集|合法性|评估|报送|转发|刊登|汇编|梳理|拟/u;

/** Generic words, read only when no specific word is in the clause ("同意公开答复 9 件" is 予以公开). */
export const RECEIVED_VERB = /收到|受理|接收|新收|接到|收悉|登记/gu;
export const HANDLED_VERB = /办结|答复|办理|处理|回复/gu;

/**
 * What the sentence (or the one before) must speak of: requests for table 三's numbers, disclosure
 * for table 四's (a 司法局's 「全年办理行政复议案件 120 件」 is its review work at large).
 */
export const T3_CONTEXT = /申请/u;
export const T4_CONTEXT = /公开/u;

/** Words of requests: a receiving verb counts requests only with them. */
export const REQUEST_WORD = /申请|依申请/u;

/** Numbers of something else that requests are also received as: letters, hotline orders, proposals. */
export const NOT_REQUESTS = /诉求|来信|信件|咨询|留言|建议|提案|热线|工单|问政|投诉|信箱|案件|事项|批次|来电|网民|援助|许可|审批|低保|补贴|救助|复议申请|登记申请|专利|商标/u;
/** 「依申请公开事项」 names the requests themselves: its 事项 is no other kind of matter (NOT_REQUESTS). */
export const REQUESTS_AS_MATTERS = /依申请公开(?:的)?事项/gu;

/** A per-applicant or per-channel part ("其中，自然人 N 件", "网上申请 N 件"): not the total. */
export const APPLICANT_WORD = /自然人|法人|商业企业|商业机构|科研机构|社会公益|法律服务|其他组织|个人|企业申请|公民/u;
/** Every applicant at once (「收到公民、法人或其他组织提出的…申请」): the whole, not a part. */
export const ALL_APPLICANTS = /(?:公民|自然人)[、，,]?(?:和|或|及|与)?法人(?:和|或|及|与|或者|、)?其他组织/gu;
/** A handled number qualified by when or how (「按期答复50件，延期答复2件」): a part of those answered. */
export const HANDLED_PART = /(?:延期|延长|逾期|超期|按期|按时|如期|当场|当日|即时|限时)$/u;
export const CHANNEL_WORD = /网上|网络|在线|信函|当面|现场|传真|电子邮件|邮件|邮寄|来访|快递|窗口|平台/u;
export const TOTAL_WORD = /共|合计|总|各类|全部|累计/u;

/**
 * Another body named before the verb (「区公安局受理政府信息公开申请 N 件」 in a district's report):
 * one department's share, not the report's figure. The body's own words (我局, X政府办代表X政府)
 * are scopes, taken out before this is looked for.
 */
export const OTHER_BODY = /[\u4e00-\u9fa5]{1,12}?(?:分局|局|委员会|委|办公室|办|厅|院|中心|街道|镇|乡|管委会|公司)/u;

/** Last year's number, or a change ("较上年增加 N 件", "同比增长"): not this year's figure. */
export const OTHER_YEAR = /去年|上一?年(?!度?结转)|前年|同比|同期|较|比上|增加|减少|增长|下降|回落|增幅|降幅/u;

/** A part of the year (「第一季度收到申请12件」「上半年」): not the year's figure. */
export const PERIOD_PART = /季度|上半年|下半年|月份/u;

/** The requests left over (「尚有 N 件…，结转至下一年度」): the clause after says what becomes of them. */
export const REMAINDER = /^(?:截至[^，]{0,10})?(?:尚有|还有|另有|仍有|剩余|余下|其余)$/u;

/** A number that is not exact ("近 300 件", "N 余件"). */
export const APPROXIMATE_BEFORE = /(?:近|约|超过|逾|不足|不到|将近|大约)$/u;

/** Whose requests: narrower than a government's whole area, or the whole area. */
export const SCOPE_NARROW =
  /(?:[区市县镇旗]政府办(?:公室|公厅)?|市政府办公厅|省政府办公厅|[区县]府办)代表[区市县镇旗](?:人民)?政府|本机关(?!不掌握)|本局|本委|本办|本厅|本中心|本部门|本单位|我局|我委|我办|我厅|我中心/gu;
export const SCOPE_WIDE = /全区各级(?:行政机关)?|全市各级(?:行政机关)?|全县各级(?:行政机关)?|全省各级(?:行政机关)?|全区|全市|全县|全省|全镇|全旗|全州|各级行政机关|各有关单位/gu;

/** Negative statements: none received, no review or lawsuit, none corrected. */
// The words between verb and request (group 1) may name who applies: 「未收到公民、法人或其他组织提出的政府信息公开申请」
// (a common wording, 19 characters); what kind of request it is is told by those words alone (NOT_REQUESTS), never
// by the closing 「依申请公开事项」, whose 事项 would read as another kind.
export const NONE_RECEIVED = /(?:未|没有|无)(?:收到|接到|受理)(?:过)?([^，。；;,：:]{0,26}?)(?:申请件?|依申请公开件|依申请件|依申请公开事项)/gu;
/** None carried into next year (「无结转下年度的申请」「没有需结转至下一年度办理的申请」). */
export const NONE_CARRIED = /(?:无|没有|未有|不存在)(?:需要?)?(?:结转|顺延)(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:政府信息公开)?(?:申请)?/gu;
// 「无」 alone is too common a character: only 「无因…」「无行政复议…」「无被…」.
export const NONE_T4 =
  /(?:未发生|没有发生|未出现|没有出现|未产生|不存在|未被|未曾被|没有|未有|无(?=因|行政|被|发生|涉及))[^，。；;,]{0,24}?(?:行政复议|行政诉讼|复议|诉讼)(?:[^，。；;,]{0,16}?(?:行政复议|行政诉讼|复议|诉讼))?[^，。；;,]{0,12}/gu;
export const NONE_T4_STOP = /减少|降低|避免|防止|预防|化解|尽量/u;
export const CORRECTED_WORD = /纠错|纠正|败诉|撤销/u;
export const ALL_UPHELD = /均(?:获|被|予以)?维持|全部(?:获|被)?维持|均为(?:结果)?维持/u;

/** Fees of table 二 by their own name, in its unit; never 信息处理费 (a fee for requests, spec §2.4). */
export const FEES = /行政事业性收费/u;
export const PROCESSING_FEE = /信息处理费|处理费|信息公开费/u;

/** The table's own wording: a number stated in it leaves no doubt which figure is meant. */
/** The table's own wording, nothing before it but the year: a number stated so leaves no doubt which figure is meant. */
const ONLY = (label: string) => new RegExp(`^(?:全年|本年度?|今年|(?:19|20)\\d{2}年度?)?(?:共|共计)?${label}(?:的)?(?:数量)?(?:为|共|共计|合计)?$`, 'u');
export const EXACT: Partial<Record<T3Kind, RegExp>> = {
  received: ONLY('本年新收(?:的)?政府信息公开申请'),
  'carried-in': ONLY('上年结转(?:的)?政府信息公开申请'),
  carried: ONLY('结转下年度继续办理(?:的)?(?:政府信息公开)?(?:申请)?'),
};
