// The engine in a worker, for the audit page: a reading (plain data, lib/audit/inert.ts) in, the
// check out. Parsing and the rules then never hold the page's main thread.
import { checkDoc, type CheckOptions } from '../check';
import type { SourceDoc } from '../model';

export interface CheckRequest {
  id: number;
  source: SourceDoc;
  options: CheckOptions;
}

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const { id, source, options } = e.data;
  try {
    self.postMessage({ id, result: checkDoc(source, options) });
  } catch (err) {
    self.postMessage({ id, error: (err as Error).message ?? String(err) });
  }
};
