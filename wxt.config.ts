import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Permissions chosen for trust (see README "Permissions"): automatic checking only on *.gov.cn,
// everywhere else only if the user grants <all_urls> from the popup, or on demand through activeTab.
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  publicDir: 'public',
  entrypointsDir: 'entrypoints',
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    // The detector is a plain unlisted script, declared here so that no content-script runtime ships with it.
    content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['detector.js'], run_at: 'document_idle', all_frames: true }],
    host_permissions: ['*://*.gov.cn/*'],
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
