// A two-panel figure with panel letters (A, B), as cowplot::plot_grid(labels = "AUTO"): the Kaplan-Meier
// plot of km.mjs and two violins of violin.mjs, each drawn at 85 mm wide for a 180 mm double-column figure.
//   node examples/figures/multi-panel.mjs [out-dir]   writes multi-panel.svg, .png (300 dpi) and .pdf
import { createTheme, panelLayout } from '@tace/figures';
import { build as kmFigure } from './km.mjs';
import { isMain, writeFigure } from './lib.mjs';
import { build as violinFigure } from './violin.mjs';

export function build() {
  const theme = createTheme({ baseSize: 9 });
  return panelLayout(
    [
      kmFigure({ width: 85, height: 60, unit: 'mm', theme, medianLines: false, breaks: 250 }),
      violinFigure(['NDRG1', 'PRF1'], { width: 85, height: 78, unit: 'mm', theme }),
    ],
    { columns: 2, unit: 'mm', theme },
  );
}

if (isMain(import.meta.url)) await writeFigure('multi-panel', build(), process.argv[2]);
