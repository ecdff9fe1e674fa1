// The store listings (store/description.*.md) and the README's permissions say what the manifests
// hold: every permission each browser's manifest asks for is explained in the README's
// "Permissions" and in both listings, and each listing's short description is the manifest's
// description in that language, within the stores' limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { ROOT } from './e2e/harness';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The text under a `## heading` of a Markdown file, up to the next heading of that level. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = md.indexOf('\n## ', start + 4);
  return md.slice(start, end < 0 ? undefined : end);
}

type Manifest = Record<string, unknown>;
const manifestOf = (browser: string, manifestVersion: 2 | 3) =>
  (config.manifest as unknown as (env: { browser: string; manifestVersion: 2 | 3 }) => Manifest)({ browser, manifestVersion });

/** Every permission a manifest asks for, required or optional, hosts included. */
function permissionsOf(m: Manifest): string[] {
  const keys = ['permissions', 'host_permissions', 'optional_permissions', 'optional_host_permissions'];
  return [...new Set(keys.flatMap((k) => (m[k] as string[] | undefined) ?? []))];
}

const BUILDS = [
  { browser: 'chrome', mv: 3 },
  { browser: 'edge', mv: 3 },
  { browser: 'firefox', mv: 2 },
] as const;
/** Each listing's file, the locale of its manifest texts, and its headings. */
const LISTINGS = [
  { file: 'store/description.zh-CN.md', locale: 'zh_CN', h: { name: '名称', short: '简短说明', summary: '摘要', description: '详细说明' } },
  { file: 'store/description.en.md', locale: 'en', h: { name: 'Name', short: 'Short description', summary: 'Summary', description: 'Description' } },
];

describe('the permissions explained', () => {
  const readme = section(read('README.md'), 'Permissions');
  for (const b of BUILDS) {
    it(`every permission of the ${b.browser} manifest, in the README and both listings`, () => {
      const perms = permissionsOf(manifestOf(b.browser, b.mv));
      expect(perms.length).toBeGreaterThan(5);
      for (const p of perms) {
        expect(readme, `README Permissions: ${p}`).toContain(`\`${p}\``);
        for (const l of LISTINGS) expect(section(read(l.file), l.h.description), `${l.file}: ${p}`).toContain(`\`${p}\``);
      }
    });
  }
});

describe('the listings', () => {
  for (const l of LISTINGS) {
    it(`${l.file}: its name and short description are the manifest's, within the stores' limits`, () => {
      const md = read(l.file);
      const messages = JSON.parse(read(`public/_locales/${l.locale}/messages.json`)) as Record<string, { message: string }>;
      const body = (heading: string) => section(md, heading).split('\n').slice(2).join('\n').trim();
      expect(body(l.h.name)).toBe(messages.extName.message);
      const short = body(l.h.short);
      expect(short).toBe(messages.extDescription.message);
      expect([...short].length).toBeLessThanOrEqual(132);
      const summary = body(l.h.summary);
      expect(summary.length).toBeGreaterThan(40);
      expect([...summary].length).toBeLessThanOrEqual(250);
    });
  }
});
