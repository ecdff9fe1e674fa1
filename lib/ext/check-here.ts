// The check in this thread, giving way between its steps (\`pause\`): for the viewer, the command
// line and the tests, where no background checks for us (a page's engine asks its background:
// lib/ext/check-elsewhere.ts).
import { parseStepAsync, rulesStep, type CheckOptions, type CheckResult } from '../check';
import type { SourceDoc } from '../model';

export const checkHere =
  (pause: () => Promise<void>) =>
  async (doc: SourceDoc, options: CheckOptions): Promise<CheckResult> => {
    const parsed = await parseStepAsync(doc, options, pause);
    return parsed.report ? rulesStep(parsed, options) : parsed;
  };
