// Every figure example, by the name of its output files (docs/figures/<name>.png). Each module exports
// `build()`, returning the figure (an SVG element tree), and writes SVG, PNG and PDF when run as a script.
export const examples = [
  { name: 'km', load: () => import('./km.mjs') },
  { name: 'km-facets', load: () => import('./km-facets.mjs') },
  { name: 'forest', load: () => import('./forest.mjs') },
  { name: 'nomogram', load: () => import('./nomogram.mjs') },
  { name: 'model-evaluation', load: () => import('./model-evaluation.mjs') },
  { name: 'td-auc', load: () => import('./td-auc.mjs') },
  { name: 'heatmap', load: () => import('./heatmap.mjs') },
  { name: 'violin', load: () => import('./violin.mjs') },
  { name: 'volcano', load: () => import('./volcano.mjs') },
  { name: 'dot-plot', load: () => import('./dot-plot.mjs') },
  { name: 'embedding', load: () => import('./embedding.mjs') },
  { name: 'cumulative-incidence', load: () => import('./cumulative-incidence.mjs') },
  { name: 'multi-panel', load: () => import('./multi-panel.mjs') },
];
