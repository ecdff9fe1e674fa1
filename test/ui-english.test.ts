// English that reads as English: the panel, the cards, the badges and the missing-section labels
// rendered in English over the findings of every seed layout and every real report, the string
// tables of the popup, viewer and audit page, the extension's messages, the note 「复制说明」 copies,
// and the command line's `--lang en` output. Any Chinese ideograph left is a failure, except report
// text quoted as printed: inside an element marked data-quote (components/Quoted.tsx), or within
// "…", “…”, 「…」, 《…》 in plain text; and a language offered in its own script (lang="zh-CN").
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../lib/check';
import type { Finding } from '../lib/findings';
import { noteOf } from '../lib/ext/note';
import { RULE_WORDS, strings } from '../lib/i18n';
import { summary } from '../lib/cli/summary';
import { Card } from '../components/Card';
import { Marks, type Mark } from '../components/Marks';
import { Panel } from '../components/Panel';
import { splitQuotes } from '../components/Quoted';
import type { View } from '../components/types';
import { summaryOf, viewOf as pageView } from '../components/view';
import { Popup } from '../components/Popup';
import { Bar } from '../components/viewer/Bar';
import { recordOf } from '../lib/history/record';
import type { HistoryRecord } from '../lib/history/model';
import { auditStrings } from '../components/audit/strings';
import { AuditPage } from '../components/audit/AuditPage';
import { auditRowOf, failedRow, pendingRow } from '../lib/audit/model';
import { viewerStrings } from '../components/viewer/strings';
import { LAYOUTS, SEED_IDS, layoutOf } from './fixtures/render';
import { cli } from './fixtures/cli';
import { REPORTS_DIR, checkBytes, reportSource } from './helpers';

// A DOM of our own (happy-dom) under the globals preact and the components use: vitest's happy-dom
// environment would replace URL too, which the fixtures need for their file paths.
const win = new Window({ url: 'http://www.example.gov.cn/report.html', width: 1280, height: 900 });
const GLOBALS = ['window', 'document', 'Node', 'Element', 'HTMLElement', 'Event', 'KeyboardEvent', 'MouseEvent', 'requestAnimationFrame', 'cancelAnimationFrame'] as const;
const saved: Record<string, unknown> = {};
beforeAll(() => {
  for (const k of GLOBALS) {
    saved[k] = (globalThis as Record<string, unknown>)[k];
    (globalThis as Record<string, unknown>)[k] = (win as unknown as Record<string, unknown>)[k] ?? (k === 'window' ? win : undefined);
  }
  (globalThis as Record<string, unknown>).document = win.document;
  (globalThis as Record<string, unknown>).window = win;
});
afterAll(async () => {
  for (const k of GLOBALS) (globalThis as Record<string, unknown>)[k] = saved[k];
  await win.happyDOM.close();
});

// The popup's world: the tab's summary, the settings in English, a history of real reports.
const popupWorld = vi.hoisted(() => ({ summary: null as unknown, records: [] as unknown[] }));
vi.mock('wxt/browser', () => ({
  browser: {
    tabs: { query: async () => [{ id: 1 }], sendMessage: async () => popupWorld.summary, create: async () => ({}) },
    runtime: { sendMessage: async () => ({ pdf: 'http://www.example.gov.cn/a.pdf', redirectSupported: false }), getURL: (p: string) => p },
    permissions: { request: async () => false, remove: async () => true },
  },
}));
vi.mock('../lib/ext/settings-store', async () => {
  const { parseSettings } = await import('../lib/ext/settings');
  return { loadSettings: async () => parseSettings({ lang: 'en' }), saveSettings: async () => parseSettings({ lang: 'en' }) };
});
vi.mock('../lib/ext/history-store', () => ({
  ExtensionHistoryStore: class {
    skipped = [1];
    list = async () => popupWorld.records;
  },
}));

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The Chinese of a plain string outside its quotes (empty: none). */
const unquoted = (text: string) =>
  splitQuotes(text)
    .filter((p) => !p.quote && CJK.test(p.text))
    .map((p) => p.text.trim());

/** Every text node and user-visible attribute with Chinese outside quoted report text. */
function chineseIn(root: Element): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    if (!CJK.test(text)) continue;
    const el = n.parentElement;
    if (el?.closest('[data-quote], [lang^="zh"]')) continue;
    out.push(`${el?.className || el?.tagName}: ${text.trim().slice(0, 120)}`);
  }
  for (const el of root.querySelectorAll('*:not([data-quote] *):not([data-quote]):not([lang^="zh"])'))
    for (const attr of ['title', 'aria-label', 'placeholder', 'alt'])
      for (const bad of unquoted(el.getAttribute(attr) ?? '')) out.push(`${el.tagName}[${attr}]: ${bad.slice(0, 120)}`);
  return out;
}

interface Case {
  name: string;
  result: CheckResult;
}

async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  for (const id of SEED_IDS)
    for (const layout of LAYOUTS) {
      const { kind, bytes } = layoutOf(id, layout);
      out.push({ name: `seed ${id} ${layout}`, result: await checkBytes(kind, bytes) });
    }
  for (const id of readdirSync(REPORTS_DIR).filter((d) => /^\d+$/.test(d)).sort()) {
    const { kind, bytes } = reportSource(id);
    out.push({ name: `report ${id}`, result: await checkBytes(kind, bytes) });
  }
  return out;
}

const viewOf = (r: CheckResult): View => ({
  ...pageView(r, 'done', [{ zh: '核对图片中的表格时出错：x', en: 'Checking the tables read from pictures failed: x' }], 'http://www.example.gov.cn/report.html'),
  history: { kept: true, year: r.report?.year ?? null, previous: null, offer: { href: 'http://www.example.gov.cn/2023.html', label: '2023年政府信息公开工作年度报告', file: false } },
  review: { url: 'http://www.example.gov.cn/report.html', hash: 'h' },
});

const noop = () => {};
const box = (i: number) => ({ x: 40 + (i % 7) * 60, y: 100 + i * 30, w: 50, h: 20 });

/** Renders the English UI over one report's findings: the panel, every finding's card, the marks. */
function renderEnglish(r: CheckResult): Element {
  const root = document.body.appendChild(document.createElement('div'));
  const findings = r.findings;
  const marks: Mark[] = findings.map((finding, index) => ({ index, finding, boxes: [box(index)], badge: box(index) }));
  const review = (i: number) => (i % 3 === 1 ? { verdict: 'excluded' as const, note: '', at: '2025-03-01T08:00:00.000Z', hash: 'g', stale: true } : undefined);
  act(() =>
    render(
      h('div', null, [
        h(Panel, {
          view: viewOf(r),
          lang: 'en',
          filter: { error: true, warning: true, info: true },
          placed: new Set(findings.map((_, i) => i).filter((i) => i % 2 === 0)),
          active: 1,
          collapsed: false,
          pos: null,
          onFilter: noop,
          onSelect: noop,
          onStep: noop,
          onCollapse: noop,
          onMove: noop,
          onLang: noop,
          onCancel: noop,
          onCheckPrevious: noop,
          onAudit: noop,
          reviewOf: review,
          reviewSummary: { confirmed: 0, excluded: 1, stale: 1, gone: 1, changed: true },
          onReview: async () => {},
          onHideExcluded: noop,
        }),
        h('div', { 'data-layer': '' }, h(Marks, { marks, active: 0, flash: null, lang: 'en', gapLabel: (f: Finding) => strings.en.missingHere(f.message.en.match(/"([^"]+)"/)?.[1] ?? ''), onOpen: noop, onLeave: noop, reviewOf: review })),
        ...findings.map((finding, index) =>
          h(Card, { index, finding, at: box(index), lang: 'en', note: '', onClose: noop, onHover: noop, review: review(index), onReview: async () => {} }),
        ),
      ]),
      root,
    ),
  );
  return root;
}

describe('the English UI', () => {
  it('the panel, cards and marks over every seed layout and every real report hold no Chinese but quoted report text', async () => {
    const all = await cases();
    expect(all.length).toBeGreaterThan(SEED_IDS.length * LAYOUTS.length);
    const bad = new Map<string, string>();
    let rendered = 0;
    for (const c of all) {
      const root = renderEnglish(c.result);
      rendered += root.querySelectorAll('[data-card]').length;
      for (const b of chineseIn(root)) if (!bad.has(b)) bad.set(b, c.name);
      act(() => render(null, root));
      root.remove();
    }
    expect(rendered).toBeGreaterThan(50);
    expect([...bad].map(([b, where]) => `${where} — ${b}`)).toEqual([]);
  }, 240_000);

  it('the audit page in English over every seed layout and real report, each row opened, holds no Chinese but quoted report text', async () => {
    const all = await cases();
    const rows = [
      ...all.map((c) => auditRowOf(`http://www.example.gov.cn/${c.name.replace(/ /g, '-')}.html`, c.result)),
      failedRow('http://www.example.gov.cn/gone.pdf', { zh: '无法下载：服务器返回 404', en: 'Could not download: the server answered 404' }),
      pendingRow('http://www.example.gov.cn/later.html'),
    ];
    const root = document.body.appendChild(document.createElement('div'));
    const props = {
      lang: 'en' as const,
      text: '',
      files: [],
      rows,
      status: 'done' as const,
      timeLeft: null,
      notices: [],
      concurrency: 4,
      timeoutS: 30,
      onText: noop,
      onFiles: noop,
      onOptions: noop,
      onStart: noop,
      onCancel: noop,
      onResume: noop,
      onClear: noop,
      onGrant: noop,
      onOpen: noop,
      onAddLinks: noop,
      onExport: noop,
      onLang: noop,
    };
    act(() => render(h(AuditPage, props), root));
    const bad = new Set(chineseIn(root));
    // One row open at a time: each row's findings and notices.
    const expanders = [...root.querySelectorAll<HTMLButtonElement>('button.expand:not([disabled])')];
    expect(expanders.length).toBe(all.length);
    let opened = 0;
    for (let i = 0; i < expanders.length; i++) {
      act(() => root.querySelectorAll<HTMLButtonElement>('button.expand:not([disabled])')[i].click());
      opened += root.querySelectorAll('.details li, .details p').length;
      for (const b of chineseIn(root)) bad.add(b);
    }
    expect(opened).toBeGreaterThan(50);
    act(() => render(null, root));
    root.remove();
    expect([...bad]).toEqual([]);
  }, 240_000);

  it('the popup in English (a real report’s summary, a PDF tab, the settings, the history of every real report) and the viewer’s bar', async () => {
    const all = await cases();
    const reports = all.filter((c) => c.result.report);
    popupWorld.records = reports.map((c, i) => recordOf(c.result.report!, { source: i % 2 ? `http://www.example.gov.cn/${i}.html` : `报告${i}.pdf` })) satisfies HistoryRecord[];
    const bad = new Set<string>();
    // A seed, and the real reports (their notices too).
    for (const c of [reports[0], ...reports.filter((r) => r.name.startsWith('report'))]) {
      popupWorld.summary = summaryOf(viewOf(c.result));
      const root = document.body.appendChild(document.createElement('div'));
      act(() => render(h(Popup, {}), root));
      // Settings, then the history, then the summary: each arrives a few tasks later.
      for (let i = 0; i < 50 && !(root.querySelector('[data-history]') && root.querySelector('[data-summary]') && root.querySelector('[data-pdf-tab]')); i++)
        await act(async () => {
          await new Promise((r) => setTimeout(r, 10));
        });
      expect(root.querySelector('[data-history]')).not.toBeNull();
      expect(root.querySelector('[data-summary="done"]')).not.toBeNull();
      expect(root.querySelector('[data-pdf-tab]')).not.toBeNull();
      for (const b of chineseIn(root)) bad.add(`${c.name}: ${b}`);
      act(() => render(null, root));
      root.remove();
    }
    const root = document.body.appendChild(document.createElement('div'));
    for (const name of [null, '洪泽区2023年政府信息公开工作年度报告.pdf'])
      for (const status of [null, viewerStrings.en.loading(name ?? 'a.pdf'), viewerStrings.en.readingPages(1, 3)]) {
        act(() => render(h(Bar, { lang: 'en', name, status, page: { n: 1, total: 3 }, src: 'http://www.example.gov.cn/a.pdf', onFile: noop, onZoom: noop, onBrowser: noop }), root));
        for (const b of chineseIn(root)) bad.add(`viewer bar: ${b}`);
      }
    act(() => render(null, root));
    root.remove();
    expect([...bad]).toEqual([]);
  }, 240_000);

  it('a test that can fail: unquoted Chinese in a message is found, quoted Chinese is not', () => {
    const f = { rule: 'cell-blank', severity: 'warning', message: { zh: '', en: 'table 3, row a ("一、本年新收") is 总计' }, cells: [] } as unknown as Finding;
    const root = document.body.appendChild(document.createElement('div'));
    act(() => render(h(Card, { index: 0, finding: f, at: box(0), lang: 'en', note: '', onClose: noop, onHover: noop }), root));
    expect(chineseIn(root)).toEqual(['msg: ) is 总计']);
    act(() => render(null, root));
    root.remove();
  });

  it('the notes 「复制说明」 copies in English quote the report and nothing else', async () => {
    const bad = new Set<string>();
    for (const c of await cases())
      for (const f of c.result.findings)
        for (const b of unquoted(noteOf(f, { title: c.result.report?.title ?? null, year: c.result.report?.year ?? null, url: 'http://x.gov.cn/' }, 'en'))) bad.add(`${c.name}: ${b}`);
    expect([...bad]).toEqual([]);
  }, 240_000);

  it('the string tables of the panel, popup, viewer and audit page, the rules’ words and the extension’s messages are English', () => {
    const bad: string[] = [];
    const visit = (where: string, v: unknown) => {
      if (typeof v === 'string') for (const b of unquoted(v)) bad.push(`${where}: ${b}`);
      else if (typeof v === 'function') visit(where, (v as (...a: unknown[]) => unknown)(2, 3, 1, 1));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(`${where}.${k}`, x);
    };
    // `language`: the switch to Chinese names it in its own script (rendered with lang="zh-CN").
    const { language: _own, ...audit } = auditStrings.en;
    visit('strings', strings.en);
    visit('audit', audit);
    visit('viewer', viewerStrings.en);
    visit('rules', Object.fromEntries(Object.entries(RULE_WORDS).map(([k, v]) => [k, v.en])));
    const messages = JSON.parse(readFileSync(fileURLToPath(new URL('../public/_locales/en/messages.json', import.meta.url)), 'utf8'));
    visit('_locales/en', messages);
    expect(bad).toEqual([]);
  });

  it('the command line in English: the summary of every seed layout and real report, and `--lang en` itself', async () => {
    const bad = new Set<string>();
    for (const c of await cases())
      for (const line of summary(c.name, c.result, 'en').split('\n')) for (const b of unquoted(line)) bad.add(`${c.name}: ${b} ‹${line.slice(0, 100)}›`);
    const seeds = SEED_IDS.map((id) => fileURLToPath(new URL(`./fixtures/seeds/${id}.txt`, import.meta.url)));
    for (const args of [['--lang', 'en', ...seeds], ['--lang', 'en', '--memo', ...seeds], ['--lang', 'en', '--nope']]) {
      const { stdout, stderr } = await cli(...args);
      expect(stdout + stderr).not.toBe('');
      for (const line of (stdout + stderr).split('\n')) for (const b of unquoted(line)) bad.add(`cli ${args.slice(2, 3)}: ${b} ‹${line.slice(0, 100)}›`);
    }
    expect([...bad]).toEqual([]);
  }, 240_000);
});
