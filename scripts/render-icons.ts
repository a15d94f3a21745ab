/**
 * Renders assets/icon.svg to the PNG sizes the manifest uses (public/icon/<size>.png, picked up by WXT).
 * Run after changing the SVG: `npx tsx scripts/render-icons.ts`. Needs Chromium at /usr/bin/chromium
 * (or CHROMIUM_PATH).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [16, 32, 48, 96, 128];

const svg = await readFile(path.join(repoRoot, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await mkdir(path.join(repoRoot, 'public/icon'), { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(path.join(repoRoot, `public/icon/${size}.png`), png);
  }
} finally {
  await browser.close();
}
