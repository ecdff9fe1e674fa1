import { describe, expect, it } from 'vitest';
import { checkDoc, historyStep } from '../check';
import { recordOf } from '../history/record';
import { parseHtml } from '../cli/html';
import { decodeBytes } from '../read/decode';
import { readDocument } from '../source';
import { layoutOf } from '../../test/fixtures/render';
import { answerCheck, parseCheckAsk } from './check-answer';
import { checkElsewhere, historyStepElsewhere, restoreObjects, toWire, type Send } from './check-elsewhere';

function pageDoc(id: '001' | '003', layout: 'word' | 'cms') {
  return readDocument(parseHtml(decodeBytes(layoutOf(id, layout).bytes, { html: true }).text).document);
}

/** The background as the extension has it: the message goes through JSON, as Chromium's messaging does. */
const background: Send = async (m) => {
  const ask = parseCheckAsk(JSON.parse(JSON.stringify(m)));
  return ask ? JSON.parse(JSON.stringify(answerCheck(ask))) : undefined;
};

const tokens0Node = (doc: ReturnType<typeof readDocument>) => (doc.lines[0].tokens[0].anchor as { node?: unknown }).node;

describe('the check off the page’s thread', () => {
  it('gives the same findings as the check here, each anchored to the same page node', async () => {
    const doc = pageDoc('001', 'word');
    const here = checkDoc(doc, { force: false });
    const there = await checkElsewhere(doc, { force: false }, background);
    expect(there.findings.length).toBeGreaterThan(0);
    expect(there.findings.map((f) => [f.rule, f.severity, f.cells?.map((c) => c.value)])).toEqual(here.findings.map((f) => [f.rule, f.severity, f.cells?.map((c) => c.value)]));
    const nodesHere = here.findings.flatMap((f) => (f.cells ?? []).map((c) => (c.anchor?.kind === 'dom' ? c.anchor.node : null)));
    const nodesThere = there.findings.flatMap((f) => (f.cells ?? []).map((c) => (c.anchor?.kind === 'dom' ? c.anchor.node : null)));
    expect(nodesThere.filter(Boolean).length).toBeGreaterThan(0);
    nodesThere.forEach((n, i) => expect(n).toBe(nodesHere[i]));
    expect(nodesThere.every((n) => n == null || typeof (n as { nodeType?: unknown }).nodeType === 'number')).toBe(true);
  });

  it('sends plain data: no page node crosses, one number per node, never falsy', () => {
    const doc = pageDoc('003', 'cms');
    const wire = toWire(doc);
    expect(() => JSON.stringify(wire.value)).not.toThrow();
    const text = JSON.stringify(wire.value);
    expect(text).not.toContain('[object');
    const numbers = wire.value.lines.flatMap((l) => l.tokens.map((t) => (t.anchor.kind === 'dom' ? t.anchor.node : null))).filter((n) => n != null) as number[];
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => typeof n === 'number' && n >= 1)).toBe(true);
    expect(new Set(wire.objects).size).toBe(wire.objects.length);
    // The model itself is left as it was.
    expect(typeof tokens0Node(doc)).toBe('object');
    const back = restoreObjects(JSON.parse(text), wire.objects);
    expect(back.lines[5].tokens[0].anchor).toEqual(doc.lines[5].tokens[0].anchor);
  });

  it('runs the cross-year rules there too', async () => {
    const doc = pageDoc('001', 'word');
    const checked = checkDoc(doc);
    const previous = { ...recordOf(checked.report!, { source: 'https://a.gov.cn/2022.html' }), year: (checked.report!.year ?? 2023) - 1 };
    const here = historyStep(checked, previous);
    const there = await historyStepElsewhere(checked, previous, background);
    expect(there.findings.map((f) => f.rule)).toEqual(here.findings.map((f) => f.rule));
  });

  it('a background that does not answer is our failure, said plainly, never an empty report', async () => {
    const doc = pageDoc('003', 'cms');
    await expect(checkElsewhere(doc, {}, null)).rejects.toThrow(/not reachable/);
    await expect(checkElsewhere(doc, {}, async () => undefined)).rejects.toThrow(/no answer/);
    await expect(checkElsewhere(doc, {}, async () => ({ ok: false, message: 'boom' }))).rejects.toThrow('boom');
    await expect(checkElsewhere(doc, {}, async () => ({ ok: true, result: { findings: 'x' } }))).rejects.toThrow(/no answer/);
    await expect(checkElsewhere(doc, {}, () => Promise.reject(new Error('Extension context invalidated.')))).rejects.toThrow('invalidated');
  });

  it('the background hears only well-formed asks', () => {
    expect(parseCheckAsk({ type: 'check-doc' })).toBeNull();
    expect(parseCheckAsk({ type: 'check-doc', doc: { lines: 'x' } })).toBeNull();
    expect(parseCheckAsk({ type: 'history-step', checked: { report: {}, findings: [] } })).toBeNull();
    expect(parseCheckAsk({ type: 'ocr-picture', src: 'x' })).toBeNull();
    expect(parseCheckAsk({ type: 'check-doc', doc: { lines: [] }, options: { force: 'yes', scope: 'all' } })).toEqual({ type: 'check-doc', doc: { lines: [] }, options: { force: false } });
    // A model that is not one: the reply says why, nothing throws in the background.
    const bad = answerCheck({ type: 'check-doc', doc: { lines: [{ tokens: 5 }] } as never, options: { force: true } });
    expect(bad.ok === false || Array.isArray(bad.result.notices)).toBe(true);
  });
});
