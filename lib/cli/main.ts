// nianbao-check FILE_OR_URL... [--json] [--lang zh|en] [--force] [--history DIR]
// Exit code: 0 no error found, 1 errors found, 2 an input could not be read (the others are still checked).
import { checkDoc, type CheckResult } from '../check';
import type { Text } from '../findings';
import { crossYear, openHistory, saveHistory, type CrossYear } from './history';
import { toJson, type Lang } from '../json';
import { readText } from '../read/text';
import { findReportRoot, readDocumentAt } from '../source';
import { parseHtml } from './html';
import { InputError, loadInput, type Loaded } from './load';
import { checkPdf } from './pdf';
import { checkWithPictures, ocrDeps } from './pictures';
import { checkWord } from './word';
import { summary } from './summary';
import type { NodeRecognizer } from '../ocr/node';

const HELP = `年报核查 nianbao-check — 检查政府信息公开工作年度报告

用法 / usage: nianbao-check [--json] [--lang zh|en] [--force] [--history DIR] 文件或网址 FILE_OR_URL...
  --json    每个输入输出一行 JSON / one JSON object per input, one per line
  --lang    说明文字的语言（默认 zh）/ language of the messages (default zh)
  --force   即使未检测到年报也进行检查 / check even when no report is detected
  --history 目录 DIR  在该目录保存已检查报告的记录，并与同一机关上一年度的报告做跨年度核对
            keeps a record of each report checked in DIR and compares it with the same body's
            report of the year before
同时给出的同一机关各年度报告（任意顺序）会相互做跨年度核对 / reports of one body given together
  (in any order) are compared year with year before
网页中作为图片发布的表二、三、四会在本机识别（仅取自网页所在之处）/ tables 二/三/四 published as pictures
  beside a page are read by local OCR (only from where the page came from)
退出码 / exit code: 0 无错误 no error, 1 发现错误 errors found, 2 有输入无法读取 an input could not be read`;

let recognizer: Promise<NodeRecognizer> | null = null;

const getRecognizer = async () => {
  const { nodeRecognizer } = await import('../ocr/node');
  recognizer ??= nodeRecognizer();
  return recognizer;
};

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
function usage(zh: string, en: string): number {
  console.error(`${zh}\n${en}\n\n${HELP}`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const inputs: string[] = [];
  let json = false;
  let force = false;
  let lang: Lang = 'zh';
  let historyDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--history' || a.startsWith('--history=')) {
      const v = a === '--history' ? argv[++i] : a.slice('--history='.length);
      if (!v || v.startsWith('--')) return usage('--history 需要一个目录', '--history takes a directory');
      historyDir = v;
    }
    else if (a === '--force') force = true;
    else if (a === '--lang') {
      const v = argv[++i];
      const m = /^(zh|en)([-_].*)?$/i.exec(v ?? '');
      if (!m) return usage(`--lang 需要 zh 或 en，而不是「${v ?? ''}」`, `--lang takes zh or en, not "${v ?? ''}"`);
      lang = m[1].toLowerCase() as Lang;
    } else if (a === '-h' || a === '--help') {
      console.log(HELP);
      return 0;
    } else if (a === '--') inputs.push(...argv.slice(i + 1)), (i = argv.length);
    else if (/^-./.test(a)) return usage(`未知选项：${a}`, `Unknown option: ${a}`);
    else inputs.push(a);
  }
  if (inputs.length === 0) {
    console.error(HELP);
    return 2;
  }
  const history = historyDir != null ? await openHistory(historyDir) : null;
  if (history && 'error' in history) return usage(history.error.zh, history.error.en);
  if (history) for (const n of history.notices) console.error(`${n.zh}\n${n.en}`);
  // Every input is read first: the cross-year rules then compare each with the year before, found
  // among the inputs given together (in any order) or in the history.
  const outcomes: ({ input: string; result: CheckResult } | { input: string; error: Text })[] = [];
  for (const input of inputs) {
    try {
      outcomes.push({ input, result: await checkInput(input, force) });
    } catch (e) {
      const msg = e instanceof InputError ? { zh: e.zh, en: e.en } : { zh: `读取 ${input} 时出错：${(e as Error).message}`, en: `Failed on ${input}: ${(e as Error).message}` };
      outcomes.push({ input, error: msg });
    }
  }
  const checked = outcomes.flatMap((o) => ('result' in o ? [o] : []));
  const compared: CrossYear[] = crossYear(checked, history?.records ?? [], !!history);
  let unreadable = false;
  let errors = false;
  let k = 0;
  for (const o of outcomes) {
    const input = o.input;
    if ('error' in o) {
      unreadable = true;
      const msg = o.error;
      if (json) console.log(JSON.stringify({ input, detected: false, report: null, findings: [], notices: [], error: msg[lang] }));
      else console.error(`━━ ${input}\n${msg.zh}\n${msg.en}\n`);
      continue;
    }
    const c = compared[k++];
    const result = c.result;
    errors ||= result.findings.some((f) => f.severity === 'error');
    if (json) console.log(JSON.stringify({ ...toJson(input, result, lang), notices: result.notices.map((n) => n[lang]) }));
    else console.log(`${summary(input, result, lang, c.note)}\n`);
  }
  if (history) {
    const failed = await saveHistory(history.store, compared);
    if (failed) console.error(`${failed.zh}\n${failed.en}`);
  }
  // An OCR engine that never started has already been reported for the inputs that needed it.
  if (recognizer) await recognizer.then((r) => r.close()).catch(() => {});
  return unreadable ? 2 : errors ? 1 : 0;
}

const isMain = process.argv[1] && /lib[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) main(process.argv.slice(2)).then((code) => process.exit(code));
