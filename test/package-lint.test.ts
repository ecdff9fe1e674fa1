// The Firefox package as addons.mozilla.org reads it: `web-ext lint` (the linter AMO runs on upload)
// on the built extension finds no error, the manifest draws no message at all (ids, minimum versions,
// data collection, icons), and the warnings that stay are listed (README "Packages": what they are
// and why they stay). The sources archive a review asks for holds what builds the extension and
// nothing else, and builds the package's files from itself.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildEnv, buildOnce } from './build-once';

const FIREFOX_DIR = join(ROOT, '.output/firefox-mv2');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const PACKAGE_ZIP = join(ROOT, `.output/nianbao-check-${VERSION}-firefox.zip`);
const SOURCES_ZIP = join(ROOT, `.output/nianbao-check-${VERSION}-sources.zip`);
const ICON_SIZES = ['16', '32', '48', '96', '128'];

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/**
 * The Firefox package, its folder and the sources archive: `wxt zip -b firefox` once per run
 * (test/build-once.ts; the Firefox e2e uses the same zip's folder), unless told to reuse what is there.
 */
function ensureFirefoxZipped(): void {
  buildOnce('firefox', ['zip', '-b', 'firefox'], () => [join(FIREFOX_DIR, 'manifest.json'), PACKAGE_ZIP, SOURCES_ZIP].every(existsSync));
}

async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A bundle's name without its content hash (chunks/pdf-BTVaCkpJ.js → chunks/pdf.js). */
const stripHash = (name: string) => name.replace(/-[\w-]{8}(?=\.(?:js|css)\b)/g, '');

/**
 * What must be equal in a rebuilt file. Data, pictures, fonts, wasm and the manifest: every byte.
 * Scripts and pages: every string and every name of six letters or more, counted (chunk hashes
 * aside): two builds of the same sources were once seen to differ in the minifier's short names
 * only (cause not found; the order of a chunk's modules, most likely), so a rebuilt bundle is not
 * always byte-identical to the shipped one.
 */
function fingerprint(name: string, bytes: Buffer): string {
  if (!/\.(?:m?js|html|css)$/.test(name)) return sha(bytes);
  const text = stripHash(bytes.toString('utf8'));
  const tokens = text.match(/`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_$][\w$]{5,}/g) ?? [];
  return sha(tokens.sort().join('\n'));
}
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), root) : [relative(root, join(dir, e.name))]));
}

function lint(dir: string): LintReport {
  // --no-config-discovery: a web-ext config in a parent folder must not change what is checked.
  // NO_UPDATE_NOTIFIER: web-ext would ask the npm registry whether a newer web-ext exists.
  const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  if (!json) throw new Error(`web-ext lint printed no report (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(json) as LintReport;
}

const where = (m: LintMessage) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''} ${m.message}`;

describe('the Firefox package', () => {
  let report: LintReport;
  let manifest: Record<string, unknown>;
  beforeAll(() => {
    ensureFirefoxZipped();
    manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    report = lint(FIREFOX_DIR);
    // Listed on every run, so that a new warning is seen (the README keeps the same list).
    for (const m of [...report.warnings, ...report.notices]) console.log(`web-ext lint: ${where(m)}`);
  }, 180_000);

  it('has no lint error', () => {
    expect(report.errors.map(where)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('draws no lint message on its manifest', () => {
    const all = [...report.errors, ...report.warnings, ...report.notices];
    expect(all.filter((m) => !m.file || m.file === 'manifest.json').map(where)).toEqual([]);
  });

  it('warns only by its code heuristics (eval, unsanitized HTML), never of a missing file or a wrong key', () => {
    // What a warning may be: the eval and sanitizer heuristics on bundled code (README "Packages").
    const heuristics = new Set(['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT']);
    expect(report.warnings.filter((m) => !heuristics.has(m.code)).map(where)).toEqual([]);
  });

  it('names its icons at every size, in the manifest and on its toolbar button', () => {
    const icons = manifest.icons as Record<string, string>;
    const button = (manifest.browser_action as { default_icon: Record<string, string> }).default_icon;
    for (const map of [icons, button]) {
      expect(Object.keys(map).sort((a, b) => Number(a) - Number(b))).toEqual(ICON_SIZES);
      for (const [size, file] of Object.entries(map)) {
        const png = readFileSync(join(FIREFOX_DIR, file));
        // PNG header: width and height at bytes 16 and 20.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
      }
    }
  });

  it("keeps its name and description within the stores' limits, in every language", () => {
    // Chrome Web Store: a manifest description of at most 132 characters; addons.mozilla.org: a name of at most 50.
    const locales = readdirSync(join(FIREFOX_DIR, '_locales'));
    expect(locales.sort()).toEqual(['en', 'zh_CN']);
    for (const l of locales) {
      const m = JSON.parse(readFileSync(join(FIREFOX_DIR, '_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect([...m.extDescription.message].length, `${l} extDescription`).toBeLessThanOrEqual(132);
      expect([...m.extName.message].length, `${l} extName`).toBeLessThanOrEqual(50);
    }
  });

  it('says it collects no data, with an id and minimum versions that know that key', () => {
    const gecko = (manifest.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(parseFloat(String(gecko.strict_min_version))).toBeGreaterThanOrEqual(140);
  });
});

describe('the Firefox sources archive', () => {
  let sources: Map<string, Buffer>;
  let work = '';
  beforeAll(async () => {
    ensureFirefoxZipped();
    sources = await unzip(SOURCES_ZIP);
  }, 180_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds what builds the extension, and no test, bench, output or dependency', () => {
    const names = [...sources.keys()];
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'README.md', 'entrypoints/background.ts', 'public/icon/128.png', 'public/_locales/zh_CN/messages.json'])
      expect(names, f).toContain(f);
    // Every source file of the extension's folders (tests aside, and the entrypoints the Firefox
    // build skips: WXT leaves them out of Firefox's sources, as the offscreen page, Chrome's only).
    const skipped = (f: string) => /\.test\.tsx?$/.test(f) || f.startsWith('entrypoints/offscreen/');
    for (const dir of ['entrypoints', 'components', 'lib'])
      for (const f of filesUnder(join(ROOT, dir)).map((x) => `${dir}/${x}`).filter((x) => !skipped(x))) expect(names, f).toContain(f);
    const stray = names.filter((n) => /^(node_modules|\.output|\.wxt|artifacts|test|bench|docs|\.git|\.ci)\//.test(n) || /\.test\.tsx?$/.test(n) || n.startsWith('.'));
    expect(stray).toEqual([]);
  });

  it('builds, from itself alone, the files of the Firefox package', () => {
    // The archive unpacked in a fresh folder, with this checkout's node_modules in place of
    // `npm ci` (the same package-lock.json; no network in the test).
    work = mkdtempSync(join(tmpdir(), 'nianbao-sources-'));
    for (const [name, bytes] of sources) {
      mkdirSync(dirname(join(work, name)), { recursive: true });
      writeFileSync(join(work, name), bytes);
    }
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
    execFileSync('npx', ['wxt', 'prepare'], { cwd: work, stdio: 'pipe', env: buildEnv() });
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: work, stdio: 'pipe', env: buildEnv() });
    const built = join(work, '.output/firefox-mv2');
    const rebuilt = new Map(filesUnder(built).map((f) => [stripHash(f), fingerprint(f, readFileSync(join(built, f)))]));
    return unzip(PACKAGE_ZIP).then((pkg) => {
      const shipped = new Map([...pkg].map(([name, bytes]) => [stripHash(name), fingerprint(name, bytes)]));
      expect([...rebuilt.keys()].sort()).toEqual([...shipped.keys()].sort());
      const differ = [...shipped].filter(([name, print]) => rebuilt.get(name) !== print).map(([name]) => name);
      expect(differ).toEqual([]);
    });
  }, 120_000);
});
