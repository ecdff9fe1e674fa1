import { describe, expect, it } from 'vitest';
import { checkDoc } from '../check';
import { readText } from '../read/text';
import type { SourceDoc } from '../model';
import { inertDoc } from './inert';

describe('inertDoc', () => {
  it('replaces nodes by numbers (one node, one number), keeps shared anchors shared, and clones', () => {
    const nodeA = { nodeType: 3, data: 'a' };
    const nodeB = { nodeType: 3, data: 'b' };
    const shared = { kind: 'dom' as const, node: nodeA, start: 0, end: 2, endNode: nodeA };
    const doc: SourceDoc = {
      lines: [
        { text: '12', prose: false, rowEnd: true, anchor: shared, tokens: [{ kind: 'number', raw: '12', value: 12, cell: true, confident: true, anchor: shared }] },
        { text: 'x', prose: false, rowEnd: true, anchor: { kind: 'dom', node: nodeB }, tokens: [{ kind: 'text', raw: 'x', cell: false, confident: true, anchor: { kind: 'image', image: nodeB, x: 1, y: 2, w: 3, h: 4 } }] },
      ],
    };
    const out = structuredClone(inertDoc(doc));
    const [l0, l1] = out.lines;
    expect(l0.anchor).toBe(l0.tokens[0].anchor);
    expect(l0.anchor).toMatchObject({ kind: 'dom', node: 1, endNode: 1, start: 0, end: 2 });
    expect(l1.anchor).toMatchObject({ kind: 'dom', node: 2 });
    expect(l1.tokens[0].anchor).toMatchObject({ kind: 'image', image: 2, x: 1 });
  });

  it('checks to the same findings as the document it came from', () => {
    const text = ['某县2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 2'].join('\n');
    const doc = readText(text);
    const strip = (r: ReturnType<typeof checkDoc>) => r.findings.map((f) => [f.rule, f.severity, f.message.zh, f.expected, f.actual]);
    expect(strip(checkDoc(structuredClone(inertDoc(doc)), { force: true }))).toEqual(strip(checkDoc(doc, { force: true })));
  });
});
