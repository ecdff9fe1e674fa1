// What the inspector pasted and dropped, as the audit's inputs: one address a line (blank lines and
// lines starting with # skipped, the same address once), then the local files.
import type { AuditInput } from './run';

export interface FileLike {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** An address as pasted from a mail or a sheet: quotes, angle brackets and trailing punctuation dropped. */
export function cleanAddress(line: string): string {
  return line
    .trim()
    .replace(/^[<"'“‘「《(（]+|[>"'”’」》)）,，;；。]+$/gu, '')
    .trim();
}

export function auditInputs(text: string, files: readonly FileLike[]): { inputs: AuditInput[]; bad: string[] } {
  const seen = new Set<string>();
  const inputs: AuditInput[] = [];
  const bad: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = cleanAddress(raw);
    if (!line || line.startsWith('#')) continue;
    let url: URL;
    try {
      url = new URL(line);
    } catch {
      bad.push(line);
      continue;
    }
    if (!/^https?:$/.test(url.protocol)) {
      bad.push(line);
      continue;
    }
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    // The address as given (the row's data-url), not re-serialised.
    inputs.push({ input: line });
  }
  for (const f of files) inputs.push({ input: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) });
  return { inputs, bad };
}
