// The JSON contract of a finding, as a zod schema: the CLI's tests check the output against it.
import { z } from 'zod';
import { RULE_IDS } from './findings';

/** The JSON contract of a finding (zod, so the CLI and the tests check the same shape). */
export const FindingJsonSchema = z
  .object({
    rule: z.enum(RULE_IDS),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    cells: z.array(z.object({ table: z.enum(['t2', 't3', 't4']), row: z.string().nullable(), col: z.string().nullable(), value: z.number().nullable() }).strict()),
    expected: z.number().nullable(),
    actual: z.number().nullable(),
    section: z.number().int().min(1).max(6).optional(),
    /** The rows a finding repeated row after row stands for. */
    rows: z.array(z.string()).optional(),
  })
  .strict();
export type FindingJson = z.infer<typeof FindingJsonSchema>;

