// The audit page's engine: the check of a reading runs in a worker (lib/ext/check-worker.ts), one for
// the page, requests answered in turn. Where no worker can start, the same check runs here, step by
// step between tasks.
import { parseStepAsync, rulesStep, type CheckOptions, type CheckResult } from '../check';
import { inertDoc, inertLines } from '../audit/inert';
import type { SourceDoc } from '../model';

let worker: Worker | null | undefined;
let next = 1;
const waiting = new Map<number, { resolve(r: CheckResult): void; reject(e: Error): void }>();

function engine(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; result?: CheckResult; error?: string }>) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (e.data.result) w?.resolve(e.data.result);
      else w?.reject(new Error(e.data.error ?? 'the engine failed'));
    };
    worker.onerror = (e) => {
      // A worker that cannot run (blocked, failed to load): everything waiting is checked here.
      e.preventDefault();
      const failed = [...waiting.values()];
      waiting.clear();
      worker = null;
      for (const w of failed) w.reject(new Error('worker failed'));
    };
  } catch {
    worker = null;
  }
  return worker;
}

const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

async function here(source: SourceDoc, options: CheckOptions): Promise<CheckResult> {
  const parsed = await parseStepAsync(source, options, breathe);
  return parsed.report ? rulesStep(parsed, options) : parsed;
}

/** Lines a part: copying them (and making them plain) stays a short task on the page's side. */
const PART = 1500;

/** The check of a reading; its findings' anchors name no node (the audit places no marks). */
export async function checkReading(source: SourceDoc, options: CheckOptions): Promise<CheckResult> {
  const w = engine();
  if (!w) return here(inertDoc(source), options);
  const id = next++;
  const plain = inertLines();
  const done = new Promise<CheckResult>((resolve, reject) => waiting.set(id, { resolve, reject }));
  for (let at = 0; at < source.lines.length; at += PART) {
    if (at) await breathe();
    w.postMessage({ id, lines: plain(source.lines.slice(at, at + PART)) });
  }
  w.postMessage({ id, title: source.title, options, done: true });
  try {
    return await done;
  } catch {
    return here(inertDoc(source), options);
  }
}
