// Messages between the page scripts, the background and the popup (zod-checked at every boundary).
// zod/mini: the same checks at a fraction of the size, so the engine script compiles fast on each page.
// The schemas are built on first use: the engine should not pay for them before it needs them.
import * as z from 'zod/mini';

const makeSchemas = () => {
  const Counts = z.object({ errors: z.int(), warnings: z.int(), infos: z.int() });
  const State = z.enum(['checking', 'done', 'not-report', 'failed']);
  const Summary = z.object({
    state: State,
    title: z.nullable(z.string()),
    year: z.nullable(z.number()),
    format: z.nullable(z.string()),
    counts: Counts,
    notice: z.nullable(z.string()),
  });
  const Message = z.discriminatedUnion('type', [
    /** detector -> background: this frame holds a report, load the engine here. */
    z.object({ type: z.literal('report-detected'), title: z.nullable(z.string()) }),
    /** engine -> background: the result for this frame (for the toolbar badge). */
    z.object({ type: z.literal('result'), summary: Summary }),
    /** popup -> background: check the active tab now (activeTab grant). */
    z.object({ type: z.literal('check-tab'), tabId: z.int() }),
    /** popup/background -> engine: what did you find? */
    z.object({ type: z.literal('get-summary') }),
    /** settings changed: re-register automatic checking. */
    z.object({ type: z.literal('settings-changed') }),
  ]);
  return { Counts, State, Summary, Message };
};

let cache: ReturnType<typeof makeSchemas> | null = null;
export const schemas = () => (cache ??= makeSchemas());

type S = ReturnType<typeof makeSchemas>;
export type Counts = z.infer<S['Counts']>;
export type CheckState = z.infer<S['State']>;
export type Summary = z.infer<S['Summary']>;
export type Message = z.infer<S['Message']>;

export function parseMessage(raw: unknown): Message | null {
  const r = schemas().Message.safeParse(raw);
  return r.success ? r.data : null;
}

export function parseSummary(raw: unknown): Summary | null {
  const r = schemas().Summary.safeParse(raw);
  return r.success ? r.data : null;
}
