// Every rule, in the order their findings are listed.
import type { Rule } from '../findings';
import { cellBlank } from './cell-blank';
import { cellInvalid } from './cell-invalid';
import { crossYearCarryover } from './cross-year-carryover';
import { crossYearInForce } from './cross-year-in-force';
import { formatMismatch } from './format-mismatch';
import { labelVariant } from './label-variant';
import { rowLength } from './row-length';
import { sectionHeadingVariant } from './section-heading-variant';
import { sectionMissing } from './section-missing';
import { statPeriod } from './stat-period';
import { t3Balance } from './t3-balance';
import { t3OutcomeTotal } from './t3-outcome-total';
import { t3RowTotal } from './t3-row-total';
import { t4BlockTotal } from './t4-block-total';
import { tableMissing } from './table-missing';
import { tableUnreadable } from './table-unreadable';
import { textTable } from './text-table';
import { totalBlank } from './total-blank';

export const rules: Rule[] = [
  sectionMissing,
  sectionHeadingVariant,
  formatMismatch,
  statPeriod,
  tableMissing,
  tableUnreadable,
  rowLength,
  t3RowTotal,
  t3OutcomeTotal,
  t3Balance,
  t4BlockTotal,
  textTable,
  crossYearCarryover,
  crossYearInForce,
  totalBlank,
  cellInvalid,
  cellBlank,
  labelVariant,
];
