// Loads one command-line input (a file or an http(s) URL): its bytes, then lib/read/load-bytes.ts.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { failureText, fetchReport } from '../audit/fetch';
import { DEFAULT_TIMEOUT_MS, runQueue } from '../audit/queue';
import { InputError, loadBytes, type Loaded } from '../read/load-bytes';

export { InputError, loadBytes, markdownAsHtml, type InputKind, type Loaded } from '../read/load-bytes';

export interface LoadOptions {
  /** Per try, for an http(s) input (30 s). */
  timeoutMs?: number;
  /** Tries after the first (2). */
  retries?: number;
}

export async function loadInput(input: string, options: LoadOptions = {}): Promise<Loaded> {
  let bytes: Uint8Array;
  let contentType: string | null = null;
  let url: string;
  if (/^https?:\/\//i.test(input)) {
    // As the audit page fetches: each try under the timeout, retried after a network error, 408,
    // 429 or 5xx with growing pauses; redirects followed; the body bounded.
    const [got] = await runQueue([input], (u, signal) => fetchReport(u, signal), () => {}, { concurrency: 1, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, retries: options.retries ?? 2 });
    if (!got.ok) {
      const why = failureText(got.error, got.timedOut, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      throw new InputError(`无法下载 ${input}：${why.zh}`, `Could not download ${input}: ${why.en}`);
    }
    contentType = got.value.contentType;
    url = got.value.url;
    bytes = got.value.bytes;
  } else {
    // A file:// address is a file too (as a browser's address bar shows it).
    let path = input;
    if (/^file:/i.test(input)) {
      try {
        path = fileURLToPath(input);
      } catch (e) {
        throw new InputError(`无法读取 ${input}：地址无效（${(e as Error).message}）`, `Could not read ${input}: not a valid address (${(e as Error).message})`);
      }
    }
    url = pathToFileURL(resolve(path)).href;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? ['文件不存在', 'no such file'] : code === 'EISDIR' ? ['这是一个目录', 'it is a directory'] : [(e as Error).message, (e as Error).message];
      throw new InputError(`无法读取 ${input}：${why[0]}`, `Could not read ${input}: ${why[1]}`);
    }
  }
  return loadBytes(input, bytes, contentType, url);
}

