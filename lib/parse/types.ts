// The parsed report: what was read, where, and how surely. Rules read only this.
import type { Anchor } from '../model';
import type { FormatId, ReportFormat } from '../spec';
import type { ClaimRead } from './claims';
import type { PeriodRead } from './period';

export type TableId = 't2' | 't3' | 't4';

export interface CellRef {
  table: TableId;
  row: string | null;
  col: string | null;
}

export interface CellRead {
  ref: CellRef;
  /** Null when the cell is blank, malformed or could not be read. */
  value: number | null;
  raw: string;
  state: 'number' | 'blank' | 'invalid' | 'missing';
  /** Read with confidence: explicit cell or clean row, label matched well, value not reconstructed. */
  confident: boolean;
  anchor?: Anchor;
}

export interface LabelRead {
  ref: CellRef;
  canonical: string;
  printed: string;
  /** A known other wording that was matched. */
  variant?: { text: string; note: 'old-format' | 'variant' | 'typo' };
  /** Edit distance to the official wording (0: same wording). */
  distance: number;
  truncated?: boolean;
  /** Pieced together from several fragments of running text: a difference may be noise, not a typo. */
  joined?: boolean;
  /** Printed in a cell of an HTML table on the page itself. */
  html?: boolean;
  /** Read by OCR: only a known variant counts, odd characters may be misreads. */
  ocr?: boolean;
  anchor?: Anchor;
}

export type RowStatus = 'exact' | 'trimmed' | 'split' | 'decoded' | 'short' | 'long' | 'ambiguous';

export interface RowRead {
  key: string;
  cells: CellRead[];
  status: RowStatus;
  /** Values found in the row, when they did not fit the table. */
  count: number;
  expected: number;
  confident: boolean;
  /** The source drew cell boundaries (HTML table, tab or pipe fields). */
  explicit: boolean;
  /** The values are cells of an HTML table on the page itself. */
  html: boolean;
  label?: LabelRead;
  anchor?: Anchor;
  /**
   * For a row of one value too many or too few: how its values were placed. 'grid': under the
   * header cells of the page's table; 'every': only the cells every alignment agrees on;
   * 'likeliest': every alignment breaks an identity, the likeliest one is checked. 'position':
   * laid-out text whose values stand at their columns (a lost blank cell is a blank).
   */
  placedBy?: 'grid' | 'every' | 'likeliest' | 'position';
  /** Cells under no column header (placed by the grid): the cell too many. */
  extra?: CellRead[];
}

export interface TableRead {
  id: TableId;
  found: boolean;
  /** Which template the table follows. */
  layout: FormatId | null;
  rows: Record<string, RowRead>;
  /** Rows of the template that could not be found in the table. */
  missingRows: string[];
  labels: LabelRead[];
  /** Why the table (or part of it) could not be read. `aside`: a part left out, the rest read surely. */
  problems: { zh: string; en: string; aside?: true }[];
  anchor?: Anchor;
}

export interface SectionRead {
  n: number;
  heading: string;
  found: boolean;
  official: string;
  /** Same wording as the official heading or a known variant; or a misspelling. */
  wording?: 'official' | 'variant' | 'misspelt' | 'other';
  /** The ordinal printed differs from the section's place ("一、主动公开…" for section 二). */
  renumbered?: boolean;
  /** No heading, but the section's content seems present. */
  contentOnly?: boolean;
  /** Not found, but the text runs on in a few long lines: its heading may be hidden in them. */
  unsure?: 'flattened';
  anchor?: Anchor;
  line?: number;
  /** Position of the heading in the token stream. */
  pos?: number;
}

export interface Report {
  title: string | null;
  year: number | null;
  /** The statistics period as the text states it (each distinct statement). */
  periods: PeriodRead[];
  /** Numbers the text states about table 三. */
  claims: ClaimRead[];
  format: ReportFormat;
  expectedFormat: ReportFormat;
  sections: SectionRead[];
  tables: { t2: TableRead; t3: TableRead; t4: TableRead };
  /** The title of a second report on the same page, which was not read. */
  otherReport?: string;
}
