// The engine in a worker, for the audit page: a reading (plain data, lib/audit/inert.ts) in, the
// check out. Parsing and the rules then never hold the page's main thread. A long reading comes in
// parts (each a short task to copy on the page's side), then its title and options.
import { checkDoc, type CheckOptions } from '../check';
import type { Line } from '../model';

export type CheckRequest = { id: number; lines: Line[] } | { id: number; title?: string; options: CheckOptions; done: true };

const parts = new Map<number, Line[]>();

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const m = e.data;
  if (!('done' in m)) {
    const have = parts.get(m.id);
    if (have) for (const l of m.lines) have.push(l);
    else parts.set(m.id, m.lines);
    return;
  }
  const lines = parts.get(m.id) ?? [];
  parts.delete(m.id);
  try {
    self.postMessage({ id: m.id, result: checkDoc({ title: m.title, lines }, m.options) });
  } catch (err) {
    self.postMessage({ id: m.id, error: (err as Error).message ?? String(err) });
  }
};
