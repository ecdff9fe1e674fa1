// The engine side of a check in the page: find the report, read it, have it parsed and checked in
// the background (check-elsewhere.ts), and list the table pictures to read. No UI here: the UI
// script picks the run up through core-api.
import type { CheckOptions, CheckResult } from '../check';
import { compareWithHistoryBy } from '../history/compare-by';
import { cellName } from '../rules/names';
import { findReportRoot, findReportRootAsync, readDocumentAt, readDocumentAtAsync } from '../source';
import type { SourceDoc } from '../model';
import { awayWhile, longestStep, pause, publishCore, timed, type CoreApi, type CoreRun } from './core-api';
import { draftFrame, draftRootIn } from './editor';
import { recheck, tablePictures } from './pictures';
import { checkElsewhere, extensionSend, historyStepElsewhere, type Send } from './check-elsewhere';

/** The parse and the rules in the extension's background, off the page's thread (check-elsewhere.ts). */
function checkModel(doc: SourceDoc, options: CheckOptions): Promise<CheckResult> {
  return checkElsewhere(doc, options, sendAway());
}

/** Our messaging, its waits no step of ours (core-api awayWhile). */
function sendAway(): Send | null {
  const send = extensionSend();
  return send && ((m) => awayWhile(send(m)));
}

export async function runCore(force: boolean, picture: string | null): Promise<CoreRun> {
  const run: CoreRun = { force, result: null, source: null, tasks: [], failure: null, timing: [], longestStep: 0 };
  try {
    // A draft in an editor's frame (same-origin) is read in its own document; the marks stay ours.
    const frame = draftFrame(document);
    const doc = frame?.doc ?? document;
    const root = await timed(run.timing, 'root', () => findReportRootAsync(doc, pause));
    const source = await timed(run.timing, 'read', () => readDocumentAtAsync(doc, root, pause));
    // A draft in a contenteditable element of this page: the editable region around what was read.
    const editable = frame?.root ?? draftRootIn(root, firstDomNode(source));
    run.draft = editable ? { root: editable, inFrame: !!frame } : null;
    run.source = source;
    run.result = await timed(run.timing, 'check', () => checkModel(source, { force }));
    run.tasks = tablePictures(root ?? doc.body ?? doc.documentElement, source, run.result.report, picture);
  } catch (e) {
    run.failure = { zh: `无法读取本页的报告：${(e as Error).message}`, en: `Could not read the report on this page: ${(e as Error).message}` };
  }
  run.longestStep = longestStep();
  return run;
}

export function coreOf(force: boolean, picture: string | null): CoreApi {
  return {
    run: runCore(force, picture),
    recheck: (run, pictures) => recheck(run.source!, run.result!, pictures, run.force, checkModel),
    cellName,
    history: (result, source, store, options) => compareWithHistoryBy((checked, previous) => historyStepElsewhere(checked, previous, sendAway()), result, source, store, options),
    checkPage,
    again: () => publishCore(coreOf(force, null)),
  };
}

/** The first page node the reading anchored to (a draft's text is all in its editable region). */
function firstDomNode(source: SourceDoc): Node | null {
  for (const line of source.lines) for (const t of line.tokens) if (t.anchor?.kind === 'dom') return t.anchor.node as Node;
  return null;
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
  return checkModel(source, { force: false });
}
