import { afterEach, describe, expect, it } from 'vitest';
import { checkDoc } from '../check';
import { parseHtml, type ParsedHtml } from '../cli/html';
import type { Line } from '../model';
import { findReportRoot, readDocumentAt } from '../source';
import { renderWord } from '../../test/fixtures/render';
import { baseReport } from '../../test/fixtures/base';
import { anchorLines, pictureSrc, recheck, tablePictures, withPictures } from './pictures';
import { checkHere } from './check-here';
import { parseCheckedPictureReply, parsePictureReply } from './messages';

let open: ParsedHtml[] = [];
afterEach(async () => {
  await Promise.all(open.map((p) => p.close()));
  open = [];
});

/** The base report's Word page with some of its tables (二, 三, 四 in order) replaced by pictures. */
function page(replace: boolean[], extra = '') {
  let k = 0;
  const html = renderWord(baseReport()).replace(/<table[\s\S]*?<\/table>/g, (t) => (replace[k++] ? `<p><img src="/t${k + 1}.png" width="600"></p>` : t)).replace('</div></body>', `${extra}</div></body>`);
  const parsed = parseHtml(html);
  open.push(parsed);
  const doc = parsed.document;
  const root = findReportRoot(doc) ?? doc.body;
  const source = readDocumentAt(doc, root);
  return { doc, root, source, first: checkDoc(source) };
}

describe('which pictures are read', () => {
  it('a picture under a section whose table is missing', () => {
    const p = page([false, true, false]);
    expect(tablePictures(p.root, p.source, p.first.report, null).map((t) => [t.src, t.section])).toEqual([['/t3.png', 3]]);
  });

  it('every table picture, not a picture beside an HTML table, not an icon, not a photo in section 五', () => {
    const p = page([true, true, true], '<p><img src="/seal.png" width="80" height="80"></p>');
    p.doc.querySelector('img[src="/t2.png"]')!.insertAdjacentHTML('afterend', '<img src="/icon.gif" width="16" height="16">');
    const p5 = [...p.doc.querySelectorAll('p')].find((x) => x.textContent?.startsWith('五、'))!;
    p5.insertAdjacentHTML('afterend', '<p><img src="/photo.jpg" width="800" height="600"></p>');
    expect(tablePictures(p.root, readDocumentAt(p.doc, p.root), p.first.report, null).map((t) => t.src)).toEqual(['/t2.png', '/t3.png', '/t4.png']);
    const withTables = page([false, false, false], '<p><img src="/chart.png" width="800" height="400"></p>');
    expect(tablePictures(withTables.root, withTables.source, withTables.first.report, null)).toEqual([]);
  });

  it('the picture the user asked for, always', () => {
    const p = page([false, false, false], '<p><img src="/chart.png" width="800" height="400"></p>');
    expect(tablePictures(p.root, p.source, p.first.report, '/chart.png').map((t) => t.src)).toEqual(['/chart.png']);
  });

  it('the real address of a lazily loaded picture', () => {
    const p = page([false, false, false], '<p><img id="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-original="/real.png"></p>');
    expect(pictureSrc(p.doc.getElementById('lazy') as HTMLImageElement)).toBe('/real.png');
  });
});

describe('pictures in the page model', () => {
  const line = (text: string): Line => ({
    tokens: [{ kind: 'text', raw: text, cell: true, confident: true, anchor: { kind: 'image', image: null, x: 1, y: 2, w: 3, h: 4 } }],
    text,
    prose: false,
    rowEnd: true,
    anchor: { kind: 'image', image: null, x: 0, y: 0, w: 10, h: 10 },
  });

  it('stand where the picture stands, and point back to it', () => {
    const p = page([false, true, false]);
    const img = p.doc.querySelector('img')!;
    const lines = anchorLines([line('OCR')], { element: img, width: 600, height: 300 });
    expect((lines[0].tokens[0].anchor as { image: { element: unknown } }).image.element).toBe(img);
    const doc = withPictures(p.source, [{ element: img, lines }]);
    const at = doc.lines.findIndex((l) => l.text === 'OCR');
    expect(doc.lines[at - 1].text).toMatch(/^三、/);
    expect(doc.lines[at + 1].text).toMatch(/^四、/);
  });

  it('a picture that could not be read is our limit: no "table missing" error, a notice instead', async () => {
    const p = page([false, true, false]);
    expect(p.first.findings.some((f) => f.rule === 'table-missing' && f.section === 3)).toBe(true);
    const [task] = tablePictures(p.root, p.source, p.first.report, null);
    const { result, notices } = await recheck(p.source, p.first, { reads: [], unread: [{ task, why: { zh: '无法获取该图片', en: 'the picture could not be fetched' } }] }, false, checkHere(async () => {}));
    expect(result.findings.some((f) => f.rule === 'table-missing')).toBe(false);
    expect(notices).toEqual([{ zh: '图片「t3.png」未能识别（无法获取该图片），其中的表格未做核对，请人工核对', en: 'The picture "t3.png" could not be read (the picture could not be fetched); its table was not checked, please check it by eye' }]);
  });
});

describe('headings that may be inside a picture', () => {
  it('a section missing where a picture stands is a request to look, not an error', async () => {
    const p = page([false, true, false]);
    [...p.doc.querySelectorAll('p')].find((x) => x.textContent?.startsWith('三、'))!.remove();
    const source = readDocumentAt(p.doc, p.root);
    const first = checkDoc(source);
    expect(first.findings.some((f) => f.rule === 'section-missing' && f.section === 3)).toBe(true);
    const tasks = tablePictures(p.root, source, first.report, null);
    expect(tasks.map((t) => t.src)).toEqual(['/t3.png']);
    const { result, notices } = await recheck(source, first, { reads: [], unread: [{ task: tasks[0], why: { zh: '已取消识别', en: 'reading was cancelled' } }] }, false, checkHere(async () => {}));
    expect(result.findings.some((f) => f.rule === 'section-missing')).toBe(false);
    expect(notices.map((n) => n.zh)).toContain('页面文字中没有第三部分的标题；它可能印在图片中，请人工核对');
  });
});

describe('replies of the OCR page', () => {
  it('are checked: anything else is an unavailable engine, not a crash', () => {
    expect(parsePictureReply({ ok: false, code: 'fetch', message: 'HTTP 404' })).toEqual({ ok: false, code: 'fetch', message: 'HTTP 404' });
    expect(parsePictureReply(undefined)).toMatchObject({ ok: false, code: 'unavailable' });
    expect(parsePictureReply({ ok: true, width: 10, height: 10, lines: [{ tokens: [{ kind: 'script' }] }] })).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('in the page, once the background checked them whole, by their form', () => {
    const line = { tokens: [{ kind: 'number', raw: '3', value: 3, cell: true, confident: true, anchor: { kind: 'image', image: null, x: 0, y: 0, w: 1, h: 1 } }], text: '3', prose: false, rowEnd: true, anchor: { kind: 'image', image: null, x: 0, y: 0, w: 1, h: 1 } };
    const good = { ok: true, width: 10, height: 10, lines: [line] };
    expect(parsePictureReply(good)).toEqual(good);
    expect(parseCheckedPictureReply(good)).toEqual(good);
    expect(parseCheckedPictureReply({ ok: false, code: 'ocr', message: 'x' })).toEqual({ ok: false, code: 'ocr', message: 'x' });
    for (const bad of [undefined, 'ok', { ok: true, width: 10, height: 10 }, { ok: true, width: 10, height: 10, lines: [{ text: 'x' }] }, { ok: true, width: 1.5, height: 10, lines: [] }, { ok: false, code: 'script', message: '' }])
      expect(parseCheckedPictureReply(bad)).toMatchObject({ ok: false, code: 'unavailable' });
  });
});
