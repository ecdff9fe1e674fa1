import { describe, expect, it } from 'vitest';
import { REDIRECT_IDS, headerConditionsSupported, pdfRedirectRules, syncRedirectRules, viewerUrl, type DnrApi, type HeaderCondition, type Rule } from './dnr';

const BASE = 'chrome-extension://abcdefghijklmnop/viewer.html';

interface Request {
  url: string;
  type: 'main_frame' | 'sub_frame' | 'xmlhttprequest';
  method?: 'get' | 'post';
  headers: Record<string, string>;
}

/** DNR header value patterns: `*` any run, `?` one character, case-insensitive (Chrome's matching). */
const glob = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(value);

const headerMatches = (c: HeaderCondition, headers: Record<string, string>) => {
  const v = headers[c.header.toLowerCase()];
  if (v == null) return false;
  if (c.values && !c.values.some((p) => glob(p, v))) return false;
  if (c.excludedValues && c.excludedValues.some((p) => glob(p, v))) return false;
  return true;
};

/** A small model of Chrome's matching for the parts of a rule these rules use (the documented semantics). */
function matches(rule: Rule, req: Request): boolean {
  const c = rule.condition;
  const u = new URL(req.url);
  if (!c.resourceTypes.includes(req.type as never)) return false;
  if (c.excludedRequestMethods?.includes((req.method ?? 'get') as 'post')) return false;
  if (c.requestDomains && !c.requestDomains.some((d) => u.hostname === d || u.hostname.endsWith(`.${d}`))) return false;
  if (c.regexFilter && !new RegExp(c.regexFilter, 'i').test(req.url)) return false;
  if (c.urlFilter && c.urlFilter !== '*' && !req.url.toLowerCase().includes(c.urlFilter.toLowerCase())) return false;
  if (c.responseHeaders && !c.responseHeaders.some((h) => headerMatches(h, req.headers))) return false;
  // Excluded: the rule does not match when any excluded header condition holds.
  if (c.excludedResponseHeaders?.some((h) => h.excludedValues ? req.headers[h.header] != null && !headerMatches({ header: h.header, values: h.excludedValues }, req.headers) : req.headers[h.header] != null)) return false;
  return true;
}

/** What happens to a request: the highest priority wins; at one priority allow beats redirect. */
function outcome(rules: Rule[], req: Request): { allow: true } | { redirect: string } | null {
  const hit = rules.filter((r) => matches(r, req)).sort((a, b) => b.priority - a.priority || (a.action.type === 'allow' ? -1 : 1) - (b.action.type === 'allow' ? -1 : 1));
  const top = hit[0];
  if (!top) return null;
  if (top.action.type === 'allow') return { allow: true };
  const re = new RegExp(top.condition.regexFilter!, 'i');
  return { redirect: req.url.replace(re, (m) => top.action.type === 'redirect' ? top.action.redirect.regexSubstitution.replace('\\0', m) : m) };
}

/** The viewer's reading of a raw redirect: everything after the first `&src=`. */
const rawSrc = (viewer: string) => viewer.slice(viewer.indexOf('&src=') + 5);

describe('viewerUrl', () => {
  it('encodes the file and the referring page', () => {
    const url = viewerUrl(BASE, 'https://a.gov.cn/d.jsp?x=1&f=年报.pdf', 'https://a.gov.cn/art/1.html#top');
    const q = new URL(url).searchParams;
    expect(url.startsWith(`${BASE}?src=`)).toBe(true);
    expect(q.get('src')).toBe('https://a.gov.cn/d.jsp?x=1&f=年报.pdf');
    expect(q.get('ref')).toBe('https://a.gov.cn/art/1.html#top');
    expect(viewerUrl(BASE, 'https://a.gov.cn/r.pdf', null)).toBe(`${BASE}?src=https%3A%2F%2Fa.gov.cn%2Fr.pdf`);
  });
});

describe('pdfRedirectRules', () => {
  const rules = pdfRedirectRules(BASE);
  const get = (url: string, headers: Record<string, string>, type: Request['type'] = 'main_frame', method: Request['method'] = 'get') => outcome(rules, { url, type, method, headers });

  it('keeps to its ids and priority', () => {
    for (const r of rules) {
      expect(r.id).toBeGreaterThanOrEqual(REDIRECT_IDS.first);
      expect(r.id).toBeLessThanOrEqual(REDIRECT_IDS.last);
      expect(r.priority).toBe(1);
      expect(r.condition.requestDomains).toEqual(['gov.cn']);
    }
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('sends a gov.cn PDF to the viewer, its address whole after &src=', () => {
    for (const url of ['https://www.huaian.gov.cn/zfxxgk/P020240115.pdf', 'http://a.b.gov.cn/module/download/downfile.jsp?classid=0&filename=ab12.pdf', 'https://x.gov.cn/get?id=7&type=2#page=3']) {
      for (const type of ['application/pdf', 'application/pdf; charset=binary'])
        for (const frame of ['main_frame', 'sub_frame'] as const) {
          const got = get(url, { 'content-type': type }, frame);
          expect(got && 'redirect' in got).toBe(true);
          const to = (got as { redirect: string }).redirect;
          expect(to.startsWith(`${BASE}?raw=1&ref=&src=`)).toBe(true);
          expect(rawSrc(to)).toBe(url);
        }
    }
  });

  it('takes octet-stream as a PDF by the name in the address or in Content-Disposition', () => {
    expect(get('https://a.gov.cn/files/r.PDF?v=2', { 'content-type': 'application/octet-stream' })).toHaveProperty('redirect');
    expect(get('https://a.gov.cn/down?id=9', { 'content-type': 'application/octet-stream', 'content-disposition': 'inline; filename="2023年报.pdf"' })).toHaveProperty('redirect');
    expect(get('https://a.gov.cn/down?id=9', { 'content-type': 'application/octet-stream' })).toBeNull();
    expect(get('https://a.gov.cn/r.zip', { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="r.zip"' })).toBeNull();
  });

  it('leaves pages, POSTs, other sites and attachments in frames alone', () => {
    expect(get('https://a.gov.cn/r.pdf.html', { 'content-type': 'text/html; charset=utf-8' })).toBeNull();
    expect(get('https://a.gov.cn/r.pdf', { 'content-type': 'application/pdf' }, 'main_frame', 'post')).toBeNull();
    expect(get('https://example.com/r.pdf', { 'content-type': 'application/pdf' })).toBeNull();
    expect(get('https://notgov.cn/r.pdf', { 'content-type': 'application/pdf' })).toBeNull();
    expect(get('https://a.gov.cn/r.pdf', { 'content-type': 'application/pdf' }, 'xmlhttprequest')).toBeNull();
    expect(get('https://a.gov.cn/r.pdf', { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename=r.pdf' }, 'sub_frame')).toEqual({ allow: true });
    expect(get('https://a.gov.cn/r?x=download', { 'content-type': 'application/pdf', 'content-disposition': 'attachment' })).toEqual({ allow: true });
    // A misconfigured server's attachment in a main frame still opens (as pdf.js does).
    expect(get('https://a.gov.cn/r.pdf', { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename=r.pdf' })).toHaveProperty('redirect');
  });

  it('gives way to the viewer\'s own allow rule (「用浏览器打开」)', () => {
    const escape: Rule = { id: 1000, priority: 2, condition: { urlFilter: 'a.gov.cn/r.pdf', resourceTypes: ['main_frame'] }, action: { type: 'allow' } };
    expect(outcome([...rules, escape], { url: 'https://a.gov.cn/r.pdf', type: 'main_frame', headers: { 'content-type': 'application/pdf' } })).toEqual({ allow: true });
  });
});

/** A fake DNR store behaving as a browser of the given kind does on the header-condition probe. */
function fakeDnr(kind: 'supported' | 'unknown-property' | 'behind-flag', dynamic: number[] = []) {
  let ids = [...dynamic];
  const session = new Set<number>();
  const calls: string[] = [];
  const api: DnrApi = {
    getDynamicRules: async () => ids.map((id) => ({ id })),
    updateDynamicRules: async ({ addRules = [], removeRuleIds = [] }) => {
      ids = ids.filter((i) => !removeRuleIds.includes(i)).concat(addRules.map((r) => r.id));
      calls.push(`dyn -${removeRuleIds.join(',')} +${addRules.map((r) => r.id).join(',')}`);
    },
    updateSessionRules: async ({ addRules = [], removeRuleIds = [] }) => {
      for (const r of addRules as { id: number; condition: { responseHeaders?: unknown[] } }[]) {
        const h = r.condition.responseHeaders;
        if (h && kind === 'unknown-property') throw new Error('Unexpected property: responseHeaders');
        if (h && h.length === 0 && kind === 'supported') throw new Error('responseHeaders must not be empty');
      }
      for (const id of removeRuleIds) session.delete(id);
      for (const r of addRules as { id: number }[]) session.add(r.id);
    },
  };
  return { api, ids: () => ids, session, calls };
}

describe('headerConditionsSupported and syncRedirectRules', () => {
  it('tells a browser that matches on headers from one that would ignore them', async () => {
    expect(await headerConditionsSupported(fakeDnr('supported').api)).toBe(true);
    expect(await headerConditionsSupported(fakeDnr('unknown-property').api)).toBe(false);
    expect(await headerConditionsSupported(fakeDnr('behind-flag').api)).toBe(false);
    const f = fakeDnr('supported');
    await headerConditionsSupported(f.api);
    expect(f.session.size).toBe(0);
  });

  it('installs and removes only its own rules', async () => {
    const f = fakeDnr('supported', [3, 150]);
    expect(await syncRedirectRules(f.api, BASE, true)).toBe(true);
    expect(f.ids().sort((a, b) => a - b)).toEqual([...pdfRedirectRules(BASE).map((r) => r.id), 150].sort((a, b) => a - b));
    expect(await syncRedirectRules(f.api, BASE, false)).toBe(false);
    expect(f.ids()).toEqual([150]);
    const old = fakeDnr('unknown-property', [1, 2]);
    expect(await syncRedirectRules(old.api, BASE, true)).toBe(false);
    expect(old.ids()).toEqual([]);
  });
});
