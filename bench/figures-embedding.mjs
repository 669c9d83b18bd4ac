// Benchmark of @tace/figures embeddingScatter on large embeddings: SVG size (vector, no rasterisation), time
// to build and serialize, PNG at 300 DPI (resvg) and PDF (pdfkit), for 10 000, 100 000 and 300 000 cells in 12
// clusters, coloured by a continuous score and by a label. Plain Node on dist/: run `npx tsc -b packages/figures`
// first.   node bench/figures-embedding.mjs
//   BENCH_CELLS (default "10000,100000,300000"): the sizes.
// No reference tool is timed here (scanpy/ggplot2 rasterise large scatters: sc.pl.umap switches to a raster
// above 100 000 cells; ggplot2 writes one <circle>/`<use>` per point through svglite).
import { cpus, loadavg, platform, release } from 'node:os';
import { embeddingScatter, renderPdf, renderPng, svgToString } from '@tace/figures';
import { measure } from './lib/timing.mjs';

const sizes = (process.env.BENCH_CELLS ?? '10000,100000,300000').split(',').map(Number);
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores, ${platform()} ${release()}, ` +
    `Node ${process.version}, load average ${loadavg()[0].toFixed(1)}, ${new Date().toISOString()}`,
);

/** n cells in 12 Gaussian-ish clusters (sum of two uniforms), a score rising along x, a cluster label. */
function cells(n) {
  let s = 12345;
  const u = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const data = new Float32Array(n * 2);
  const score = new Float64Array(n);
  const label = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % 12;
    data[2 * i] = (k % 4) * 6 + (u() + u() - 1) * 3;
    data[2 * i + 1] = Math.floor(k / 4) * 6 + (u() + u() - 1) * 3;
    score[i] = data[2 * i] / 10 + u();
    label[i] = `cluster ${k}`;
  }
  return { obsm: { shape: [n, 2], data }, score, label };
}

console.log('cells    colour  SVG MB  points drawn  build+serialize s  PNG 300 dpi s  PDF s  PDF MB');
for (const n of sizes) {
  const c = cells(n);
  for (const by of ['score', 'label']) {
    const make = () => {
      const el = embeddingScatter(c.obsm, by === 'score' ? { score: c.score } : { label: c.label });
      return { el, svg: svgToString(el) };
    };
    const built = measure(make, { reps: 3 });
    const { el, svg } = built.result;
    const png = measure(() => renderPng(el, { dpi: 300 }), { reps: 1 });
    const t0 = performance.now();
    const pdf = await renderPdf(el);
    const pdfSeconds = (performance.now() - t0) / 1000;
    console.log(
      `${String(n).padEnd(8)} ${by.padEnd(7)} ${(svg.length / 1e6).toFixed(2).padStart(6)}  ` +
        `${String(el.attributes['data-points-drawn']).padStart(12)}  ${built.seconds.toFixed(2).padStart(17)}  ` +
        `${png.seconds.toFixed(2).padStart(13)}  ${pdfSeconds.toFixed(2).padStart(5)}  ${(pdf.length / 1e6).toFixed(2).padStart(6)}`,
    );
  }
}
