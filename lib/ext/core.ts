// The engine side of a check in the page: find the report, read it, parse it, run the rules, and
// list the table pictures to read. No UI here: the UI script picks the run up through core-api.
import { checkDoc, parseStepAsync, rulesStep, type CheckResult } from '../check';
import { compareWithHistory } from '../history/compare';
import { cellName } from '../rules/names';
import { findReportRoot, findReportRootAsync, readDocumentAt, readDocumentAtAsync } from '../source';
import { longestStep, pause, timed, type CoreApi, type CoreRun } from './core-api';
import { recheck, tablePictures } from './pictures';

export async function runCore(force: boolean, picture: string | null): Promise<CoreRun> {
  const run: CoreRun = { force, result: null, source: null, tasks: [], failure: null, timing: [], longestStep: 0 };
  try {
    const root = await timed(run.timing, 'root', () => findReportRootAsync(document, pause));
    const source = await timed(run.timing, 'read', () => readDocumentAtAsync(document, root, pause));
    const parsed = await timed(run.timing, 'parse', () => parseStepAsync(source, { force }, pause));
    run.source = source;
    run.result = parsed.report ? await timed(run.timing, 'rules', () => rulesStep(parsed)) : parsed;
    run.tasks = tablePictures(root ?? document.body ?? document.documentElement, source, run.result.report, picture);
  } catch (e) {
    run.failure = { zh: `无法读取本页的报告：${(e as Error).message}`, en: `Could not read the report on this page: ${(e as Error).message}` };
  }
  run.longestStep = longestStep();
  return run;
}

export function coreOf(force: boolean, picture: string | null): CoreApi {
  return {
    run: runCore(force, picture),
    recheck: (run, pictures, wait) => recheck(run.source!, run.result!, pictures, run.force, wait),
    cellName,
    history: (result, source, store, options) => compareWithHistory(result, source, store, options),
    checkPage,
  };
}

/** A report page fetched as text (last year's, for the history): parsed inert (no script runs, nothing loads), then checked. */
async function checkPage(html: string, url: string): Promise<CheckResult> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Relative links resolve against the page's own address, not ours.
  const base = doc.createElement('base');
  base.href = url;
  doc.head?.prepend(base);
  await pause();
  const source = readDocumentAt(doc, findReportRoot(doc));
  await pause();
  return checkDoc(source, { force: false });
}
