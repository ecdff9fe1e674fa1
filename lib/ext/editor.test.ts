import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { draftFrame, draftRootIn, editableRootOf, frameDocument, holdsEditorFrame, isEditableDocument, sameOriginFrames } from './editor';
import { isAddressless, isEditableDoc } from './editor-detect';

const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

function page(html: string): Document {
  const w = new Window({ url: 'http://cms.example.gov.cn/edit' });
  windows.push(w);
  w.document.body.innerHTML = html;
  return w.document as unknown as Document;
}

/**
 * happy-dom gives a script-made frame no document: the frame's document is a page of its own,
 * reached as a browser does (contentDocument; designMode, as an editor sets it).
 */
function frameOf(frame: Element, inner: Document | 'cross-origin', designMode = 'off') {
  if (inner !== 'cross-origin') Object.defineProperty(inner, 'designMode', { value: designMode, configurable: true });
  Object.defineProperty(frame, 'contentDocument', {
    get() {
      if (inner === 'cross-origin') throw new Error('SecurityError');
      return inner;
    },
  });
}

const REPORT = '<h2>一、总体情况</h2><p>本年新收政府信息公开申请 12 件。</p>';

describe('editable documents and roots', () => {
  it('takes a designMode document and an editable body as the editor\'s, any other not', () => {
    const d = page('<p>x</p>');
    expect(isEditableDocument(d)).toBe(false);
    Object.defineProperty(d, 'designMode', { value: 'on', configurable: true });
    expect(isEditableDocument(d)).toBe(true);
    expect(isEditableDoc(d)).toBe(true);
    const e = page('<p>x</p>');
    Object.defineProperty(e.body, 'isContentEditable', { value: true });
    expect(isEditableDocument(e)).toBe(true);
  });

  it('finds the outermost element of the editable region around a node', () => {
    const d = page(`<div id="form"><div id="ed" contenteditable="true"><table><tr><td><span id="c">12</span></td></tr></table></div></div><p id="out">x</p>`);
    expect(editableRootOf(d.getElementById('c')!.firstChild)?.id).toBe('ed');
    expect(editableRootOf(d.getElementById('ed'))?.id).toBe('ed');
    expect(editableRootOf(d.getElementById('out')!.firstChild)).toBeNull();
    expect(editableRootOf(null)).toBeNull();
  });

  it('ends the region where a contenteditable="false" island begins', () => {
    const d = page(`<div id="ed" contenteditable="true"><div contenteditable="false"><span id="x">1</span></div><span id="y">2</span></div>`);
    expect(editableRootOf(d.getElementById('x'))).toBeNull();
    expect(editableRootOf(d.getElementById('y'))?.id).toBe('ed');
  });

  it('finds a draft\'s editable root from what was read: around the first node, the container, or inside the container', () => {
    const d = page(`<div id="page"><h1 id="h">编辑文章</h1><div class="toolbar">加粗</div><div id="ed" contenteditable="true">${REPORT}</div><div id="note" contenteditable="true">备注</div></div>`);
    const ed = d.getElementById('ed')!;
    expect(draftRootIn(d.getElementById('page'), ed.querySelector('p')!.firstChild)?.id).toBe('ed');
    expect(draftRootIn(ed, null)?.id).toBe('ed');
    // The form's title read first, outside the editor: the region holding the report.
    expect(draftRootIn(d.getElementById('page'), d.getElementById('h')!.firstChild)?.id).toBe('ed');
    // A published page: nothing editable holds the report.
    const pub = page(`<div id="page">${REPORT}<div contenteditable="true">留言</div></div>`);
    expect(draftRootIn(pub.getElementById('page'), pub.querySelector('p')!.firstChild)).toBeNull();
  });

  it('tells frames with no address of their own', () => {
    for (const u of ['about:blank', 'about:srcdoc', 'data:text/html,x', 'blob:http://a.gov.cn/1']) expect(isAddressless(u)).toBe(true);
    for (const u of ['http://a.gov.cn/', 'https://a.gov.cn/about:blank', 'file:///x.html']) expect(isAddressless(u)).toBe(false);
  });
});

describe('editor frames', () => {
  it('reads same-origin frames, nested ones too, and skips a cross-origin one', () => {
    const top = page('<iframe id="a"></iframe><iframe id="b"></iframe>');
    const a = page('<frame id="inner">');
    const inner = page(REPORT);
    frameOf(top.getElementById('a')!, a);
    frameOf(top.getElementById('b')!, 'cross-origin');
    frameOf(a.getElementById('inner') ?? a.querySelector('frame')!, inner);
    expect(frameDocument(top.getElementById('b')!)).toBeNull();
    const found = sameOriginFrames(top);
    expect(found.map((f) => f.doc)).toEqual([a, inner]);
    expect(sameOriginFrames(top, 1).map((f) => f.doc)).toEqual([a]);
  });

  it('takes the editable frame holding a report, the one with most text of several, never a frame that is not editable', () => {
    const top = page('<iframe id="toolbar"></iframe><iframe id="short"></iframe><iframe id="draft"></iframe><iframe id="shown"></iframe>');
    const toolbar = page('<p>加粗 斜体</p>');
    const short = page('<p>本年新收</p>');
    const draft = page(REPORT + REPORT);
    const shown = page(REPORT + REPORT + REPORT);
    frameOf(top.getElementById('toolbar')!, toolbar, 'on');
    frameOf(top.getElementById('short')!, short, 'on');
    frameOf(top.getElementById('draft')!, draft, 'on');
    // A published report in a frame of its own: read where it is, not as a draft.
    frameOf(top.getElementById('shown')!, shown, 'off');
    const d = draftFrame(top)!;
    expect(d.doc).toBe(draft);
    expect(d.root).toBe(draft.body);
    expect(d.frame).toBe(top.getElementById('draft'));
  });

  it('finds no draft where no editable frame holds a report', () => {
    const top = page('<iframe id="e"></iframe>');
    frameOf(top.getElementById('e')!, page('<p>请输入正文</p>'), 'on');
    expect(draftFrame(top)).toBeNull();
    expect(holdsEditorFrame(top)).toBe(true);
    expect(holdsEditorFrame(page('<p>x</p>'))).toBe(false);
  });
});
