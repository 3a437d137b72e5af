/**
 * Takes a full-page screenshot of an HTML file or URL in Debian's Chromium:
 * `npx tsx scripts/screenshot.ts page.html out.png [width]`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const tileIndex = args.indexOf('--tile');
const tileHeight = tileIndex >= 0 ? Number(args.splice(tileIndex, 2)[1]) : 0;
const [target, out, width = '1100'] = args;
if (!target || !out) {
  console.error('usage: tsx scripts/screenshot.ts <file.html|url> <out.png> [width]');
  process.exit(2);
}
const url = /^https?:/.test(target) ? target : pathToFileURL(resolve(target)).href;
const browser = await chromium.launch({
  executablePath: process.env.SUPPORTPACT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url);
if (tileHeight > 0) {
  // Tall pages are saved as numbered tiles (out-1.png, out-2.png, ...) that are easy to look at.
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  for (let y = 0, i = 1; y < height; y += tileHeight, i++) {
    const path = out.replace(/\.png$/, `-${i}.png`);
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(tileHeight, height - y) } });
    console.log(`wrote ${path}`);
  }
} else {
  await page.screenshot({ path: out, fullPage: true });
}
await browser.close();
if (tileHeight === 0) console.log(`wrote ${out}`);
