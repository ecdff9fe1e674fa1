// The end-to-end cases as data, for any browser's test: which pages are served, what they hold,
// and what the extension must show on them (the command line's counts). No driver in here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countBySeverity } from '../../lib/check';
import { sniffHtmlCharset } from '../../lib/read/decode';
import { LAYOUTS, SEED_IDS, layoutOf, loadSeed, renderWord } from '../fixtures/render';
import { REPORTS_DIR, checkBytes, reportSource } from '../helpers';

export interface PageCase {
  name: string;
  path: string;
  kind: 'text' | 'html';
  bytes: Uint8Array;
  /** Real pages carry their own scripts, whose errors are not ours. */
  ownScripts: boolean;
}

/** GBK pages declare their charset in a <meta>; everything else here is UTF-8. */
export function typeOf(kind: 'text' | 'html', bytes: Uint8Array | string): string {
  if (kind === 'text') return 'text/plain; charset=utf-8';
  const declared = sniffHtmlCharset(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  return declared && declared !== 'utf-8' ? 'text/html' : 'text/html; charset=utf-8';
}

/** Every seed in every layout. */
export const seedCases = (): PageCase[] =>
  SEED_IDS.flatMap((id) =>
    LAYOUTS.map((layout) => {
      const { kind, bytes } = layoutOf(id, layout);
      return { name: `seed ${id} ${layout}`, path: `/seed/${id}.${layout}`, kind, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, ownScripts: false };
    }),
  );

/** Every real report of ../shared/reports, as served. */
export const reportCases = (): PageCase[] =>
  readdirSync(REPORTS_DIR)
    .filter((d) => /^\d+$/.test(d))
    .sort()
    .map((id) => ({ name: `report ${id}`, path: `/report/${id}`, ...reportSource(id), ownScripts: true }));

/** The hook's final attributes the extension must show: the engine's (the command line's) counts. */
export async function expectedHook(kind: 'text' | 'html', bytes: Uint8Array) {
  return { state: 'done', ...countBySeverity((await checkBytes(kind, bytes)).findings) };
}

const report010 = () => readFileSync(join(REPORTS_DIR, '010/source.html'), 'utf8');

/** A CMS shell whose report body arrives 1.2 s after load (AJAX). */
export function lateBodyPage(title = '政府信息公开'): string {
  return `<html><head><title>${title}</title></head><body><div id="content">加载中…</div>
      <script>setTimeout(() => { document.getElementById('content').innerHTML = ${JSON.stringify(report010())}; }, 1200);</script></body></html>`;
}

/** A report page titled only with its site's name. */
export const siteTitledPage = (): string => report010().replace(/<title>[^<]*<\/title>/, '<title>某某县人民政府</title>');

/** A long page of news that is no report: nothing of ours may appear. */
export function newsPage(chars = 1_500_000): string {
  const para = '<p>本网站为政务服务平台，提供办事指南、政策文件和新闻动态。今天召开了工作会议，会议强调要抓好各项工作落实。</p>';
  return `<html><head><title>新闻中心</title></head><body>${para.repeat(Math.ceil(chars / para.length))}</body></html>`;
}

/** A portal page showing a report (seed 002, Word layout, at `inner`) in an iframe. */
export const iframeOuterPage = (inner: string): string =>
  `<html><head><title>门户</title></head><body><iframe src="${inner}" width="1000" height="800"></iframe></body></html>`;

export const STRICT_CSP = { 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'" };

/** Seed 001 with a label holding markup and a style sheet that unsets everything. */
export function hostilePage(): string {
  const seed = loadSeed('001');
  seed.t3.rows.find((r) => r.key === 'c')!.label = '（―）予以公开<img src=x onerror=alert(1)>';
  return renderWord(seed).replace('</head>', '<style>* { all: unset !important } html { font-size: 40px !important }</style></head>');
}
export const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';

/**
 * Requests to other hosts that no page we served names: those could only be ours. Real pages
 * reference their own sites' scripts and images, which the harness refuses.
 */
export function unexplained(foreign: string[], served: string[]): string[] {
  return foreign.filter((u) => {
    const url = new URL(u);
    return !served.some((body) => (url.pathname !== '/' && body.includes(url.pathname)) || body.includes(url.host) || body.includes(url.hostname));
  });
}
