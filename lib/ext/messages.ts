// Messages between the page scripts, the background and the popup (zod-checked at every boundary).
import { z } from 'zod';

export const CountsSchema = z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() });
export type Counts = z.infer<typeof CountsSchema>;

export const StateSchema = z.enum(['checking', 'done', 'not-report', 'failed']);
export type CheckState = z.infer<typeof StateSchema>;

export const SummarySchema = z.object({
  state: StateSchema,
  title: z.string().nullable(),
  year: z.number().nullable(),
  format: z.string().nullable(),
  counts: CountsSchema,
  notice: z.string().nullable(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const MessageSchema = z.discriminatedUnion('type', [
  /** detector -> background: this frame holds a report, load the engine here. */
  z.object({ type: z.literal('report-detected'), title: z.string().nullable() }),
  /** engine -> background: the result for this frame (for the toolbar badge). */
  z.object({ type: z.literal('result'), summary: SummarySchema }),
  /** popup -> background: check the active tab now (activeTab grant). */
  z.object({ type: z.literal('check-tab'), tabId: z.number().int() }),
  /** popup/background -> engine: what did you find? */
  z.object({ type: z.literal('get-summary') }),
  /** settings changed: re-register automatic checking. */
  z.object({ type: z.literal('settings-changed') }),
]);
export type Message = z.infer<typeof MessageSchema>;

export function parseMessage(raw: unknown): Message | null {
  const r = MessageSchema.safeParse(raw);
  return r.success ? r.data : null;
}
