// Loads one command-line input (a file or an http(s) URL): its bytes, then lib/read/load-bytes.ts.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError, loadBytes, type Loaded } from '../read/load-bytes';

export { InputError, loadBytes, markdownAsHtml, type InputKind, type Loaded } from '../read/load-bytes';

export async function loadInput(input: string): Promise<Loaded> {
  let bytes: Uint8Array;
  let contentType: string | null = null;
  let url: string;
  if (/^https?:\/\//i.test(input)) {
    let res: Response;
    try {
      res = await fetch(input, { redirect: 'follow' });
    } catch (e) {
      throw new InputError(`无法下载 ${input}：${(e as Error).message}`, `Could not download ${input}: ${(e as Error).message}`);
    }
    if (!res.ok) throw new InputError(`无法下载 ${input}：服务器返回 ${res.status}`, `Could not download ${input}: the server answered ${res.status}`);
    contentType = res.headers.get('content-type');
    url = res.url || input;
    bytes = new Uint8Array(await res.arrayBuffer());
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

