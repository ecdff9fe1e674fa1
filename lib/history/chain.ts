// The cross-year check of one batch, pure: each report checked is compared with the same body's
// report of the year before, found among the reports checked together (whatever their order) or,
// failing that, among the records kept. The command line (lib/cli/history.ts) and the audit page
// chain a batch through this one function, so both compare the same reports with the same.
import { historyStep, type CheckResult } from '../check';
import type { Text } from '../findings';
import { notCompared } from './figures';
import { recordOf, recordSource, type HistoryRecord } from './record';
import { ambiguousMatch, previousOf, sameBody } from './store';

export interface CrossYear {
  input: string;
  result: CheckResult;
  /** Kept in the history when it names its body and year. */
  record: HistoryRecord | null;
  previous: HistoryRecord | null;
  /** A line for the readable summary: what was compared with what, or why nothing was. */
  note?: Text;
}

/**
 * `sourceRef` names an input as its record keeps it (the command line: a file by its full path;
 * the audit page: the address). `historyOn`: the user keeps a history, so a report compared with
 * nothing, or not recorded, is said.
 */
export function chainYears(
  checked: { input: string; result: CheckResult }[],
  stored: readonly HistoryRecord[],
  historyOn: boolean,
  sourceRef: (input: string) => string,
  checkedAt = new Date().toISOString(),
): CrossYear[] {
  const records = checked.map(({ input, result }) => (result.report ? recordOf(result.report, { source: sourceRef(input), checkedAt }) : null));
  const known = (r: HistoryRecord | null): r is HistoryRecord & { agency: object; year: number } => !!r?.agency && r.year != null;
  const session = records.filter(known);
  return checked.map(({ input, result }, i) => {
    const record = records[i];
    if (!result.report || !record) return { input, result, record: null, previous: null };
    if (!known(record)) {
      if (!historyOn) return { input, result, record: null, previous: null };
      const why: Text = {
        zh: `未能从标题识别报告的${record.agency ? '年度' : '机关'}，此报告未记入历史，也未与上一年度的报告比对`,
        en: `The report's ${record.agency ? 'year' : 'body'} could not be told from its title: it was not recorded in the history nor compared with last year's report`,
      };
      return { input, result: { ...result, notices: [...result.notices, why] }, record: null, previous: null };
    }
    // A report of this batch is newer than what the store holds for the same report. Whether a
    // short name is ambiguous is asked of everything known, the batch and the store together.
    const context = [...session, ...stored];
    const previous = previousOf(session, record, context) ?? previousOf(stored, record, context);
    if (!previous) {
      const unsure = context.some((r) => r.year === record.year - 1 && sameBody(r, record) && ambiguousMatch(r, record, context));
      if (unsure) {
        const note = {
          zh: `跨年度核对：「${record.agency.name}」${record.year - 1}年度的报告可能属于同名的不同机关（名称未写上级地名），无法确定是哪一个，未做跨年度核对`,
          en: `Cross-year check: a report of "${record.agency.name}" for ${record.year - 1} may be another body's of the same name (its name leaves out the place above it); not compared`,
        };
        return { input, result, record, previous: null, note };
      }
      const note = historyOn
        ? {
            zh: `跨年度核对：历史记录和本次输入中没有「${record.agency.name}」${record.year - 1}年度的报告，未做跨年度核对`,
            en: `Cross-year check: neither the history nor this run holds ${record.agency.name}'s report for ${record.year - 1}; not compared`,
          }
        : undefined;
      return { input, result, record, previous: null, note };
    }
    const from = recordSource(previous);
    const formats = previous.t2Format === '2021' && result.report.tables.t2.layout === '2021';
    const gaps = notCompared(result.report, previous);
    const note = {
      zh: `跨年度核对：对照上一年度报告${from.zh}${formats ? '' : '（两年的表二不都是2021年格式，未核对现行有效件数）'}${gaps.map((g) => `；${g.zh}`).join('')}`,
      en: `Cross-year check: against last year's report ${from.en}${formats ? '' : ' (the two tables 二 are not both of the 2021 template: documents in force not compared)'}${gaps.map((g) => `; ${g.en}`).join('')}`,
    };
    return { input, result: historyStep(result, previous), record, previous, note };
  });
}
