// Renders assets/icon.svg to the PNG sizes the manifest uses (assets/icon-16/32/64/80.png) with rsvg-convert
// (Debian: apt-get install librsvg2-bin). Run by hand after changing the SVG: node src/dev/render-icons.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath, URL } from 'node:url';

const ASSETS = fileURLToPath(new URL('../../assets/', import.meta.url));
const SIZES = [16, 32, 64, 80];

for (const size of SIZES) {
  const args = ['-w', String(size), '-h', String(size), '-o', `icon-${size}.png`, 'icon.svg'];
  const result = spawnSync('rsvg-convert', args, { cwd: ASSETS, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    console.error(`rsvg-convert failed for ${size} px${result.error ? `: ${result.error.message}` : ''}`);
    console.error('Install it with: apt-get install librsvg2-bin');
    process.exit(1);
  }
  console.log(`assets/icon-${size}.png`);
}
