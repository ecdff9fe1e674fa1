// The store packages as npm run zip makes them (wxt zip for Chrome, Edge and Firefox, and the
// Firefox sources archive): each archive's size, its number of files, and its biggest files
// (compressed and as installed). Each archive has a budget far above today's size (a store upload
// stays quick, and a stray folder — node_modules, a second OCR core, a set of test pages — shows at
// once); an archive over it is printed as such and the run exits non-zero, after every one is listed.
// SKIP_ZIP=1 lists the archives already in .output.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/e2e/harness';

const MB = 1024 * 1024;
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** Budgets in bytes of archive: today 5.6–5.9 MB per store package (the OCR data and core, pdf.js), 0.5 MB of sources. */
const PACKAGES = [
  { name: 'chrome', file: `nianbao-check-${VERSION}-chrome.zip`, budget: 9 * MB },
  { name: 'edge', file: `nianbao-check-${VERSION}-edge.zip`, budget: 9 * MB },
  { name: 'firefox', file: `nianbao-check-${VERSION}-firefox.zip`, budget: 9 * MB },
  { name: 'firefox sources', file: `nianbao-check-${VERSION}-sources.zip`, budget: 2 * MB },
];
const TOP = Number(process.env.TOP ?? 8);

interface Entry {
  name: string;
  compressed: number;
  size: number;
}

/** A zip's entries from its central directory (the end record holds where it starts and how many). */
function zipEntries(zip: Buffer): Entry[] {
  const EOCD = 0x06054b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== EOCD) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    out.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLen), compressed: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24) });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const mb = (n: number) => `${(n / MB).toFixed(2)} MB`;

if (!process.env.SKIP_ZIP) {
  for (const b of ['chrome', 'edge', 'firefox']) execFileSync('npx', ['wxt', 'zip', '-b', b], { cwd: ROOT, stdio: 'pipe' });
}
const over: string[] = [];
console.log(`store packages (npm run zip), .output/; the ${TOP} biggest files of each, compressed (installed)`);
for (const p of PACKAGES) {
  const path = join(ROOT, '.output', p.file);
  if (!existsSync(path)) {
    over.push(`${p.name}: ${p.file} was not made`);
    console.log(`${p.name.padEnd(16)} missing: ${p.file}`);
    continue;
  }
  const zip = readFileSync(path);
  const entries = zipEntries(zip);
  const installed = entries.reduce((a, e) => a + e.size, 0);
  const miss = zip.length > p.budget;
  if (miss) over.push(`${p.name}: ${mb(zip.length)} > budget ${mb(p.budget)}`);
  console.log(`${p.name.padEnd(16)} ${mb(zip.length).padStart(9)}  ${String(entries.length).padStart(4)} files, ${mb(installed)} unpacked  budget ${mb(p.budget)}${miss ? '  OVER' : ''}`);
  for (const e of [...entries].sort((a, b) => b.compressed - a.compressed).slice(0, TOP)) {
    console.log(`    ${kb(e.compressed).padStart(8)} (${kb(e.size).padStart(8)})  ${e.name}`);
  }
}
if (over.length) {
  console.log(`\nOVER BUDGET (${over.length}):`);
  for (const o of over) console.log(`  ✗ ${o}`);
  process.exitCode = 1;
} else console.log('\nevery package within its budget');
