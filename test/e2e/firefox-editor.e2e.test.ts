// Drafts in an editor and what a new user runs into, in the Firefox build (firefox-esr over WebDriver
// BiDi, test/e2e/firefox-harness.ts), as the Chromium e2e checks them (editor.e2e.test.ts,
// ui.e2e.test.ts): a draft in a plain contenteditable and in TinyMCE 7 (iframe mode, served from
// node_modules, offline) found on a gov.cn host, the editor untouched, marks following typed fixes;
// an about:blank designMode frame written by script found by itself; 「复制说明」 on http://, seed
// 004's badges each with a point of its own and reached by Tab, the card inside the client width.
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../lib/read/decode';
import { LAYOUTS, layoutOf, type Layout, type SeedId } from '../fixtures/render';
import { typeOf } from './cases';
import { draftWithError, engineCounts, tinymceFiles } from './editor-pages';
import { firefoxHook, launchFirefox, type FirefoxHarness } from './firefox-harness';


let h: FirefoxHarness;
beforeAll(async () => {
  h = await launchFirefox();
  for (const [path, file] of tinymceFiles()) h.route(path, file);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

// Any uncaught error of ours that Firefox reports fails the test during which it came.
let seen = 0;
afterEach(() => {
  const fresh = h.errors.slice(seen);
  seen = h.errors.length;
  expect(fresh).toEqual([]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


async function openHtml(path: string, html: string): Promise<Page> {
  h.route(path, { body: html, type: 'text/html; charset=utf-8' });
  const page = await h.newPage();
  await page.goto(`${h.base}${path}`);
  return page;
}

/** Our host in the top document, once its check ended: its counts. */
async function countsOf(page: Page, timeout = 15_000) {
  const hook = await firefoxHook(page, timeout);
  expect(hook.state).toBe('done');
  return { errors: hook.errors, warnings: hook.warnings, infos: hook.infos };
}

/** Waits until our counts in the top document equal `want` (the marks followed an edit). */
async function waitForCounts(page: Page, want: { errors: number; warnings: number; infos: number }, timeout = 8000) {
  await page.waitForFunction(
    (w: { errors: number; warnings: number; infos: number }) => {
      const n = document.querySelector('nianbao-check');
      return (
        n?.getAttribute('data-nianbao-state') === 'done' &&
        Number(n.getAttribute('data-errors')) === w.errors &&
        Number(n.getAttribute('data-warnings')) === w.warnings &&
        Number(n.getAttribute('data-infos')) === w.infos
      );
    },
    { timeout, polling: 100 },
    want,
  );
}

/** How many badges our layer draws in the top document. */
async function badgeCount(page: Page): Promise<number> {
  // Badges are placed in a frame after the panel's: wait for the first one, then count.
  await page.waitForFunction(() => !!document.querySelector('nianbao-check')?.shadowRoot?.querySelector('.badge[data-finding]'), { timeout: 5000, polling: 100 }).catch(() => {});
  return page.evaluate(() => document.querySelector('nianbao-check')?.shadowRoot?.querySelectorAll('.badge[data-finding]').length ?? 0);
}

/** Replaces the text of a cell by real mouse and keyboard input: click, End, Shift+Home, type. */
async function retype(page: Page, frame: Frame | Page, selector: string, value: string) {
  // At the cell's text (its left side): a badge may stand over the cell's centre.
  const cell = (await frame.$(selector))!;
  // Our panel (fixed at the bottom right) out of the way, folded by its own control as a user
  // would, and the cell in the middle of the view: the panel would take the click otherwise.
  await page.evaluate(() => {
    const fold = document.querySelector('nianbao-check')?.shadowRoot?.querySelector('[data-panel] header button[aria-expanded="true"]') as HTMLElement | null;
    fold?.click();
  });
  await cell.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  const box = (await cell.boundingBox())!;
  await cell.click({ offset: { x: 4, y: box.height / 2 } });
  await page.keyboard.press('End');
  await page.keyboard.down('Shift');
  await page.keyboard.press('Home');
  await page.keyboard.up('Shift');
  await page.keyboard.type(value, { delay: 30 });
}

describe('drafts in an editor', () => {
  it('a plain contenteditable on a gov.cn host: found with the engine\'s counts, untouched, selection kept, a typed fix followed', async () => {
    const d = draftWithError();
    const page = await openHtml(
      '/ff-ce.html',
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告编辑_内容管理系统</title></head><body>
<div class="toolbar"><button>保存</button></div>
<div id="editor" contenteditable="true">${d.html}</div>
<script>
  const ed = document.getElementById('editor');
  const p = ed.querySelector('p');
  ed.focus();
  const r = document.createRange(); r.selectNodeContents(p); r.collapse(false);
  getSelection().removeAllRanges(); getSelection().addRange(r);
</script></body></html>`,
    );
    const snapshot = () =>
      page.evaluate(() => {
        const s = getSelection()!;
        return { focus: document.activeElement?.id, node: s.focusNode?.textContent, offset: s.focusOffset, html: document.getElementById('editor')!.innerHTML };
      });
    const before = await snapshot();
    expect(before.html).toBe(d.html);
    const want = await engineCounts(before.html);
    expect(want.errors).toBeGreaterThan(0);
    expect(await countsOf(page)).toEqual(want);
    expect(await badgeCount(page)).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    await retype(page, page, '#wrong-total', d.right);
    const typed = await page.evaluate(() => document.getElementById('editor')!.innerHTML);
    const fixed = await engineCounts(typed);
    expect(fixed.errors).toBeLessThan(want.errors);
    await waitForCounts(page, fixed);
    expect(await page.evaluate(() => document.getElementById('editor')!.innerHTML)).toBe(typed);
    await page.close();
  }, 40_000);

  it('TinyMCE 7 (iframe mode): marks present, getContent() and undo levels unchanged, a typed fix updates the findings', async () => {
    const d = draftWithError();
    const page = await openHtml(
      '/ff-tinymce.html',
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>编辑文章_内容管理系统</title>
<script src="/tinymce/tinymce.min.js"></script></head><body>
<h1>编辑文章</h1>
<textarea id="draft">${d.html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</textarea>
<script>
  tinymce.init({
    selector: '#draft', license_key: 'gpl', base_url: '/tinymce', suffix: '.min', height: 600, menubar: false, promotion: false, branding: false,
    init_instance_callback: (ed) => {
      ed.selection.setCursorLocation(ed.getBody().querySelector('p'), 0);
      window.__editor = ed;
    },
  });
</script></body></html>`,
    );
    await page.waitForFunction(() => !!(window as unknown as { __editor?: unknown }).__editor, { timeout: 15_000 });
    const state = () =>
      page.evaluate(() => {
        type Ed = { getContent(): string; undoManager: { data: { content: string }[]; hasUndo(): boolean }; getDoc(): Document };
        const ed = (window as unknown as { __editor: Ed }).__editor;
        const sel = ed.getDoc().getSelection()!;
        return {
          content: ed.getContent(),
          levels: ed.undoManager.data.map((l) => l.content),
          hasUndo: ed.undoManager.hasUndo(),
          doc: ed.getDoc().documentElement.outerHTML,
          selection: [sel.anchorNode?.textContent?.slice(0, 20), sel.anchorOffset, sel.focusOffset, sel.rangeCount],
        };
      });
    const before = await state();
    const want = await engineCounts(before.content);
    expect(want.errors).toBeGreaterThan(0);
    expect(await countsOf(page)).toEqual(want);
    expect(await badgeCount(page)).toBeGreaterThan(0);
    // Settled: the editor's own events had their moment, nothing of the editor changed.
    await sleep(1500);
    expect(await state()).toEqual(before);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(await frame.evaluate(() => document.querySelectorAll('nianbao-check').length)).toBe(0);
    const painted = await frame.evaluate(() => {
      const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      return ['nianbao-error', 'nianbao-warning', 'nianbao-info'].reduce((n, k) => n + (reg?.get(k)?.size ?? 0), 0);
    });
    expect(painted).toBeGreaterThan(0);
    await retype(page, frame, '#wrong-total', d.right);
    const typed = await page.evaluate(() => (window as unknown as { __editor: { getContent(): string } }).__editor.getContent());
    expect(typed).not.toBe(before.content);
    expect(typed).not.toMatch(/nianbao/i);
    const fixed = await engineCounts(typed);
    expect(fixed.errors).toBeLessThan(want.errors);
    await waitForCounts(page, fixed);
    const levels = await page.evaluate(() => (window as unknown as { __editor: { undoManager: { data: { content: string }[] } } }).__editor.undoManager.data.map((l) => l.content).join(''));
    expect(levels).not.toMatch(/nianbao/i);
    await page.close();
  }, 45_000);

  for (const kind of ['blank', 'srcdoc'] as const)
    it(`${kind === 'blank' ? 'an about:blank designMode' : 'a srcdoc'} frame written by script on a gov.cn host is found by itself, the frame untouched, its text marks in its own registry`, async () => {
      const d = draftWithError();
      const frameHtml = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body${kind === 'blank' ? '' : ' contenteditable="true"'}>${d.html}</body></html>`;
      const write =
        kind === 'blank'
          ? `const d = f.contentDocument; d.open(); d.write(${JSON.stringify(frameHtml)}); d.close(); d.designMode = 'on';`
          : `f.srcdoc = ${JSON.stringify(frameHtml)};`;
      const page = await openHtml(
        `/ff-${kind}.html`,
        `<!DOCTYPE html><html><head><meta charset="utf-8"><title>编辑文章_内容管理系统</title></head><body><h1>编辑文章</h1><div id="box"></div>
<script>addEventListener('load', () => setTimeout(() => {
  const f = document.createElement('iframe'); f.style.cssText = 'width:1000px;height:600px'; document.getElementById('box').appendChild(f);
  ${write}
  window.__written = () => f.contentDocument?.documentElement?.outerHTML ?? '';
}, 300));</script></body></html>`,
      );
      await page.waitForFunction(() => typeof (window as unknown as { __written?: () => string }).__written === 'function', { timeout: 10_000 });
      await page.waitForFunction(() => (window as unknown as { __written: () => string }).__written().includes('本年新收'), { timeout: 10_000 });
      const written = await page.evaluate(() => (window as unknown as { __written: () => string }).__written());
      const body = await page.evaluate(() => document.querySelector('iframe')!.contentDocument!.body.innerHTML);
      expect(await countsOf(page)).toEqual(await engineCounts(body));
      expect(await badgeCount(page)).toBeGreaterThan(0);
      const painted = await page.evaluate(() => {
        const reg = (document.querySelector('iframe')!.contentWindow as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;
        return ['nianbao-error', 'nianbao-warning', 'nianbao-info'].reduce((n, k) => n + (reg.get(k)?.size ?? 0), 0);
      });
      expect(painted).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __written: () => string }).__written())).toBe(written);
      await page.close();
    }, 30_000);
});

/** A seed layout served at `path` (its charset as declared), once our check ended with a finding drawn. */
async function openSeed(path: string, id: SeedId, layout: Layout, width = 1280, edit: (html: string) => string = (x) => x): Promise<Page> {
  const { kind, bytes } = layoutOf(id, layout);
  const body = kind === 'text' ? bytes : edit(typeof bytes === 'string' ? bytes : decodeBytes(bytes, { html: true }).text.replace(/<meta[^>]*charset[^>]*>/gi, '<meta charset="utf-8">'));
  h.route(path, { body, type: typeOf(kind, body) });
  const page = await h.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(`${h.base}${path}`);
  expect((await firefoxHook(page)).state).toBe('done');
  await page.waitForFunction(() => !!document.querySelector('nianbao-check')?.shadowRoot?.querySelector('[data-layer] [data-finding]'), { timeout: 5000, polling: 100 });
  return page;
}

/** Clicks an element of our shadow root by real mouse input, after scrolling it into view. */
async function clickInShadow(page: Page, selector: string) {
  const el = (await page.evaluateHandle((s: string) => document.querySelector('nianbao-check')!.shadowRoot!.querySelector(s), selector)).asElement();
  expect(el).not.toBeNull();
  await (el as ElementHandle<Element>).click();
}

describe('what a new user runs into', () => {
  it('「复制说明」 on an http:// page: no navigator.clipboard there, yet the card reports the note copied, and a paste gives it back', async () => {
    const page = await openSeed('/ff-ui/copy.html', '003', 'cms');
    expect(await page.evaluate(() => ({ secure: isSecureContext, clipboard: typeof navigator.clipboard }))).toEqual({ secure: false, clipboard: 'undefined' });
    await clickInShadow(page, '[data-layer] .badge');
    await page.waitForFunction(() => !!document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.card [data-copy]'), { timeout: 5000, polling: 100 });
    await clickInShadow(page, '.card [data-copy]');
    await page.waitForFunction(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelector('[data-copy]')?.getAttribute('data-copy') === 'copied', { timeout: 5000, polling: 100 });
    expect(await page.evaluate(() => document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('[data-copy-failed]').length)).toBe(0);
    // The clipboard read back by a real paste (Ctrl+V) into a page's own textarea.
    const paste = await openHtml('/ff-ui/paste.html', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>paste</title></head><body><textarea id="t"></textarea></body></html>');
    await paste.click('#t');
    await paste.keyboard.down('Control');
    await paste.keyboard.press('v');
    await paste.keyboard.up('Control');
    await paste.waitForFunction(() => (document.getElementById('t') as HTMLTextAreaElement).value.length > 0, { timeout: 5000, polling: 100 });
    const pasted = await paste.evaluate(() => (document.getElementById('t') as HTMLTextAreaElement).value);
    expect(pasted).toContain('年报核查说明');
    expect(pasted).toContain(`页面: ${h.base}/ff-ui/copy.html`);
    await paste.close();
    await page.close();
  }, 30_000);

  for (const layout of LAYOUTS)
    it(`seed 004 ${layout}: every badge has a point of its own and Tab reaches every badge`, async () => {
      const page = await openSeed(`/ff-ui/004.${layout}`, '004', layout);
      // The panel folded to its title bar, out of the badges' way.
      await clickInShadow(page, '[data-panel] header button[aria-expanded]');
      const ids = await page.evaluate(() => [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('[data-layer] [data-finding]')].map((b) => b.getAttribute('data-finding')!));
      expect(ids.length).toBeGreaterThan(1);
      const missed = await page.evaluate((ids: string[]) => {
        const root = document.querySelector('nianbao-check')!.shadowRoot!;
        return ids.filter((id) => {
          const b = root.querySelector(`[data-layer] [data-finding="${id}"]`) as HTMLElement;
          window.scrollTo(0, window.scrollY + b.getBoundingClientRect().top - innerHeight / 2);
          const r = b.getBoundingClientRect();
          const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) as HTMLElement | null;
          return hit?.closest('[data-finding]')?.getAttribute('data-finding') !== id;
        });
      }, ids);
      expect(missed).toEqual([]);
      // Unfolded again, as the Chromium test tabs: the panel's list comes with the badges.
      await clickInShadow(page, '[data-panel] header button[aria-expanded]');
      // From the top of the page, as a user starts: a click on the page's first line, then Tab.
      // (Firefox goes on from the last element clicked, here the panel's fold button, even after
      // blur(): Tab from there passes the badges, which come before the panel in our root.)
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.click(3, 3);
      const all = await page.evaluate(() => [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('[data-item]')].map((b) => b.getAttribute('data-item')!));
      const reached = new Set<string>();
      for (let i = 0; i < all.length * 8 + 20; i++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
          const el = document.querySelector('nianbao-check')!.shadowRoot!.activeElement;
          if (el?.hasAttribute('data-finding')) return `badge ${el.getAttribute('data-finding')}`;
          return el?.hasAttribute('data-item') ? `item ${el.getAttribute('data-item')}` : null;
        });
        if (at != null) reached.add(at);
      }
      // Every badge by Tab (each opens its card; Tab goes through the card to the next badge), and
      // every finding: its badge on the page or its row in the panel's list.
      expect(ids.filter((id) => !reached.has(`badge ${id}`))).toEqual([]);
      expect(all.filter((i) => !reached.has(`item ${i}`) && !reached.has(`badge ${i}`))).toEqual([]);
      await page.close();
    }, 30_000);

  for (const width of [1280, 760])
    it(`the card of the right-most badge stays inside the client width at ${width} px`, async () => {
      const page = await openSeed(`/ff-ui/edge.${width}.html`, '003', 'cms', width, (html) => html.replace('</head>', '<style>html { overflow-y: scroll }</style></head>'));
      const client = await page.evaluate(() => document.documentElement.clientWidth);
      // Firefox draws a scrollbar of its own here (12 px in firefox-esr headless): the client width is less than the viewport's.
      expect(client).toBeLessThan(await page.evaluate(() => innerWidth));
      const id = await page.evaluate(
        () =>
          [...document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('[data-layer] .badge')]
            .map((b) => ({ id: b.getAttribute('data-finding')!, x: b.getBoundingClientRect().right }))
            .sort((a, b) => b.x - a.x)[0].id,
      );
      await clickInShadow(page, `[data-layer] [data-finding="${id}"]`);
      await page.waitForFunction(() => !!document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.card'), { timeout: 5000, polling: 100 });
      const box = await page.evaluate(() => {
        const r = document.querySelector('nianbao-check')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      expect(box.right).toBeLessThanOrEqual(client);
      expect(box.left).toBeGreaterThanOrEqual(0);
      await page.close();
    }, 30_000);
});
