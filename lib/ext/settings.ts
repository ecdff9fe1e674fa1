// User settings: validated on every read, so a damaged store falls back to defaults instead of breaking.
import { z } from 'zod';

const makeSchema = () =>
  z.object({
    lang: z.enum(['zh', 'en']).default('zh'),
    /** Check *.gov.cn pages automatically (on by default). */
    autoGov: z.boolean().default(true),
    /** Check every page automatically (needs the optional <all_urls> permission). */
    autoAll: z.boolean().default(false),
    severities: z.object({ error: z.boolean(), warning: z.boolean(), info: z.boolean() }).default({ error: true, warning: true, info: true }),
    panel: z.object({ x: z.number(), y: z.number(), collapsed: z.boolean() }).nullable().default(null),
  });

let schema: ReturnType<typeof makeSchema> | null = null;
export type Settings = z.infer<ReturnType<typeof makeSchema>>;

export function parseSettings(raw: unknown): Settings {
  schema ??= makeSchema();
  const r = schema.safeParse(raw ?? {});
  return r.success ? r.data : schema.parse({});
}

export const defaultSettings = (): Settings => parseSettings({});
