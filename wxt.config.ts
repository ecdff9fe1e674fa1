import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * OCR assets copied from node_modules into the extension, never fetched from a CDN: tesseract.js's
 * worker, one core (SIMD + LSTM only: the same core Node picks, so Node and the browser read alike; a
 * directory of cores would ship 8 MB more), and the 1.7 MB chi_sim "best_int" data.
 */
export const OCR_ASSETS = [
  { absoluteSrc: join(pkgDir('tesseract.js'), 'dist/worker.min.js'), relativeDest: 'ocr/worker.min.js' },
  { absoluteSrc: join(pkgDir('tesseract.js-core'), 'tesseract-core-simd-lstm.wasm.js'), relativeDest: 'ocr/tesseract-core-simd-lstm.wasm.js' },
  { absoluteSrc: join(pkgDir('@tesseract.js-data/chi_sim'), '4.0.0_best_int/chi_sim.traineddata.gz'), relativeDest: 'ocr/lang/chi_sim.traineddata.gz' },
];

/**
 * The PDF viewer's assets, bundled, never a CDN: pdf.js's worker, the CMaps Chinese PDFs need, the
 * standard fonts, the wasm decoders of JPEG 2000 / JBIG2 scans (without them such scans render blank)
 * and the colour profile. The wasm decoders' JavaScript fallback is left out (wasm is allowed here).
 */
const pdfjsDir = pkgDir('pdfjs-dist');
const filesOf = (dir: string, keep: (name: string) => boolean = () => true) =>
  readdirSync(join(pdfjsDir, dir))
    .filter(keep)
    .map((name) => ({ absoluteSrc: join(pdfjsDir, dir, name), relativeDest: `pdfjs/${dir}/${name}` }));
export const PDF_ASSETS = [
  { absoluteSrc: join(pdfjsDir, 'build/pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' },
  ...filesOf('cmaps'),
  ...filesOf('standard_fonts'),
  ...filesOf('wasm', (n) => n.endsWith('.wasm') || n.startsWith('LICENSE')),
  ...filesOf('iccs'),
];

/** The icon's sizes, drawn by scripts/icons.ts into public/icon (WXT lists them as the manifest's icons). */
const ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((s) => [String(s), `icon/${s}.png`]));

// WebAssembly compilation for the OCR core, and nothing more.
const EXTENSION_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";

// Permissions chosen for trust (see README "Permissions"): automatic checking only on *.gov.cn,
// everywhere else only if the user grants <all_urls> from the popup, or on demand through activeTab.
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  publicDir: 'public',
  entrypointsDir: 'entrypoints',
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...OCR_ASSETS, ...PDF_ASSETS);
    },
  },
  // npm run zip: the stores' packages (.output/nianbao-check-<version>-<browser>.zip) and, for
  // Firefox, the sources archive a review asks for (README "Packages"). An allow-list, not WXT's
  // deny-list: only what builds the extension goes in (no tests, benches, fixtures, docs' pictures,
  // artifacts or dotfiles); scripts/icons.ts goes in as the source of the committed icons.
  zip: {
    includeSources: ['package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'README.md', 'entrypoints/**', 'components/**', 'lib/**', 'public/**', 'store/**', 'scripts/icons.ts'],
    excludeSources: ['**/*.test.ts', '**/*.test.tsx', '**/*.fixtures.ts'],
  },
  vite: () => ({
    plugins: [preact()],
    // NO_MINIFY=1: readable bundles, for a profile of the scripts in a page.
    build: { target: 'es2022', ...(process.env.NO_MINIFY ? { minify: false } : {}) },
    // fflate compresses large parts in a blob: Worker, which our pages' CSP refuses (the workbook
    // export would never end): the extension gets fflate with its synchronous zip (lib/audit/fflate-sync.ts).
    resolve: { alias: [{ find: /^fflate$/, replacement: fileURLToPath(new URL('./lib/audit/fflate-sync.ts', import.meta.url)) }] },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // offscreen: tesseract.js runs in an offscreen document (Chrome); Firefox runs it in its background page.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'declarativeNetRequestWithHostAccess', ...(browser === 'firefox' ? [] : ['offscreen'])],
    content_security_policy: browser === 'firefox' ? (EXTENSION_CSP as never) : { extension_pages: EXTENSION_CSP },
    // The detector is a plain unlisted script, declared here so that no content-script runtime ships with it.
    // about:blank and srcdoc frames too (match_about_blank; Chrome also data:/blob: frames by their
    // creator's origin, match_origin_as_fallback, Firefox from 128 only): an editor writes its draft
    // into such a frame (TinyMCE's srcdoc, UEditor's and KindEditor's about:blank), README "Drafts in an editor".
    content_scripts: [
      {
        matches: ['*://*.gov.cn/*'],
        js: ['detector.js'],
        run_at: 'document_idle',
        all_frames: true,
        match_about_blank: true,
        // Chromium: in the page's own world, which costs no isolated world on the pages it leaves (lib/ext/page-ask.ts).
        ...(browser === 'firefox' ? {} : { match_origin_as_fallback: true, world: 'MAIN' }),
      },
    ],
    // The detector in the page's world reaches the background as an external extension would.
    ...(browser === 'firefox' ? {} : { externally_connectable: { matches: ['*://*.gov.cn/*'] } }),
    host_permissions: ['*://*.gov.cn/*'],
    // The setting that opens gov.cn PDFs in the viewer redirects there; a redirect to an extension
    // page is followed only if the page is web-accessible to whoever linked the PDF (any site).
    web_accessible_resources: [{ resources: ['viewer.html'], matches: ['<all_urls>'] }],
    optional_host_permissions: ['<all_urls>'],
    // The toolbar button shows the same drawing as the manifest's icons (public/icon, scripts/icons.ts).
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: ICONS },
    commands: {
      'check-page': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_cmdCheckPage__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // Firefox builds MV2: optional host access is an optional permission there.
          optional_permissions: ['<all_urls>'],
          // data_collection_permissions: nothing is collected or sent (README "Privacy"); Firefox asks
          // every new add-on to say so, and knows the key from 140 (ESR), 142 on Android: the minimum
          // versions (web-ext lint MISSING_DATA_COLLECTION_PERMISSIONS, KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION).
          browser_specific_settings: { gecko: { id: 'nianbao-check@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } },
        }
      : {}),
  }),
});
