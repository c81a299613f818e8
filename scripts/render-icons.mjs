// Renders assets/icon.svg to the PNGs electron-builder packages: assets/icon.png (1024 px, for
// Windows and macOS) and assets/icons/NxN.png (for Linux). Run it after changing the SVG and commit
// the PNGs; the build does not need a browser.
import console from 'node:console';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const FULL_SIZE = 1024;

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(`No Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
}

const svg = readFileSync(`${root}assets/icon.svg`);
const source = `data:image/svg+xml;base64,${svg.toString('base64')}`;
const targets = [
  { size: FULL_SIZE, path: 'assets/icon.png' },
  ...LINUX_SIZES.map((size) => ({ size, path: `assets/icons/${size}x${size}.png` })),
];

mkdirSync(`${root}assets/icons`, { recursive: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: FULL_SIZE, height: FULL_SIZE }, deviceScaleFactor: 1 });
  for (const { size, path } of targets) {
    // Chromium rasterises the vector at the target size: sharper small icons than scaling down a large PNG.
    await page.setContent(`<body style="margin:0"><img id="icon" src="${source}" width="${size}" height="${size}"></body>`);
    await page.locator('#icon').evaluate((img) => img.decode());
    await page.screenshot({ path: `${root}${path}`, clip: { x: 0, y: 0, width: size, height: size }, omitBackground: true });
    console.log(`${path} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
