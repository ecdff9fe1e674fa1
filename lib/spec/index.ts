import type { Format } from './schema';
import { format2019 } from './format2019';
import { format2021 } from './format2021';

/**
 * Every supported format, as plain data. Its shape is checked by the zod schema in schema.ts (see
 * spec.test.ts and validateFormats), not at run time: the extension ships no schema code for it.
 */
export const formats: Record<Format['id'], Format> = {
  '2021': format2021,
  '2019': format2019,
};

export type FormatId = Format['id'];
export type ReportFormat = FormatId | 'pre-2019' | 'unknown';

/** The template a report of this data year must use (spec §1). */
export function expectedFormat(year: number | null): ReportFormat {
  if (year == null) return 'unknown';
  if (year <= 2018) return 'pre-2019';
  if (year <= 2020) return '2019';
  return '2021';
}

export type { Format, Identity, Label, Section, SubTable, T3Row } from './schema';
