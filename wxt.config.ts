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
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
    // fflate compresses large parts in a blob: Worker, which our pages' CSP refuses (the workbook
    // export would never end): the extension gets fflate with its synchronous zip (lib/audit/fflate-sync.ts).
    resolve: { alias: [{ find: /^fflate$/, replacement: fileURLToPath(new URL('./lib/audit/fflate-sync.ts', import.meta.url)) }] },
  }),
  manifest: ({ browser }) => ({
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
      { matches: ['*://*.gov.cn/*'], js: ['detector.js'], run_at: 'document_idle', all_frames: true, match_about_blank: true, ...(browser === 'firefox' ? {} : { match_origin_as_fallback: true }) },
    ],
    host_permissions: ['*://*.gov.cn/*'],
    // The setting that opens gov.cn PDFs in the viewer redirects there; a redirect to an extension
    // page is followed only if the page is web-accessible to whoever linked the PDF (any site).
    web_accessible_resources: [{ resources: ['viewer.html'], matches: ['<all_urls>'] }],
    optional_host_permissions: ['<all_urls>'],
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
          browser_specific_settings: { gecko: { id: 'nianbao-check@example.org', strict_min_version: '115.0' } },
        }
      : {}),
  }),
});
