// The ways into our viewer: its address for a file, and the declarativeNetRequest rules that send
// PDFs of *.gov.cn there when the user turned that on. Pure (no extension API is touched here):
// the background hands in the viewer's base URL and the DNR object.
//
// The rules are the declarative form of pdf.js's own Chromium handler (mozilla/pdf.js,
// extensions/chromium/pdfHandler.js): response-header conditions, never for POST (the viewer cannot
// repeat the request), attachments shown in a frame left alone.

/** Ids of our redirect rules (dynamic); the viewer's own session rules (「用浏览器打开」, Referer) use ids ≥ 1000. */
export const REDIRECT_IDS = { first: 1, last: 99 } as const;
/** Below the viewer's allow rules (priority 2) for 「用浏览器打开」. */
export const REDIRECT_PRIORITY = 1;
/** A throw-away session rule id, for the feature test only. */
const PROBE_ID = 999;

/** Our viewer on one file: `viewer.html?src=<encoded>&ref=<encoded>` (no ref when none is known). */
export function viewerUrl(base: string, src: string, ref?: string | null, alt: string[] = []): string {
  // `alt`: other versions of the report the page links (a PDF beside an OFD), offered if this one cannot be read.
  return `${base}?src=${encodeURIComponent(src)}${ref ? `&ref=${encodeURIComponent(ref)}` : ''}${alt.map((a) => `&alt=${encodeURIComponent(a)}`).join('')}`;
}

// A subset of chrome.declarativeNetRequest's Rule type: what these rules use.
export interface HeaderCondition {
  header: string;
  values?: string[];
  excludedValues?: string[];
}
export interface RuleCondition {
  regexFilter?: string;
  urlFilter?: string;
  requestDomains?: string[];
  resourceTypes: ('main_frame' | 'sub_frame')[];
  excludedRequestMethods?: 'post'[];
  responseHeaders?: HeaderCondition[];
  excludedResponseHeaders?: HeaderCondition[];
}
export interface Rule {
  id: number;
  priority: number;
  condition: RuleCondition;
  action: { type: 'allow' } | { type: 'redirect'; redirect: { regexSubstitution: string } };
}

/** The part of chrome.declarativeNetRequest the background uses. */
export interface DnrApi {
  getDynamicRules(): Promise<{ id: number }[]>;
  updateDynamicRules(o: { addRules?: Rule[]; removeRuleIds?: number[] }): Promise<void>;
  updateSessionRules(o: { addRules?: unknown[]; removeRuleIds?: number[] }): Promise<void>;
}

const FRAMES: RuleCondition['resourceTypes'] = ['main_frame', 'sub_frame'];
const GOV = ['gov.cn'];

/**
 * The redirect rules: a *.gov.cn page or frame answered as a PDF (`application/pdf`, or
 * `application/octet-stream` with `.pdf` in its address or its Content-Disposition name) opens in
 * our viewer, its address raw after `&src=` (DNR cannot encode it: the viewer reads everything
 * after the first `&src=` when `raw=1`). Allow rules first: an attachment in a frame is a download
 * the page asked for; so is `…=download` in a main frame that says attachment. At one priority an
 * allow rule wins over a redirect, and the viewer's own allow rules (priority 2) win over all.
 */
export function pdfRedirectRules(viewerBase: string): Rule[] {
  const redirect = { type: 'redirect' as const, redirect: { regexSubstitution: `${viewerBase}?raw=1&ref=&src=\\0` } };
  const allow = { type: 'allow' as const };
  const attachment: HeaderCondition[] = [{ header: 'content-disposition', values: ['attachment*'] }];
  const octet = ['application/octet-stream', 'application/octet-stream;*'];
  const conditions: [RuleCondition, Rule['action']][] = [
    [{ urlFilter: '*', requestDomains: GOV, resourceTypes: ['sub_frame'], responseHeaders: attachment }, allow],
    [{ urlFilter: '=download', requestDomains: GOV, resourceTypes: ['main_frame'], responseHeaders: attachment }, allow],
    [
      {
        regexFilter: '^https?://.*$',
        requestDomains: GOV,
        excludedRequestMethods: ['post'],
        resourceTypes: FRAMES,
        responseHeaders: [{ header: 'content-type', values: ['application/pdf', 'application/pdf;*'] }],
      },
      redirect,
    ],
    [
      // A wrong type, but a PDF by the name in its address.
      { regexFilter: '^https?://.*\\.[pP][dD][fF]\\b.*$', requestDomains: GOV, excludedRequestMethods: ['post'], resourceTypes: FRAMES, responseHeaders: [{ header: 'content-type', values: octet }] },
      redirect,
    ],
    [
      // A wrong type, but a PDF by its Content-Disposition name. Header conditions are an OR: "type is
      // octet-stream" is written as "no type other than octet-stream" (as pdf.js does).
      {
        regexFilter: '^https?://.*$',
        requestDomains: GOV,
        excludedRequestMethods: ['post'],
        resourceTypes: FRAMES,
        responseHeaders: [{ header: 'content-disposition', values: ['*.pdf', '*.pdf"*', "*.pdf'*", '*.PDF', '*.PDF"*', "*.PDF'*"] }],
        excludedResponseHeaders: [{ header: 'content-type', excludedValues: octet }],
      },
      redirect,
    ],
  ];
  return conditions.map(([condition, action], i) => ({ id: REDIRECT_IDS.first + i, priority: REDIRECT_PRIORITY, condition, action }));
}

/**
 * Whether the browser matches rules on response headers (Chrome 128+). Chrome 121–127 accept such
 * rules and ignore the condition, which would send every gov.cn page to the viewer; the test is
 * pdf.js's (w3c/webextensions#638): a header condition must be accepted, and an empty one refused.
 */
export async function headerConditionsSupported(dnr: DnrApi): Promise<boolean> {
  const probe = (responseHeaders: unknown[]) => ({ id: PROBE_ID, priority: 1, condition: { responseHeaders, urlFilter: '|does_not_match_anything' }, action: { type: 'block' } });
  try {
    await dnr.updateSessionRules({ addRules: [probe([{ header: 'whatever' }])] });
  } catch {
    return false;
  }
  try {
    // Validation skipped means the feature is behind a flag, off.
    await dnr.updateSessionRules({ removeRuleIds: [PROBE_ID], addRules: [probe([])] });
    return false;
  } catch {
    return true;
  } finally {
    await dnr.updateSessionRules({ removeRuleIds: [PROBE_ID] }).catch(() => {});
  }
}

/**
 * Installs our redirect rules (`on`) or removes them, leaving every other rule alone. Returns what
 * is in force: false when asked on but the browser cannot match on headers (`supported`: the
 * feature test, or its answer known already).
 */
export async function syncRedirectRules(dnr: DnrApi, viewerBase: string, on: boolean, supported: () => Promise<boolean> = () => headerConditionsSupported(dnr)): Promise<boolean> {
  const ours = (await dnr.getDynamicRules()).map((r) => r.id).filter((id) => id >= REDIRECT_IDS.first && id <= REDIRECT_IDS.last);
  const want = on && (await supported());
  await dnr.updateDynamicRules({ removeRuleIds: ours, addRules: want ? pdfRedirectRules(viewerBase) : [] });
  return want;
}
