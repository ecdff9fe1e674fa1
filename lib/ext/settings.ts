// User settings: validated on every read, so a damaged store falls back to defaults instead of breaking.
import { z } from 'zod';

export const SettingsSchema = z.object({
  lang: z.enum(['zh', 'en']).default('zh'),
  /** Check *.gov.cn pages automatically (on by default). */
  autoGov: z.boolean().default(true),
  /** Check every page automatically (needs the optional <all_urls> permission). */
  autoAll: z.boolean().default(false),
  severities: z.object({ error: z.boolean(), warning: z.boolean(), info: z.boolean() }).default({ error: true, warning: true, info: true }),
  panel: z.object({ x: z.number(), y: z.number(), collapsed: z.boolean() }).nullable().default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export function parseSettings(raw: unknown): Settings {
  const r = SettingsSchema.safeParse(raw ?? {});
  return r.success ? r.data : DEFAULT_SETTINGS;
}
