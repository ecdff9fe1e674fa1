// Scratch: opens viewer.html?src= on a file in the built extension and prints the hook attributes.
import { readFileSync } from 'node:fs';
import { hook, launch } from '../test/e2e/harness';

const file = process.argv[2];
const shot = process.argv[3];
const h = await launch();
try {
  const name = `/report${file.match(/\.\w+$/)?.[0] ?? '.pdf'}`;
  h.route(name, { body: readFileSync(file), type: name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream' });
  const page = await h.context.newPage();
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  const src = `${h.base}${name}`;
  await page.goto(`chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(src)}&ref=${encodeURIComponent(h.base + '/')}`);
  console.log(await hook(page, Number(process.env.HOOK_MS ?? 60_000)));
  console.log('timing', await page.getAttribute('nianbao-check', 'data-timing'), 'open→marks', await page.getAttribute('nianbao-check', 'data-open-to-marks'));
  await page.waitForTimeout(1500);
  console.log(await page.evaluate(() => ({ pages: document.querySelectorAll('.page').length, rendered: document.querySelectorAll('.page canvas').length, badges: document.querySelector('nianbao-check')!.shadowRoot!.querySelectorAll('.badge').length })));
  const item = process.argv[4];
  if (item) {
    await page.evaluate((i) => (document.querySelector('nianbao-check')!.shadowRoot!.querySelector(`[data-item="${i}"]`) as HTMLElement)?.click(), item);
    await page.waitForTimeout(1500);
  }
  if (shot) await page.screenshot({ path: shot });
  console.log('requests', h.requests.filter((u) => !u.startsWith('chrome-extension')));
} finally {
  await h.close();
}
