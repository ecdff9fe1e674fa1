// The shape of a history record, as plain types and constants: what the rules and the engine use,
// without the schema (record.ts validates with zod; the engine bundle stays free of it).

/** A figure as read: null when blank or not read; how surely it was read. */
export interface Figure {
  value: number | null;
  state: 'number' | 'blank' | 'invalid' | 'missing';
  confident: boolean;
  /** Not read from the table (not readable there) but from the text: the statement, as printed. Never confident. */
  stated?: string;
}

export type FigureRow = Record<string, Figure>;

export interface HistoryRecord {
  version: 1;
  /** One per report and source (record.ts recordId). */
  id: string;
  agency: { key: string; name: string } | null;
  year: number | null;
  format: '2021' | '2019' | 'pre-2019' | 'unknown';
  /** The template table 二 follows: its columns differ between 2019 and 2021. */
  t2Format: '2021' | '2019' | null;
  figures: {
    /** Table 三 rows 二 (b) and 四 (w), by column. */
    t3: { b?: FigureRow; w?: FigureRow };
    /** Table 二's 规章 and 行政规范性文件: issued/repealed/in-force (2021), made/published/total-public (2019). */
    t2: { regulations?: FigureRow; normative?: FigureRow };
  };
  source: { kind: 'url' | 'file'; ref: string };
  title: string | null;
  /** ISO 8601. */
  checkedAt: string;
}

export const T3_COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'] as const;
export const T2_ROWS = ['regulations', 'normative'] as const;

/** How a finding names the report a figure came from: its title and where it was read. */
export function recordSource(r: HistoryRecord): { zh: string; en: string } {
  const title = r.title ?? `${r.agency?.name ?? ''}${r.year ?? ''}年度报告`;
  return { zh: `《${title}》（${r.source.ref}）`, en: `"${title}" (${r.source.ref})` };
}
