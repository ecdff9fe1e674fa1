// What the engine script (read, parse, rules) hands to the UI script in the same isolated world.
// The two are injected one after the other, so that neither compiles into one long task; the UI
// reaches the engine only through this object (type imports only: no engine code in the UI bundle).
import type { CheckResult } from '../check';
import type { Text } from '../findings';
import type { SourceDoc } from '../model';
import type { CellRef } from '../parse/types';
import type { Compared } from '../history/compare';
import type { HistoryStore } from '../history/store';
import type { PicturesRead, PictureTask } from './pictures';

export interface CoreRun {
  force: boolean;
  result: CheckResult | null;
  source: SourceDoc | null;
  /** Pictures of tables to read. */
  tasks: PictureTask[];
  /** Our own failure while reading the page. */
  failure: Text | null;
  /** A draft in an editor (lib/ext/editor.ts): its editable root, watched for edits; null on a published page. */
  draft?: { root: HTMLElement; inFrame: boolean } | null;
  /** Phase durations, and the longest step between pauses (ms), for the benchmark. */
  timing: string[];
  longestStep: number;
}

export interface CoreApi {
  run: Promise<CoreRun>;
  /** The report checked again with the tables read from its pictures. */
  recheck(run: CoreRun, pictures: PicturesRead): Promise<{ result: CheckResult; notices: Text[] }>;
  cellName(ref: CellRef, lang: 'zh' | 'en'): string;
  /**
   * The report against the history (lib/history compareWithHistory): its record kept in `store`,
   * last year's record of the same body looked up, the cross-year findings added. The store is the
   * UI script's (storage.local); the rules stay in the engine script.
   */
  history(result: CheckResult, source: string, store: HistoryStore, options?: { keep?: boolean }): Promise<Compared>;
  /** Another report page (last year's, fetched as text) read and checked like this one, without its pictures. */
  checkPage(html: string, url: string): Promise<CheckResult>;
  /** The page read and checked again (a draft after an edit): a new run published in place of this one. */
  again?(): void;
}

type WithCore = { __nianbaoCore?: CoreApi };

export const publishCore = (api: CoreApi) => void ((globalThis as WithCore).__nianbaoCore = api);
export const coreApi = (): CoreApi | undefined => (globalThis as WithCore).__nianbaoCore;

// The longest stretch of our work between two pauses: the longest task we give the page (for the
// benchmark; a trace cannot always tell our timer callbacks from the page's). Kept on the isolated
// world's global, not in this module: the engine and the UI scripts each bundle this module, and a
// wait in one (the background's check) must end the step the other is timing.
type Steps = { resumedAt: number; longest: number };
const steps = (): Steps => ((globalThis as { __nianbaoSteps?: Steps }).__nianbaoSteps ??= { resumedAt: 0, longest: 0 });
const endStep = () => {
  const s = steps();
  if (s.resumedAt) s.longest = Math.max(s.longest, performance.now() - s.resumedAt);
  s.resumedAt = 0;
};
const resume = () => void (steps().resumedAt = performance.now());

/** Gives way to the page: the work after it runs in a later task. */
export async function pause(): Promise<void> {
  endStep();
  await new Promise<void>((r) => setTimeout(r, 0));
  resume();
}

/**
 * Once the frame after our render is painted (or 100 ms later: a hidden tab paints no frame). What
 * keeps the browser busy (our messages: a picture to read, the popup's summary, a script to inject)
 * waits for it: our first layout asks the browser for its font strikes, and a busy browser answers
 * late, in the page's frame.
 */
export async function afterPaint(): Promise<void> {
  // A step of ours goes on after the wait; a wait between steps (a picture's read) stays none.
  const inStep = steps().resumedAt > 0;
  endStep();
  await new Promise<void>((resolve) => {
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(late);
        resolve();
      }, 0),
    );
  });
  if (inStep) resume();
}

/** Waits for work done elsewhere (the background's check): the wait is no step of ours. */
export async function awayWhile<T>(work: Promise<T>): Promise<T> {
  endStep();
  try {
    return await work;
  } finally {
    resume();
  }
}

/** One phase of work, begun in a task of its own, its duration noted for the benchmark. */
export async function timed<T>(timing: string[], name: string, fn: () => T | Promise<T>): Promise<T> {
  await pause();
  const t0 = performance.now();
  const out = await fn();
  endStep();
  timing.push(`${name}:${(performance.now() - t0).toFixed(1)}`);
  return out;
}

/** The longest step measured so far in this script. */
export const longestStep = () => steps().longest;
