// Scores the Word readers on generated reports: cells read right (against the generator's values),
// broken totals found as errors, any other finding (a false one). .docx always; .doc and RTF too
// when LibreOffice (soffice) is installed, converted from the same .docx files.
//   npx tsx scripts/word-score.ts [from=1001] [to=1040]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult } from '../lib/check';
import { checkWord } from '../lib/cli/word';
import { classify } from '../lib/model';
import type { FileType } from '../lib/read/sniff';
import { formats } from '../lib/spec';
import { generatedReport, writeDocx, type GeneratedReport } from '../test/fixtures/docx';

const from = Number(process.argv[2] ?? 1001);
const to = Number(process.argv[3] ?? 1040);
const f21 = formats['2021'];
const num = (v: string) => classify(v).value ?? null;

function score(r: CheckResult, g: GeneratedReport) {
  let right = 0;
  let total = 0;
  const cmp = (got: (number | null)[] | undefined, want: (number | null)[]) => want.forEach((w, i) => (total++, got?.[i] === w && right++));
  const t = r.report?.tables;
  for (const row of g.data.t3.rows) cmp(t?.t3.rows[row.key]?.cells.map((c) => c.value), row.values.map(num));
  cmp(t?.t4.rows.cells?.cells.map((c) => c.value), g.data.t4.values.map(num));
  g.data.t2.subtables.forEach((st, i) => st.rows.forEach((row, j) => cmp(t?.t2.rows[f21.t2.subtables[i].rows[j].key]?.cells.map((c) => c.value), row.slice(1).map(num))));
  const names = (f: CheckResult['findings'][number], b: GeneratedReport['broken'][number]) => f.cells.some((c) => c.table === b.table && c.row === b.row && c.col === b.col);
  const found = g.broken.filter((b) => r.findings.some((f) => f.severity === 'error' && names(f, b))).length;
  const other = r.findings.filter((f) => f.severity !== 'info' && !(f.severity === 'error' && g.broken.some((b) => names(f, b)))).length;
  return { right, total, found, other };
}

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'word-score-'));
try {
  const seeds = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const reports = new Map(seeds.map((s) => [s, generatedReport(s)]));
  // Scored as .docx with the seed's own numbering; converted from copies with numbers typed (the
  // .doc and RTF readers draw no list numbers).
  for (const s of seeds) writeFileSync(join(dir, `r${s}.docx`), await writeDocx(reports.get(s)!.data, s));
  if (hasSoffice) for (const s of seeds) writeFileSync(join(dir, `c${s}.docx`), await writeDocx(reports.get(s)!.data, s, { numbering: false }));
  const kinds: [string, FileType][] = [['docx', 'docx']];
  if (hasSoffice) {
    for (const [ext, filter] of [['doc', 'doc:MS Word 97'], ['rtf', 'rtf']] as const) {
      execFileSync('soffice', ['--headless', '--convert-to', filter, '--outdir', dir, ...seeds.map((s) => join(dir, `c${s}.docx`))], { stdio: 'ignore' });
      kinds.push([ext, ext === 'doc' ? 'ole' : 'rtf']);
    }
  } else console.log('soffice not found: .docx only');
  for (const [ext, type] of kinds) {
    const sum = { right: 0, total: 0, broken: 0, found: 0, other: 0 };
    const t0 = Date.now();
    for (const s of seeds) {
      const g = reports.get(s)!;
      const file = `${ext === 'docx' ? 'r' : 'c'}${s}.${ext}`;
      const r = await checkWord(file, new Uint8Array(readFileSync(join(dir, file))), type, false);
      const x = score(r, g);
      sum.right += x.right;
      sum.total += x.total;
      sum.broken += g.broken.length;
      sum.found += x.found;
      sum.other += x.other;
    }
    console.log(`${ext}: seeds ${from}–${to}: cells ${sum.right}/${sum.total} (${((100 * sum.right) / sum.total).toFixed(2)} %), broken totals found ${sum.found}/${sum.broken}, other findings ${sum.other}, ${Math.round((Date.now() - t0) / seeds.length)} ms per file`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
