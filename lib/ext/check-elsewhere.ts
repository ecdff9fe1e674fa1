// The parse and the rules off the page's thread. They need no DOM (lib/check.ts is pure), so the
// page's engine script only reads the page (DOM -> document model) and hands the model to the
// extension's background (its own process), which parses and checks it there: the page's main
// thread pays for the reading and the marks, not for the alignment and the rules (issue 12).
// Nothing leaves the browser: the model goes from our content script to our own background.
//
// The model's anchors hold page objects (text nodes, pictures) that cannot travel: on the way out
// each is replaced by its number (1-based, never falsy; the same object, the same number, so the
// engine's identity tests hold), and on the way back every anchor of the answer gets its object again.
import type { CheckOptions, CheckResult } from '../check';
import type { HistoryRecord } from '../history/model';
import type { SourceDoc } from '../model';
import { inertLines } from '../audit/inert';
import { extensionRuntime } from './page-watch';

/** Fields of an anchor that hold a page object. */
const OBJECT_FIELDS: readonly string[] = ['node', 'endNode', 'image'];
/** Whether \`o[k]\` is an anchor's page object (or its number). */
const holdsObject = (o: Record<string, unknown>, k: string) => (o.kind === 'dom' || o.kind === 'image') && OBJECT_FIELDS.includes(k);

/** A value and the page objects its anchors named (by number - 1). */
export interface Wire<T> {
  value: T;
  objects: unknown[];
}

/**
 * A copy of `value` (a result, with anchors anywhere in it) whose anchors' page objects are replaced
 * by numbers: plain data, for a message. A document model goes as lib/audit/inert.ts makes it plain.
 */
export function toWire<T>(value: T): Wire<T> {
  const objects: unknown[] = [];
  const numbers = new Map<unknown, number>();
  const numberOf = (o: unknown) => {
    let n = numbers.get(o);
    if (n === undefined) {
      objects.push(o);
      n = objects.length;
      numbers.set(o, n);
    }
    return n;
  };
  const copy = (v: unknown): unknown => {
    if (v == null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(copy);
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) {
      const x = o[k];
      out[k] = x != null && typeof x === 'object' && holdsObject(o, k) ? numberOf(x) : copy(x);
    }
    return out;
  };
  return { value: copy(value) as T, objects };
}

/** An answer with its anchors' numbers replaced by the page objects they stand for (in place). */
export function restoreObjects<T>(value: T, objects: unknown[]): T {
  const visit = (v: unknown) => {
    if (v == null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const x = o[k];
      if (typeof x === 'number' && holdsObject(o, k)) o[k] = objects[x - 1];
      else visit(x);
    }
  };
  visit(value);
  return value;
}

const isResult = (r: unknown): r is CheckResult => {
  const c = r as CheckResult | null;
  return !!c && typeof c.detection === 'object' && Array.isArray(c.findings) && Array.isArray(c.notices) && typeof c.report === 'object';
};

/** How the page's script reaches the background: one message, one answer. */
export type Send = (message: object) => Promise<unknown>;

export type CheckReply = { ok: true; result: CheckResult } | { ok: false; message: string };

/** The answer's result with its page objects, or our failure (said in our panel, never the report's). */
async function ask(send: Send | null, message: object, objects: unknown[]): Promise<CheckResult> {
  if (!send) throw new Error('the extension is not reachable from this page (reload the page)');
  const reply = (await send(message).catch((e: Error) => ({ ok: false, message: e.message }))) as CheckReply | null;
  if (reply?.ok && isResult(reply.result)) return restoreObjects(reply.result, objects);
  throw new Error(reply && !reply.ok ? reply.message : "no answer from the extension's background");
}

/** The model checked (parse and rules) in the background; its lines made plain as the desk's worker gets them (lib/audit/inert.ts). */
export function checkElsewhere(doc: SourceDoc, options: CheckOptions, send: Send | null): Promise<CheckResult> {
  const ids = new Map<unknown, number>();
  const plain = { ...doc, lines: inertLines(ids)(doc.lines) };
  return ask(send, { type: 'check-doc', doc: plain, options: { force: !!options.force, ...(options.scope ? { scope: options.scope } : {}) } }, [...ids.keys()]);
}

/** The cross-year rules (lib/check historyStep) in the background. */
export function historyStepElsewhere(checked: CheckResult, previous: HistoryRecord, send: Send | null): Promise<CheckResult> {
  const wire = toWire(checked);
  return ask(send, { type: 'history-step', checked: wire.value, previous }, wire.objects);
}

/** Our extension's own messaging from a content script, if it is there. */
export function extensionSend(): Send | null {
  const api = extensionRuntime();
  return api ? (m) => api.runtime.sendMessage(m) : null;
}
