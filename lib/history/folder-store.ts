// The command line's history: one JSON file per record in a folder (`--history DIR`). Node only;
// the extension keeps the same records in its own storage behind the same interface (store.ts).
import { mkdir, readdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRecord, type HistoryRecord } from './record';
import { exportDocument, previousOf, type HistoryStore, type Lookup } from './store';

const SUFFIX = '.json';

export class FolderStore implements HistoryStore {
  /** Files that are not valid records, with the reason: said, never used, never deleted. */
  readonly skipped: { file: string; why: string }[] = [];

  constructor(readonly dir: string) {}

  private fileOf(id: string): string {
    // Ids are made of [0-9a-fx-]; anything else (a hand-edited file) is kept out of the path.
    return join(this.dir, `${id.replace(/[^0-9A-Za-z_-]/g, '_')}${SUFFIX}`);
  }

  async add(record: HistoryRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(record.id);
    // Written beside, then renamed: a run stopped half-way leaves no half file.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`, 'utf8');
    await rename(tmp, file);
  }

  async list(): Promise<HistoryRecord[]> {
    return (await this.files()).map((f) => f.record);
  }

  private async files(): Promise<{ name: string; record: HistoryRecord }[]> {
    this.skipped.length = 0;
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: { name: string; record: HistoryRecord }[] = [];
    for (const name of names.filter((n) => n.endsWith(SUFFIX)).sort()) {
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(join(this.dir, name), 'utf8'));
      } catch (e) {
        this.skipped.push({ file: name, why: (e as Error).message });
        continue;
      }
      const r = parseRecord(raw);
      if ('record' in r) out.push({ name, record: r.record });
      else this.skipped.push({ file: name, why: r.error });
    }
    return out;
  }

  async findPrevious(current: Lookup): Promise<HistoryRecord | null> {
    return previousOf(await this.list(), current);
  }

  /** Removes our record files only; anything else in the folder stays. */
  async clear(): Promise<void> {
    for (const f of await this.files()) await rm(join(this.dir, f.name), { force: true });
  }

  async exportJson(): Promise<string> {
    return exportDocument(await this.list());
  }
}
