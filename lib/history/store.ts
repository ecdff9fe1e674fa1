// Where records are kept. The interface is async so that the extension's storage.local (or IndexedDB)
// store and the command line's folder store (folder-store.ts, Node only) are used alike. Pure here.
import { placeless, sameAgency } from './agency';
import { parseRecord, type HistoryRecord } from './record';

/** What is looked up: a report's body, year and source (a record, or one being made). */
export type Lookup = Pick<HistoryRecord, 'agency' | 'year' | 'source'>;

export interface HistoryStore {
  /** Adds a record; one with the same id (the same report from the same source) is replaced. */
  add(record: HistoryRecord): Promise<void>;
  list(): Promise<HistoryRecord[]>;
  /** The record of the same body's report of the year before, or null. */
  findPrevious(current: Lookup): Promise<HistoryRecord | null>;
  clear(): Promise<void>;
  /** Every record as one JSON document (see parseExport). */
  exportJson(): Promise<string>;
}

/**
 * The same body's report of the year before, among records. Several (the page and its PDF, or a
 * report checked again after a fix): the one checked last. `context` (the records by default) tells
 * whether a name without its parent is ambiguous (see ambiguousMatch).
 */
export function previousOf(records: readonly HistoryRecord[], current: Lookup, context: readonly Lookup[] = records): HistoryRecord | null {
  if (!current.agency || current.year == null) return null;
  let best: HistoryRecord | null = null;
  for (const r of records) {
    if (r.year !== current.year - 1 || !sameBody(r, current)) continue;
    if (ambiguousMatch(r, current, context) && !sameHost(r, current)) continue;
    if (!best || r.checkedAt > best.checkedAt) best = r;
  }
  return best;
}

/**
 * A name that leaves out a parent the other names (「东湖区人民政府」 beside 「临川市东湖区」) is one
 * body with it only while no other body answers to the short name: when the records also hold
 * 「江州市东湖区」, which is the short name's body but not the long one's, the short name may be
 * either, and the two are chained only on one site (a government's reports are on its own host; a
 * folder of files says nothing of whose they are). Without this, 「东湖区人民政府」 2022 would carry
 * 临川's figures into 江州's 2023 report, and 江州's into 临川's 2024 one.
 */
export function ambiguousMatch(a: Lookup, b: Lookup, context: readonly Lookup[]): boolean {
  const ka = a.agency?.key;
  const kb = b.agency?.key;
  if (!ka || !kb || ka === kb) return false;
  return context.some((k) => !!k.agency && sameAgency(k.agency.key, ka) !== sameAgency(k.agency.key, kb));
}

const sameHost = (a: Lookup, b: Lookup) => a.source.kind === 'url' && b.source.kind === 'url' && siteOf(a.source) === siteOf(b.source);

/** One body: the same agency; a name without a place (「区统计局」) only from the same site or folder. */
export function sameBody(a: Lookup, b: Lookup): boolean {
  if (!a.agency || !b.agency || !sameAgency(a.agency.key, b.agency.key)) return false;
  return !placeless(a.agency.key) || siteOf(a.source) === siteOf(b.source);
}

/** A URL's host; a file's folder. */
function siteOf(source: HistoryRecord['source']): string {
  if (source.kind === 'url') {
    try {
      return `url:${new URL(source.ref).hostname}`;
    } catch {
      return `url:${source.ref}`;
    }
  }
  return `file:${source.ref.replace(/[\\/][^\\/]*$/, '')}`;
}

const EXPORT_FORMAT = 'nianbao-check-history';

export function exportDocument(records: readonly HistoryRecord[], exportedAt = new Date().toISOString()): string {
  const sorted = [...records].sort((a, b) => (a.agency?.key ?? '').localeCompare(b.agency?.key ?? '') || (a.year ?? 0) - (b.year ?? 0) || a.id.localeCompare(b.id));
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt, records: sorted }, null, 2);
}

/** An exported document read back: the valid records, and why the others were left out. */
export function parseExport(json: string): { records: HistoryRecord[]; rejected: string[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return { records: [], rejected: [`not JSON: ${(e as Error).message}`] };
  }
  const list = Array.isArray(doc) ? doc : (doc as { format?: unknown; records?: unknown })?.format === EXPORT_FORMAT ? (doc as { records: unknown }).records : null;
  if (!Array.isArray(list)) return { records: [], rejected: ['not a history export'] };
  const records: HistoryRecord[] = [];
  const rejected: string[] = [];
  list.forEach((raw, i) => {
    const r = parseRecord(raw);
    if ('record' in r) records.push(r.record);
    else rejected.push(`#${i}: ${r.error}`);
  });
  return { records, rejected };
}

/** Records in memory: the command line's inputs of one run, tests, and a base for other stores. */
export class MemoryStore implements HistoryStore {
  private readonly byId = new Map<string, HistoryRecord>();

  constructor(records: readonly HistoryRecord[] = []) {
    for (const r of records) this.byId.set(r.id, r);
  }

  async add(record: HistoryRecord): Promise<void> {
    this.byId.set(record.id, record);
  }

  async list(): Promise<HistoryRecord[]> {
    return [...this.byId.values()];
  }

  async findPrevious(current: Lookup): Promise<HistoryRecord | null> {
    return previousOf([...this.byId.values()], current);
  }

  async clear(): Promise<void> {
    this.byId.clear();
  }

  async exportJson(): Promise<string> {
    return exportDocument([...this.byId.values()]);
  }
}
