// `--list FILE`: the inputs of an audit, one URL or path a line, as an inspector keeps them (a column
// pasted from a spreadsheet, with notes). Blank lines and lines beginning with # are skipped; a
// relative path is taken from the list's own folder, so a list travels with its files.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import type { Text } from '../findings';

/** http://, https://, file:… : an address, used as it is. */
const ADDRESS = /^[a-z][a-z0-9+.-]*:/i;
/** A Windows drive path (C:\…) is a path, not an address of scheme "c". */
const DRIVE = /^[a-z]:[\\/]/i;

/** The inputs a list names, in its order. `listPath`: where it was read from ('-' for standard input: paths from the working folder). */
export function listEntries(text: string, listPath: string): string[] {
  const base = listPath === '-' ? '' : dirname(listPath);
  const out: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if ((ADDRESS.test(line) && !DRIVE.test(line)) || isAbsolute(line) || !base) out.push(line);
    else out.push(join(base, line));
  }
  return out;
}

const readStdin = async () => {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Reads a list (UTF-8, a BOM allowed); a list that cannot be read is said in both languages. */
export async function readList(path: string): Promise<{ inputs: string[] } | { error: Text }> {
  try {
    const text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
    return { inputs: listEntries(text, path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? ['文件不存在', 'no such file'] : code === 'EISDIR' ? ['这是一个目录', 'it is a directory'] : [(e as Error).message, (e as Error).message];
    return { error: { zh: `无法读取输入清单 ${path}：${why[0]}`, en: `Could not read the list of inputs ${path}: ${why[1]}` } };
  }
}
