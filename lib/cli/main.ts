// nianbao-check FILE_OR_URL... [--list FILE] [--json | --csv | --memo] [--lang zh|en] [--force] [--history DIR] [--jobs N]
// Exit code: 0 no error found, 1 errors found, 2 an input could not be read (the others are still checked).
import { checkDoc, type CheckResult } from '../check';
import type { Text } from '../findings';
import { findingsCsv } from '../audit/csv';
import { memoMarkdown, memoOf } from '../audit/memo';
import { auditFindingOf, auditRowOf, failedRow, isDetected, type AuditRow } from '../audit/model';
import { crossYear, openHistory, saveHistory, type CrossYear } from './history';
import { toJson, type Lang } from '../json';
import { readText } from '../read/text';
import { findReportRoot, readDocumentAt } from '../source';
import { parseHtml } from './html';
import { readList } from './list';
import { InputError, loadInput, type Loaded } from './load';
import { checkPdf } from './pdf';
import { checkWithPictures, ocrDeps } from './pictures';
import { progressBar } from './progress';
import { checkWord } from './word';
import { summary } from './summary';
import type { NodeRecognizer } from '../ocr/node';

/** Inputs checked at once by default: downloads overlap; the checks themselves share one thread. */
const DEFAULT_JOBS = 4;
const DEFAULT_JOBS_TEXT = String(DEFAULT_JOBS);
/** More at once buys nothing on one thread and holds more reports in memory. */
const MAX_JOBS = 32;

const HELP = `年报核查 nianbao-check — 检查政府信息公开工作年度报告

用法 / usage: nianbao-check [--json | --csv | --memo] [--lang zh|en] [--force] [--history DIR] [--list FILE] [--jobs N] [--timeout S] 文件或网址 FILE_OR_URL...
  --json    每个输入输出一行 JSON / one JSON object per input, one per line
  --csv     问题清单 CSV（UTF-8 带 BOM，每个问题一行，与批量核查页导出的相同）
            the findings as CSV (UTF-8 with BOM, one line per finding, as the audit page exports it)
  --memo    核查意见（Markdown）/ the audit memo (Markdown)
            --json、--csv、--memo 只能选一个 / choose one of --json, --csv, --memo
  --lang    说明文字的语言（默认 zh）/ language of the messages (default zh)
  --force   即使未检测到年报也进行检查 / check even when no report is detected
  --history 目录 DIR  在该目录保存已检查报告的记录，并与同一机关上一年度的报告做跨年度核对
            keeps a record of each report checked in DIR and compares it with the same body's
            report of the year before
  --list 清单 FILE  从清单读取输入：每行一个网址或路径，空行和 # 开头的行略过，相对路径相对于清单所在
            目录；- 为标准输入（可多次使用，可与其他输入并用）
            reads inputs from FILE, one URL or path a line (blank lines and lines starting with #
            skipped, relative paths from the list's folder; - for standard input; may be repeated)
  --jobs N  同时核查 N 个输入（默认 ${DEFAULT_JOBS_TEXT}）；输出仍按输入顺序 / checks N inputs at once (default
            ${DEFAULT_JOBS_TEXT}); the output keeps the order of the inputs
  --timeout 秒 S  每次下载的超时（默认 30 秒），失败后再试两次 / seconds per download try (default 30); a
            network error, 408, 429 or 5xx is tried twice more, as on the audit page
同时给出的同一机关各年度报告（任意顺序）会相互做跨年度核对 / reports of one body given together
  (in any order) are compared year with year before
网页中作为图片发布的表二、三、四会在本机识别（仅取自网页所在之处）/ tables 二/三/四 published as pictures
  beside a page are read by local OCR (only from where the page came from)
多于 3 个输入且标准错误输出是终端时，在标准错误输出上显示进度 / with more than 3 inputs, a progress bar
  on standard error when it is a terminal
退出码 / exit code: 0 无错误 no error, 1 发现错误 errors found, 2 有输入无法读取 an input could not be read`;

/** The help in English alone, for `--lang en`. */
const HELP_EN = `nianbao-check — checks Chinese government information-disclosure annual reports

usage: nianbao-check [--json | --csv | --memo] [--lang zh|en] [--force] [--history DIR] [--list FILE] [--jobs N] [--timeout S] FILE_OR_URL...
  --json    one JSON object per input, one per line
  --csv     the findings as CSV (UTF-8 with BOM, one line per finding, as the audit page exports it)
  --memo    the audit memo (Markdown)
            choose one of --json, --csv, --memo
  --lang    language of the messages (default zh)
  --force   check even when no report is detected
  --history DIR  keeps a record of each report checked in DIR and compares it with the same body's
            report of the year before
  --list FILE  reads inputs from FILE, one URL or path a line (blank lines and lines starting with #
            skipped, relative paths from the list's folder; - for standard input; may be repeated)
  --jobs N  checks N inputs at once (default ${DEFAULT_JOBS_TEXT}); the output keeps the order of the inputs
  --timeout S  seconds per download try (default 30); a network error, 408, 429 or 5xx is tried
            twice more, as on the audit page
Reports of one body given together (in any order) are compared year with year before.
Tables 2, 3 and 4 published as pictures beside a page are read by local OCR (only from where the
page came from). With more than 3 inputs, a progress bar on standard error when it is a terminal.
Exit code: 0 no error, 1 errors found, 2 an input could not be read`;

/**
 * The language asked for, looked up before the options are read: the messages about the options
 * themselves are then in that language alone (none asked: both, since we cannot know the reader's).
 */
function askedLang(argv: string[]): Lang | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const v = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
    const m = /^(zh|en)([-_].*)?$/i.exec(v ?? '');
    if (m) return m[1].toLowerCase() as Lang;
  }
  return null;
}

/** A message in the language asked for, or in both. */
const say = (asked: Lang | null, zh: string, en: string) => (asked === 'en' ? en : asked === 'zh' ? zh : `${zh}\n${en}`);

let recognizer: Promise<NodeRecognizer> | null = null;

/**
 * One OCR engine for the pages' pictures and the picture inputs, its calls taken one at a time: with
 * several inputs at once (--jobs) their pictures would otherwise share its workers' settings (a
 * digit read switches its worker to one character and back), and what one input reads would depend
 * on another's. One at a time, each reading is what a run of one input gives.
 */
const getRecognizer = async () => {
  const { nodeRecognizer } = await import('../ocr/node');
  recognizer ??= nodeRecognizer().then(oneAtATime);
  return recognizer;
};

function oneAtATime(r: NodeRecognizer): NodeRecognizer {
  let last: Promise<unknown> = Promise.resolve();
  const queued = <T>(call: () => Promise<T>): Promise<T> => {
    const next = last.then(call);
    last = next.catch(() => {});
    return next;
  };
  return { words: (img) => queued(() => r.words(img)), digits: (img) => queued(() => r.digits(img)), close: () => r.close() };
}

export async function checkInput(input: string, force: boolean): Promise<CheckResult> {
  return checkLoaded(input, await loadInput(input), force);
}

/** Checks one loaded input; throws only an InputError (a picture without a table, a damaged picture). */
export async function checkLoaded(input: string, loaded: Loaded, force: boolean): Promise<CheckResult> {
  const result = await checkContent(input, loaded, force);
  // What reading had to guess (the charset) comes first: it bears on everything after.
  return loaded.notices.length ? { ...result, notices: [...loaded.notices, ...result.notices] } : result;
}

async function checkContent(input: string, loaded: Loaded, force: boolean): Promise<CheckResult> {
  if (loaded.kind === 'text') return checkDoc(readText(loaded.text), { force });
  if (loaded.kind === 'image') return checkPicture(input, loaded.bytes!);
  if (loaded.kind === 'pdf') return checkPdf(input, loaded.bytes!, force);
  if (loaded.kind === 'word') return checkWord(input, loaded.bytes!, loaded.type!, force);
  const page = parseHtml(loaded.text, { url: loaded.url });
  try {
    const document = page.document;
    const root = findReportRoot(document);
    const source = readDocumentAt(document, root);
    const first = checkDoc(source, { force });
    // Tables 二/三/四 published as pictures beside the page: read as the extension reads them.
    const result = await checkWithPictures(document, root, source, first, loaded.url, force, () => ocrDeps(getRecognizer));
    return page.notices.length ? { ...result, notices: [...page.notices, ...result.notices] } : result;
  } finally {
    await page.close();
  }
}

/** A picture of a table: local OCR (tesseract.js, offline), then the same engine, table rules only. */
async function checkPicture(input: string, bytes: Uint8Array): Promise<CheckResult> {
  const { decodeImage } = await import('../ocr/node');
  const { readTableImage } = await import('../ocr/table');
  let picture: ReturnType<typeof decodeImage>;
  try {
    picture = decodeImage(bytes);
  } catch (e) {
    throw new InputError(`无法读取图片 ${input}：图片已损坏，无法解码（${(e as Error).message}）`, `Could not read the picture ${input}: it is damaged and cannot be decoded (${(e as Error).message})`);
  }
  const doc = await readTableImage(picture, await getRecognizer(), input);
  const result = checkDoc(doc, { force: true, scope: 'tables' });
  // No table in it: saying 「未发现问题」 would pass a picture nobody checked.
  if (!Object.values(result.report?.tables ?? {}).some((t) => t.found))
    throw new InputError(`未在图片中找到年报表格：${input}`, `No annual-report table was found in the picture: ${input}`);
  return result;
}

/** A command line we cannot run: why, in both languages, then the usage; exit code 2. */
let asked: Lang | null = null;

function usage(zh: string, en: string): number {
  console.error(`${say(asked, zh, en)}\n\n${asked === 'en' ? HELP_EN : HELP}`);
  return 2;
}

type Output = 'text' | 'json' | 'csv' | 'memo';
type Outcome = { input: string; url: string | null; result: CheckResult } | { input: string; url: string | null; error: Text };

/** The inputs, each in its turn, `jobs` at once; the outcomes in the inputs' order. */
async function eachAtMost<T, R>(items: T[], jobs: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return out;
}

async function checkOne(input: string, force: boolean, timeoutMs?: number): Promise<Outcome> {
  let url: string | null = null;
  try {
    const loaded = await loadInput(input, { timeoutMs });
    // The address after redirects (the report the row opens); a local file has none.
    if (/^https?:/i.test(loaded.url)) url = loaded.url;
    return { input, url, result: await checkLoaded(input, loaded, force) };
  } catch (e) {
    const msg = e instanceof InputError ? { zh: e.zh, en: e.en } : { zh: `读取 ${input} 时出错：${(e as Error).message}`, en: `Failed on ${input}: ${(e as Error).message}` };
    return { input, url, error: msg };
  }
}

/** The audit's row of one input: what the CSV and the memo are made of, as on the audit page. */
function rowOf(o: Outcome, c: CrossYear | undefined): AuditRow {
  if ('error' in o) return failedRow(o.input, o.error, o.url);
  const result = c!.result;
  const row = { ...auditRowOf(o.input, result, { url: o.url }), compared: c!.note ?? null };
  // --force on a page that is no report: its findings are in the JSON, so in the CSV too.
  return !isDetected(result) && result.findings.length ? { ...row, findings: result.findings.map(auditFindingOf) } : row;
}

/** `--name value` or `--name=value`; undefined when argv[i] is not this option. */
function optionValue(argv: string[], i: number, name: string): { value: string | undefined; next: number } | undefined {
  const a = argv[i];
  if (a === name) {
    const v = argv[i + 1];
    return v == null || /^--./.test(v) ? { value: undefined, next: i } : { value: v, next: i + 1 };
  }
  if (a.startsWith(`${name}=`)) return { value: a.slice(name.length + 1) || undefined, next: i };
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  // Inputs and lists in the order given: a list's inputs stand where the list was named.
  const given: ({ input: string } | { list: string })[] = [];
  const outputs = new Set<Output>();
  let force = false;
  let lang: Lang = 'zh';
  let historyDir: string | null = null;
  let jobs = DEFAULT_JOBS;
  let timeoutMs: number | undefined;
  asked = askedLang(argv);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let o: ReturnType<typeof optionValue>;
    if (a === '--json') outputs.add('json');
    else if (a === '--csv') outputs.add('csv');
    else if (a === '--memo') outputs.add('memo');
    else if ((o = optionValue(argv, i, '--history'))) {
      if (!o.value) return usage('--history 需要一个目录', '--history takes a directory');
      historyDir = o.value;
      i = o.next;
    } else if ((o = optionValue(argv, i, '--list'))) {
      if (!o.value) return usage('--list 需要一个清单文件（每行一个网址或路径）', '--list takes a file listing the inputs, one URL or path a line');
      given.push({ list: o.value });
      i = o.next;
    } else if ((o = optionValue(argv, i, '--timeout'))) {
      const n = /^\d+(\.\d+)?$/.test(o.value ?? '') ? Number(o.value) : NaN;
      if (!(n >= 1 && n <= 600)) return usage(`--timeout 需要 1 到 600 之间的秒数，而不是「${o.value ?? ''}」`, `--timeout takes seconds from 1 to 600, not "${o.value ?? ''}"`);
      timeoutMs = n * 1000;
      i = o.next;
    } else if ((o = optionValue(argv, i, '--jobs'))) {
      const n = /^\d+$/.test(o.value ?? '') ? Number(o.value) : NaN;
      if (!(n >= 1 && n <= MAX_JOBS)) return usage(`--jobs 需要 1 到 ${MAX_JOBS} 之间的整数，而不是「${o.value ?? ''}」`, `--jobs takes a whole number from 1 to ${MAX_JOBS}, not "${o.value ?? ''}"`);
      jobs = n;
      i = o.next;
    } else if (a === '--force') force = true;
    else if (a === '--lang') {
      const v = argv[++i];
      const m = /^(zh|en)([-_].*)?$/i.exec(v ?? '');
      if (!m) return usage(`--lang 需要 zh 或 en，而不是「${v ?? ''}」`, `--lang takes zh or en, not "${v ?? ''}"`);
      lang = m[1].toLowerCase() as Lang;
    } else if (a === '-h' || a === '--help') {
      console.log(asked === 'en' ? HELP_EN : HELP);
      return 0;
    } else if (a === '--') given.push(...argv.slice(i + 1).map((input) => ({ input }))), (i = argv.length);
    else if (/^-./.test(a)) return usage(`未知选项：${a}`, `Unknown option: ${a}`);
    else given.push({ input: a });
  }
  if (outputs.size > 1) {
    const names = [...outputs].map((x) => `--${x}`).join(' ');
    return usage(`${names} 不能同时使用：--json、--csv、--memo 只能选一个`, `${names} cannot be used together: choose one of --json, --csv, --memo`);
  }
  const output: Output = [...outputs][0] ?? 'text';
  const inputs: string[] = [];
  for (const g of given) {
    if ('input' in g) {
      inputs.push(g.input);
      continue;
    }
    const list = await readList(g.list);
    // A list that cannot be read: nothing of the audit it names can be trusted to be complete.
    if ('error' in list) {
      console.error(say(asked, list.error.zh, list.error.en));
      return 2;
    }
    inputs.push(...list.inputs);
  }
  if (inputs.length === 0) {
    if (given.length) console.error(`${say(asked, '清单中没有输入（空行和 # 开头的行已略过）', 'The list names no input (blank lines and lines starting with # are skipped)')}\n`);
    console.error(asked === 'en' ? HELP_EN : HELP);
    return 2;
  }
  const history = historyDir != null ? await openHistory(historyDir) : null;
  if (history && 'error' in history) return usage(history.error.zh, history.error.en);
  if (history) for (const n of history.notices) console.error(say(asked, n.zh, n.en));
  // Every input is read first: the cross-year rules then compare each with the year before, found
  // among the inputs given together (in any order) or in the history.
  const progress = progressBar(inputs.length);
  const outcomes = await eachAtMost(inputs, jobs, async (input) => {
    const o = await checkOne(input, force, timeoutMs);
    progress.tick();
    return o;
  });
  progress.end();
  const checked = outcomes.flatMap((o) => ('result' in o ? [o] : []));
  const compared: CrossYear[] = crossYear(checked, history?.records ?? [], !!history);
  const comparedOf = new Map(checked.map((o, k) => [o, compared[k]]));
  const unreadable = outcomes.some((o) => 'error' in o);
  const errors = compared.some((c) => c.result.findings.some((f) => f.severity === 'error'));
  if (output === 'csv' || output === 'memo') {
    const rows = outcomes.map((o) => rowOf(o, 'result' in o ? comparedOf.get(o) : undefined));
    // The command line keeps no reviews: those are the audit page's.
    process.stdout.write(output === 'csv' ? findingsCsv(rows, () => ({}), lang) : memoMarkdown(memoOf(rows, () => ({}), lang)));
  } else
    for (const o of outcomes) {
      const input = o.input;
      if ('error' in o) {
        const msg = o.error;
        if (output === 'json') console.log(JSON.stringify({ input, detected: false, report: null, findings: [], notices: [], error: msg[lang] }));
        else console.error(`━━ ${input}\n${say(asked, msg.zh, msg.en)}\n`);
        continue;
      }
      const c = comparedOf.get(o)!;
      if (output === 'json') console.log(JSON.stringify({ ...toJson(input, c.result, lang), notices: c.result.notices.map((n) => n[lang]) }));
      else console.log(`${summary(input, c.result, lang, c.note)}\n`);
    }
  if (history) {
    const failed = await saveHistory(history.store, compared);
    if (failed) console.error(say(asked, failed.zh, failed.en));
  }
  // An OCR engine that never started has already been reported for the inputs that needed it.
  if (recognizer) await recognizer.then((r) => r.close()).catch(() => {});
  return unreadable ? 2 : errors ? 1 : 0;
}

const isMain = process.argv[1] && /lib[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) main(process.argv.slice(2)).then((code) => process.exit(code));
