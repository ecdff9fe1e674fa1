// The extension is built once per test run, whichever test files need it and however many run at
// once: vitest runs files in parallel where there are cores to spare, and two `wxt build`s writing
// one .output folder break each other. A lock folder serialises the builds; a stamp of the run (set
// by test/global-setup.ts) says the build is this run's. The build gets the environment
// `npm run build` has, not vitest's (NODE_ENV=test would bundle a development Preact): the tests
// load what the stores get.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUTPUT = join(ROOT, '.output');
/** A lock older than this is a crashed run's. */
const STALE_LOCK_MS = 10 * 60_000;

/** The environment of `npm run build`: without vitest's NODE_ENV, MODE and VITEST_* variables. */
export function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && k !== 'MODE' && !k.startsWith('VITEST')));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock<T>(name: string, fn: () => T): T {
  mkdirSync(OUTPUT, { recursive: true });
  const lock = join(OUTPUT, `.lock-${name}`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile: try again.
      }
      sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** This run's id (test/global-setup.ts), or this process's when the setup did not run. */
const runId = () => process.env.NIANBAO_RUN_ID ?? `pid-${process.pid}`;

/**
 * Runs `npx wxt <args>` (a build or a zip) unless this run already did, or NIANBAO_SKIP_BUILD asks
 * to reuse the output and `reusable` says it is there. `name` names the output (chrome, firefox).
 */
export function buildOnce(name: string, args: string[], reusable: () => boolean): void {
  if (process.env.NIANBAO_SKIP_BUILD && reusable()) return;
  withLock(name, () => {
    const stamp = join(OUTPUT, `.built-${name}`);
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === runId() && reusable()) return;
    execFileSync('npx', ['wxt', ...args], { cwd: ROOT, stdio: 'pipe', env: buildEnv() });
    writeFileSync(stamp, runId());
  });
}
