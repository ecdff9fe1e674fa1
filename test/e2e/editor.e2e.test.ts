// Drafts in an editor, in Chromium: a report written in a plain contenteditable, in TinyMCE 7 (its
// iframe mode, self-hosted from node_modules, offline), in about:blank and srcdoc editor frames on
// a gov.cn host (found automatically), and in an editor frame on another host (「检查此页」). The
// editor is never touched: its HTML, its undo history, its caret and selection are the same after
// our check; its saved content holds nothing of ours; after an edit the marks follow.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../helpers';
import { draftWithError, engineCounts, tinymceFiles } from './editor-pages';
import { CHROMIUM, EXT_DIR, chromiumArgs, ensureBuilt } from './harness';


let context: BrowserContext;
let server: Server;
let port = 0;
let extCopy = '';
let userDir = '';
const routes = new Map<string, { body: string | Buffer; type: string }>();
const requests: string[] = [];

/**
 * The built extension, its host access widened to test.example only (where no content script
 * runs): a test cannot click the toolbar, so the user's activeTab grant of 「检查此页」 is stood in
 * for by host access; the message the popup sends and everything after it are the extension's own.
 */
function extensionCopy(): string {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-editor-ext-'));
  cpSync(EXT_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, '*://test.example/*'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

function serveTinymce() {
  for (const [path, file] of tinymceFiles()) routes.set(path, file);
}

beforeAll(async () => {
  extCopy = extensionCopy();
  serveTinymce();
  server = createServer((req, res) => {
    const r = routes.get((req.url ?? '/').split('?')[0]);
    res.writeHead(r ? 200 : 404, { 'content-type': r?.type ?? 'text/plain' });
    res.end(r?.body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  userDir = mkdtempSync(join(tmpdir(), 'nianbao-editor-'));
  context = await chromium.launchPersistentContext(userDir, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, args: chromiumArgs(extCopy) });
  context.on('request', (r) => requests.push(r.url()));
  await context.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    if (!url.protocol.startsWith('http') || url.port === String(port)) return route.continue();
    return route.abort('blockedbyclient');
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  // The history off: a draft is never kept anyway, and the counts are compared with the engine alone.
  await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { history: false } }));
}, 180_000);
afterAll(async () => {
  await context?.close();
  server?.close();
  if (userDir) rmSync(userDir, { recursive: true, force: true });
  if (extCopy) rmSync(extCopy, { recursive: true, force: true });
});

const gov = (path: string) => `http://cms.test.gov.cn:${port}${path}`;
const other = (path: string) => `http://test.example:${port}${path}`;

function route(path: string, body: string) {
  routes.set(path, { body, type: 'text/html; charset=utf-8' });
}

/** Our host in the top document, once its check ended: state and counts. */
async function hookOf(page: Page, timeout = 15_000) {
  await page.waitForFunction(() => document.querySelector('nianbao-check')?.getAttribute('data-nianbao-state') === 'done', undefined, { timeout });
  return page.evaluate(() => {
    const h = document.querySelector('nianbao-check')!;
    return { errors: Number(h.getAttribute('data-errors')), warnings: Number(h.getAttribute('data-warnings')), infos: Number(h.getAttribute('data-infos')) };
  });
}

/** The viewport rectangles of our badges (in the shadow root of the top document), once measured (in a frame after the panel's). */
async function badgeRects(page: Page) {
  await page.waitForFunction(() => document.querySelector('nianbao-check')?.shadowRoot?.querySelector('.badge[data-finding]'), undefined, { timeout: 5000 }).catch(() => {});
  return page.evaluate(() =>
    [...(document.querySelector('nianbao-check')?.shadowRoot?.querySelectorAll('.badge[data-finding]') ?? [])].map((b) => {
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }),
  );
}

/** Waits until our counts in the top document equal `want` (the marks followed an edit). */
async function waitForCounts(page: Page, want: { errors: number; warnings: number; infos: number }, timeout = 8000) {
  await page.waitForFunction(
    (w) => {
      const h = document.querySelector('nianbao-check');
      return (
        h?.getAttribute('data-nianbao-state') === 'done' &&
        Number(h.getAttribute('data-errors')) === w.errors &&
        Number(h.getAttribute('data-warnings')) === w.warnings &&
        Number(h.getAttribute('data-infos')) === w.infos
      );
    },
    want,
    { timeout },
  );
}

/** Replaces the text of the cell under the mouse with `value`, by real mouse and keyboard input. */
async function retype(page: Page, frame: Frame | Page, selector: string, value: string) {
  await frame.click(selector);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(value, { delay: 40 });
}

describe('a draft in a plain contenteditable', () => {
  it('is checked like a published page, untouched, its undo and caret kept, and re-checked after an edit', async () => {
    const d = draftWithError();
    const expected = await engineCounts(d.html);
    expect(expected.errors).toBeGreaterThan(0);
    // The page's own script, before our check (which starts at document idle): an edit the editor's
    // undo can take back, and the caret at its end.
    route(
      '/ce.html',
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告编辑_内容管理系统</title></head><body>
<div class="toolbar"><button>保存</button></div>
<div id="editor" contenteditable="true">${d.html}</div>
<script>
  const ed = document.getElementById('editor');
  window.__original = ed.innerHTML;
  const p = ed.querySelector('p');
  ed.focus();
  const r = document.createRange(); r.selectNodeContents(p); r.collapse(false);
  getSelection().removeAllRanges(); getSelection().addRange(r);
  document.execCommand('insertText', false, '（草稿）');
  window.__edited = ed.innerHTML;
</script></body></html>`,
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(gov('/ce.html'));
    const before = await page.evaluate(() => {
      const s = getSelection()!;
      return { focus: document.activeElement?.id, node: s.focusNode?.textContent, offset: s.focusOffset, html: document.getElementById('editor')!.innerHTML };
    });
    expect(before.html).toBe(await page.evaluate(() => (window as unknown as { __edited: string }).__edited));
    // The draft's text holds the edit: the engine on the same content.
    const want = await engineCounts(before.html);
    expect(await hookOf(page)).toEqual(want);
    expect((await badgeRects(page)).length).toBeGreaterThan(0);
    const after = await page.evaluate(() => {
      const s = getSelection()!;
      return { focus: document.activeElement?.id, node: s.focusNode?.textContent, offset: s.focusOffset, html: document.getElementById('editor')!.innerHTML };
    });
    expect(after).toEqual(before);
    // The editor's undo still takes back its own edit, to the byte.
    await page.evaluate(() => document.execCommand('undo'));
    expect(await page.evaluate(() => document.getElementById('editor')!.innerHTML)).toBe(await page.evaluate(() => (window as unknown as { __original: string }).__original));
    await waitForCounts(page, expected);
    // Typing the right total: the error goes within a few seconds.
    await retype(page, page, '#wrong-total', d.right);
    await waitForCounts(page, await engineCounts(d.fixed));
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('a draft in TinyMCE 7 (iframe mode)', () => {
  it('is marked over the editor frame, its content, saved content, undo levels and selection unchanged; a typed fix removes the error', async () => {
    const d = draftWithError();
    // The page is an editing form whose own title names no report: only the editor's frame is a report.
    route(
      '/tinymce.html',
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>编辑文章_内容管理系统</title>
<script src="/tinymce/tinymce.min.js"></script></head><body>
<h1>编辑文章</h1><input id="subject" value="年度报告">
<textarea id="draft">${d.html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</textarea>
<script>
  tinymce.init({
    selector: '#draft', license_key: 'gpl', base_url: '/tinymce', suffix: '.min', height: 600, menubar: false, promotion: false, branding: false,
    init_instance_callback: (ed) => {
      // Where a user left the caret, before our check (which starts later, in tasks of its own).
      const cell = ed.getBody().querySelector('p');
      ed.selection.setCursorLocation(cell, 0);
      window.__editor = ed;
      window.__before = { content: ed.getContent(), levels: ed.undoManager.data.map((l) => l.content), body: ed.getBody().innerHTML, doc: ed.getDoc().documentElement.outerHTML };
    },
  });
</script></body></html>`,
    );
    const page = await context.newPage();
    await page.goto(gov('/tinymce.html'));
    await page.waitForFunction(() => (window as unknown as { __before?: unknown }).__before);
    const state = () =>
      page.evaluate(() => {
        type Ed = { getContent(): string; undoManager: { data: { content: string }[]; hasUndo(): boolean }; getBody(): HTMLElement; getDoc(): Document; selection: { getRng(): Range } };
        const ed = (window as unknown as { __editor: Ed }).__editor;
        const r = ed.selection.getRng();
        const sel = ed.getDoc().getSelection()!;
        return {
          content: ed.getContent(),
          levels: ed.undoManager.data.map((l) => l.content),
          hasUndo: ed.undoManager.hasUndo(),
          body: ed.getBody().innerHTML,
          doc: ed.getDoc().documentElement.outerHTML,
          range: [r.startContainer.textContent?.slice(0, 20), r.startOffset, r.endContainer.textContent?.slice(0, 20), r.endOffset],
          selection: [sel.anchorNode?.textContent?.slice(0, 20), sel.anchorOffset, sel.focusOffset, sel.rangeCount],
          active: document.activeElement?.tagName,
        };
      });
    const before = await state();
    const content = before.content;
    const want = await engineCounts(content);
    expect(want.errors).toBeGreaterThan(0);
    expect(await hookOf(page)).toEqual(want);
    // Marks stand over the editor's frame, in the top document; none inside the frame.
    const frameBox = (await page.locator('iframe.tox-edit-area__iframe, .tox-edit-area iframe').first().boundingBox())!;
    const badges = await badgeRects(page);
    expect(badges.length).toBeGreaterThan(0);
    for (const b of badges) {
      expect(b.x).toBeGreaterThanOrEqual(frameBox.x - 20);
      expect(b.x).toBeLessThanOrEqual(frameBox.x + frameBox.width + 20);
    }
    expect(await page.evaluate(() => (window as unknown as { __before: { doc: string } }).__before.doc)).toBe(before.doc);
    // The part our check drew: a check run again would replace it.
    const drawn = await page.evaluateHandle(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-part="report"]')!);
    // Settled: give the editor's own events a moment, then nothing of the editor changed, and our
    // own marks did not wake the watch of edits (no check ran again).
    await page.waitForTimeout(2000);
    const after = await state();
    expect(after).toEqual(before);
    expect(await drawn.evaluate((el) => el.isConnected)).toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url() === 'about:srcdoc') ?? page.frames()[1];
    expect(await frame.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    // Text marks painted in the frame's own highlight registry (no node in the editor's content).
    const painted = await frame.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return ['nianbao-error', 'nianbao-warning', 'nianbao-info'].reduce((n, k) => n + (reg.get(k)?.size ?? 0), 0);
    });
    expect(painted).toBeGreaterThan(0);
    // The typed fix: TinyMCE's content changes, our check follows within a few seconds.
    await retype(page, frame, '#wrong-total', d.right);
    const typed = await page.evaluate(() => (window as unknown as { __editor: { getContent(): string } }).__editor.getContent());
    expect(typed).not.toBe(content);
    // The total's row and table 三's balance add up again (both findings were about this one cell).
    const rules = (await checkHtml(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${typed}</body></html>`)).findings.map((f) => f.rule);
    expect(rules).not.toContain('t3-row-total');
    const fixed = await engineCounts(typed);
    expect(fixed.errors).toBeLessThan(want.errors);
    await waitForCounts(page, fixed);
    // What the editor saves holds nothing of ours; the caret is still in the editor, typing goes on.
    const saved = await page.evaluate(() => (window as unknown as { __editor: { getContent(): string } }).__editor.getContent());
    expect(saved).toBe(typed);
    expect(saved).not.toMatch(/nianbao/i);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    await page.keyboard.type('0', { delay: 40 });
    const more = await page.evaluate(() => (window as unknown as { __editor: { getContent(): string } }).__editor.getContent());
    expect(more).not.toBe(saved);
    // The editor's undo takes back what was typed, level by level, to the content it began with:
    // none of its levels is ours.
    const undone = await page.evaluate(() => {
      type Ed = { getContent(): string; undoManager: { data: { content: string }[]; hasUndo(): boolean; undo(): void } };
      const ed = (window as unknown as { __editor: Ed }).__editor;
      const levels = ed.undoManager.data.map((l) => l.content);
      while (ed.undoManager.hasUndo()) ed.undoManager.undo();
      return { levels, content: ed.getContent() };
    });
    expect(undone.levels.join('')).not.toMatch(/nianbao/i);
    expect(undone.content).toBe(content);
    await page.close();
  }, 90_000);
});

/**
 * A page whose editor writes its draft into a frame after load: about:blank (designMode), srcdoc
 * (an editable body), or a same-origin page of the site's own (an editable body).
 */
function framePage(kind: 'blank' | 'srcdoc' | 'url', html: string, title: string) {
  const frameHtml = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body${kind === 'blank' ? '' : ' contenteditable="true"'}>${html}</body></html>`;
  const json = JSON.stringify(frameHtml);
  if (kind === 'url') route('/editor/content.html', frameHtml);
  const write =
    kind === 'url'
      ? `const f = document.createElement('iframe'); f.style.cssText = 'width:1000px;height:600px'; f.src = '/editor/content.html'; document.getElementById('box').appendChild(f);
         window.__written = () => f.contentDocument?.documentElement?.outerHTML ?? '';`
      : kind === 'blank'
      ? `const f = document.createElement('iframe'); f.style.cssText = 'width:1000px;height:600px'; document.getElementById('box').appendChild(f);
         const d = f.contentDocument; d.open(); d.write(${json}); d.close(); d.designMode = 'on';
         window.__written = () => f.contentDocument?.documentElement?.outerHTML ?? '';`
      : `const f = document.createElement('iframe'); f.style.cssText = 'width:1000px;height:600px'; f.srcdoc = ${json}; document.getElementById('box').appendChild(f);
         window.__written = () => f.contentDocument?.documentElement?.outerHTML ?? '';`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><div id="box"></div>
<script>addEventListener('load', () => setTimeout(() => { ${write} }, 300));</script></body></html>`;
}

describe('editor frames that are written after load', () => {
  const named = { blank: 'an about:blank designMode', srcdoc: 'a srcdoc', url: 'a same-origin page\'s' };
  for (const kind of ['blank', 'srcdoc', 'url'] as const)
    it(`finds the draft in ${named[kind]} frame on a gov.cn host by itself, and leaves the frame untouched`, async () => {
      const d = draftWithError();
      route(`/frame-${kind}.html`, framePage(kind, d.html, '编辑文章_内容管理系统'));
      const page = await context.newPage();
      await page.goto(gov(`/frame-${kind}.html`));
      await page.waitForFunction(() => typeof (window as unknown as { __written?: () => string }).__written === 'function');
      await page.waitForFunction(() => (window as unknown as { __written: () => string }).__written().includes('本年新收'));
      const written = await page.evaluate(() => (window as unknown as { __written: () => string }).__written());
      const body = await page.evaluate(() => document.querySelector('iframe')!.contentDocument!.body.innerHTML);
      expect(await hookOf(page)).toEqual(await engineCounts(body));
      expect(await page.evaluate(() => (window as unknown as { __written: () => string }).__written())).toBe(written);
      expect((await badgeRects(page)).length).toBeGreaterThan(0);
      await page.close();
    }, 60_000);
});

describe('「检查此页」 on another host', () => {
  it('checks a draft in an editor frame where nothing runs by itself', async () => {
    const d = draftWithError();
    route('/other.html', framePage('srcdoc', d.html, '编辑文章'));
    const page = await context.newPage();
    await page.goto(other('/other.html'));
    await page.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.body?.textContent?.includes('本年新收'));
    await page.waitForTimeout(1500);
    // Nothing by itself outside gov.cn.
    expect(await page.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    const written = await page.evaluate(() => (window as unknown as { __written: () => string }).__written());
    // 「检查此页」 as the popup sends it.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${new URL(context.serviceWorkers()[0].url()).host}/popup.html`);
    await popup.evaluate(async (url) => {
      type Api = { tabs: { query(q: object): Promise<{ id: number }[]> }; runtime: { sendMessage(m: object): Promise<unknown> } };
      const c = (globalThis as unknown as { chrome: Api }).chrome;
      const [t] = await c.tabs.query({ url });
      await c.runtime.sendMessage({ type: 'check-tab', tabId: t.id });
    }, other('/other.html'));
    const body = await page.evaluate(() => document.querySelector('iframe')!.contentDocument!.body.innerHTML);
    expect(await hookOf(page)).toEqual(await engineCounts(body));
    expect(await page.evaluate(() => (window as unknown as { __written: () => string }).__written())).toBe(written);
    // Marks follow edits there too.
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await retype(page, frame, '#wrong-total', d.right);
    await waitForCounts(page, await engineCounts(await page.evaluate(() => document.querySelector('iframe')!.contentDocument!.body.innerHTML)));
    await popup.close();
    await page.close();
  }, 60_000);

  it('sent nothing anywhere but the test server', () => {
    for (const u of requests) if (u.startsWith('http')) expect(new URL(u).port).toBe(String(port));
  });
});
