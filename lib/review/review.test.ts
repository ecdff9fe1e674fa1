// A report's reviews: validated when read back, one change merged into what is kept (another
// finding's review survives), staleness by the hash of the content read, the panel's summary.
import { describe, expect, it } from 'vitest';
import { applyChange, unchanged } from './merge';
import { MAX_NOTE, parseReviews, lastReviewed, type ReportReviews } from './record';
import { isStale, shownReviews, summarize } from './stale';
import { MemoryReviewStore, reviewsIn } from './store';

const URL_A = 'https://a.gov.cn/2023.html';
const T1 = '2025-03-01T08:00:00.000Z';
const T2 = '2025-03-02T08:00:00.000Z';

describe('applyChange', () => {
  it('adds, replaces and takes back one finding, keeping the others; empty is no record', () => {
    const one = applyChange(null, `${URL_A}#s3`, 'k1', { verdict: 'confirmed', note: '属实' }, 'h1', T1)!;
    expect(one).toEqual({ url: URL_A, hash: 'h1', findings: { k1: { verdict: 'confirmed', note: '属实', at: T1, hash: 'h1' } } });
    const two = applyChange(one, URL_A, 'k2', { verdict: 'excluded', note: '' }, 'h2', T2)!;
    expect(Object.keys(two.findings)).toEqual(['k1', 'k2']);
    // Each review keeps the content it was made on; the record says the latest.
    expect(two.findings.k1.hash).toBe('h1');
    expect(two.hash).toBe('h2');
    expect(one.findings.k2).toBeUndefined();
    const back = applyChange(two, URL_A, 'k1', null, 'h2', T2)!;
    expect(Object.keys(back.findings)).toEqual(['k2']);
    expect(applyChange(back, URL_A, 'k2', null, 'h2', T2)).toBeNull();
  });

  it('cuts a note past its maximum, and tells a change from none', () => {
    const r = applyChange(null, URL_A, 'k', { verdict: 'excluded', note: '很'.repeat(MAX_NOTE + 10) }, null, T1)!;
    expect(r.findings.k.note).toHaveLength(MAX_NOTE);
    expect(unchanged(r, 'k', { verdict: 'excluded', note: '很'.repeat(MAX_NOTE + 10) }, null)).toBe(true);
    expect(unchanged(r, 'k', { verdict: 'confirmed', note: r.findings.k.note }, null)).toBe(false);
    expect(unchanged(r, 'k', { verdict: 'excluded', note: r.findings.k.note }, 'other')).toBe(false);
    expect(unchanged(r, 'x', null, null)).toBe(true);
    expect(unchanged(r, 'k', null, null)).toBe(false);
  });
});

describe('parseReviews', () => {
  it('reads back what was written, drops an invalid review, refuses what is no record', () => {
    const good = applyChange(null, URL_A, 'k', { verdict: 'confirmed', note: '<b>页面文字</b>' }, 'h', T1)!;
    expect(parseReviews(JSON.parse(JSON.stringify(good)))).toEqual({ record: good, dropped: 0 });
    const mixed = { ...good, findings: { ...good.findings, bad: { verdict: 'maybe', note: '', at: T1, hash: null }, worse: { verdict: 'excluded', note: 1, at: T1, hash: null }, undated: { verdict: 'excluded', note: '', at: 'yesterday', hash: null } } };
    const r = parseReviews(mixed);
    expect('record' in r && Object.keys(r.record.findings)).toEqual(['k']);
    expect('record' in r && r.dropped).toBe(3);
    for (const raw of [null, 'x', [], { url: '', hash: null, findings: {} }, { url: URL_A, hash: 5, findings: {} }, { url: URL_A, hash: null, findings: [] }]) expect(parseReviews(raw)).toHaveProperty('error');
  });

  it('dates a record by its newest review', () => {
    const r = applyChange(applyChange(null, URL_A, 'a', { verdict: 'confirmed', note: '' }, null, T2), URL_A, 'b', { verdict: 'confirmed', note: '' }, null, T1)!;
    expect(lastReviewed(r)).toBe(T2);
  });
});

describe('staleness', () => {
  const rec: ReportReviews = {
    url: URL_A,
    hash: 'new',
    findings: {
      a: { verdict: 'confirmed', note: '', at: T1, hash: 'old' },
      b: { verdict: 'excluded', note: '', at: T2, hash: 'new' },
      c: { verdict: 'excluded', note: '', at: T2, hash: null },
    },
  };

  it('is a review made on other content; an unknown hash claims nothing', () => {
    expect(isStale({ hash: 'old' }, 'new')).toBe(true);
    expect(isStale({ hash: 'new' }, 'new')).toBe(false);
    expect(isStale({ hash: null }, 'new')).toBe(false);
    expect(isStale({ hash: 'old' }, null)).toBe(false);
    const shown = shownReviews(rec, 'new');
    expect([shown.a.stale, shown.b.stale, shown.c.stale]).toEqual([true, false, false]);
    expect(shownReviews(rec, 'old').b.stale).toBe(true);
    expect(shownReviews(null, 'x')).toEqual({});
  });

  it('summarizes over the findings shown now: a review of a finding gone is counted apart', () => {
    expect(summarize(shownReviews(rec, 'new'), ['a', 'b', 'z'])).toEqual({ confirmed: 1, excluded: 1, stale: 1, gone: 1, changed: true });
    expect(summarize({}, ['a'])).toEqual({ confirmed: 0, excluded: 0, stale: 0, gone: 0, changed: false });
    // Only a review of a finding gone was made on other content: the report still says it changed.
    expect(summarize(shownReviews(rec, 'new'), ['b', 'c'])).toEqual({ confirmed: 0, excluded: 2, stale: 0, gone: 1, changed: true });
    // Same content, a finding gone (the rules changed): counted, but no claim that the report did.
    expect(summarize(shownReviews({ ...rec, findings: { b: rec.findings.b } }, 'new'), [])).toEqual({ confirmed: 0, excluded: 0, stale: 0, gone: 1, changed: false });
  });
});

describe('MemoryReviewStore', () => {
  it('keeps per report, tells watchers, and gives RowReviews with staleness', async () => {
    let t = 0;
    const store = new MemoryReviewStore(() => [T1, T2][t++ % 2]);
    const seen: (ReportReviews | null)[] = [];
    const stop = store.watch(`${URL_A}#x`, (r) => seen.push(r));
    await store.set(URL_A, 'k1', { verdict: 'confirmed', note: 'n' }, 'h1');
    await store.set('https://a.gov.cn/other.html', 'k1', { verdict: 'excluded', note: '' }, 'h9');
    // The same again writes nothing and tells no one.
    await store.set(URL_A, 'k1', { verdict: 'confirmed', note: 'n' }, 'h1');
    expect(seen).toHaveLength(1);
    expect(await reviewsIn(store, URL_A, 'h2')).toEqual({ k1: { verdict: 'confirmed', note: 'n', at: T1, hash: 'h1', stale: true } });
    stop();
    await store.set(URL_A, 'k1', null, 'h1');
    expect(seen).toHaveLength(1);
    expect(await store.get(URL_A)).toBeNull();
    expect(Object.keys(await reviewsIn(store, 'https://a.gov.cn/other.html', 'h9'))).toEqual(['k1']);
  });
});
