// Renders every figure example to docs/figures/<name>.png at 150 dpi (the figures' physical sizes are in
// mm, so a 170 mm figure is about 1000 px wide), for docs/figures.md.
//   pnpm run build && node examples/figures/render-docs.mjs [name ...]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPng } from '@tace/figures';
import { examples } from './all.mjs';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'figures');
const only = process.argv.slice(2);
for (const example of examples) {
  if (only.length > 0 && !only.includes(example.name)) continue;
  const { build } = await example.load();
  const png = renderPng(await build(), { dpi: 150 });
  writeFileSync(join(docs, `${example.name}.png`), png);
  console.log(`docs/figures/${example.name}.png  ${(png.length / 1024).toFixed(0)} KB`);
}
