// The Firefox package as addons.mozilla.org reads it: `web-ext lint` (the linter AMO runs on upload)
// on the built extension finds no error, the manifest draws no message at all (ids, minimum versions,
// data collection, icons), and the warnings that stay are listed, each in bundled third-party code
// (README "Packages": what they are and why they stay).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './e2e/harness';

const FIREFOX_DIR = join(ROOT, '.output/firefox-mv2');
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

/** As test/e2e/harness.ts ensureBuilt, for the Firefox build: built once per run unless told to reuse it. */
function ensureFirefoxBuilt(): void {
  if (process.env.NIANBAO_SKIP_BUILD && existsSync(join(FIREFOX_DIR, 'manifest.json'))) return;
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
}

function lint(dir: string): LintReport {
  // --no-config-discovery: a web-ext config in a parent folder must not change what is checked.
  const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  if (!json) throw new Error(`web-ext lint printed no report (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(json) as LintReport;
}

const where = (m: LintMessage) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''} ${m.message}`;

describe('the Firefox package', () => {
  let report: LintReport;
  let manifest: Record<string, unknown>;
  beforeAll(() => {
    ensureFirefoxBuilt();
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
