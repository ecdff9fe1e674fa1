// User settings: validated on every read, so a damaged store falls back to defaults instead of breaking.
import * as z from 'zod/mini';

const makeSchema = () =>
  z.object({
    lang: z._default(z.enum(['zh', 'en']), 'zh'),
    /** Check *.gov.cn pages automatically (on by default). */
    autoGov: z._default(z.boolean(), true),
    /** Check every page automatically (needs the optional <all_urls> permission). */
    autoAll: z._default(z.boolean(), false),
    /** Open PDFs of *.gov.cn in our viewer instead of the browser's (dynamic DNR redirect rules; off by default). */
    autoPdfGov: z._default(z.boolean(), false),
    /**
     * Keep a record of each report checked (storage.local, never sent anywhere) and compare it with the
     * same body's report of the year before (cross-year rules). On by default: an inspector lays this
     * year's report beside last year's, and the records are only the figures those rules compare.
     */
    history: z._default(z.boolean(), true),
    severities: z._default(z.object({ error: z.boolean(), warning: z.boolean(), info: z.boolean() }), { error: true, warning: true, info: true }),
    panel: z._default(z.nullable(z.object({ x: z.number(), y: z.number(), collapsed: z.boolean() })), null),
  });

let schema: ReturnType<typeof makeSchema> | null = null;
export type Settings = z.infer<ReturnType<typeof makeSchema>>;

export function parseSettings(raw: unknown): Settings {
  schema ??= makeSchema();
  const r = schema.safeParse(raw ?? {});
  return r.success ? r.data : schema.parse({});
}

export const defaultSettings = (): Settings => parseSettings({});
