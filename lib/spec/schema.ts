import { z } from 'zod';

/** A label as printed in the official format, with the other wordings seen in real reports. */
export const LabelSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Other wordings: older formats, known typos or abbreviations. Reported as label-variant. */
  variants: z.array(z.object({ text: z.string(), note: z.enum(['old-format', 'variant', 'typo']) })).default([]),
  /** Words one of which must appear for a match (keeps look-alike rows apart). */
  keywords: z.array(z.string()).default([]),
});
export type Label = z.infer<typeof LabelSchema>;

export const SectionSchema = z.object({
  n: z.number().int().min(1).max(6),
  heading: z.string(),
  variants: z.array(z.string()).default([]),
  keywords: z.array(z.array(z.string())),
  /** Which table the section carries. */
  table: z.enum(['t2', 't3', 't4']).optional(),
});
export type Section = z.infer<typeof SectionSchema>;

export const SubTableSchema = z.object({
  caption: z.string(),
  columns: z.array(LabelSchema),
  rows: z.array(LabelSchema),
  /** Columns that may hold negative numbers (2019 本年增/减) or decimals (万元 amounts). */
  signed: z.array(z.string()).default([]),
  decimal: z.array(z.string()).default([]),
});
export type SubTable = z.infer<typeof SubTableSchema>;

export const T3RowSchema = LabelSchema.extend({
  role: z.enum(['input', 'detail', 'total', 'carry']),
  group: z.string().optional(),
});
export type T3Row = z.infer<typeof T3RowSchema>;

/** The arithmetic identities, as data: each rule reads the ones of its kind. */
export const IdentitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('row-sum'), rule: z.string(), table: z.literal('t3'), total: z.string(), parts: z.array(z.string()) }),
  z.object({ kind: z.literal('column-sum'), rule: z.string(), table: z.literal('t3'), total: z.string(), partsRole: z.literal('detail') }),
  z.object({ kind: z.literal('column-balance'), rule: z.string(), table: z.literal('t3'), left: z.array(z.string()), right: z.array(z.string()) }),
  z.object({ kind: z.literal('block-sum'), rule: z.string(), table: z.literal('t4'), total: z.string(), parts: z.array(z.string()) }),
]);
export type Identity = z.infer<typeof IdentitySchema>;

export const FormatSchema = z.object({
  id: z.enum(['2021', '2019']),
  name: z.string(),
  citation: z.string(),
  /** Data years this template is meant for (inclusive; to: null = still current). */
  years: z.object({ from: z.number(), to: z.number().nullable() }),
  sections: z.array(SectionSchema).length(6),
  t2: z.object({ subtables: z.array(SubTableSchema) }),
  t3: z.object({ columns: z.array(LabelSchema).length(7), rows: z.array(T3RowSchema), groups: z.array(LabelSchema) }),
  t4: z.object({ blocks: z.array(LabelSchema).length(3), columns: z.array(LabelSchema).length(5) }),
  identities: z.array(IdentitySchema),
  /** Strings whose presence in a table marks this template (used to tell templates apart). */
  signatures: z.object({ t2: z.array(z.string()) }),
});
export type Format = z.infer<typeof FormatSchema>;

/** Parses every format: a malformed spec fails here, in a test, not in a rule at run time. */
export function validateFormats(formats: Record<string, unknown>): Record<string, Format> {
  return Object.fromEntries(Object.entries(formats).map(([k, f]) => [k, FormatSchema.parse(f)]));
}
