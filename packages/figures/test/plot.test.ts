import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findElements, fontFiles, linePlot, renderPng, scatterPlot, svg, svgToString } from '../src/index.js';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('SVG builder', () => {
  it('serialises with escaping, namespace and rounded numbers', () => {
    const text = svgToString(
      svg('svg', { width: 10, height: 5 }, svg('text', { x: 1 / 3 }, 'a < b & "c"'), null, false),
    );
    expect(text).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><text x="0.333">a &lt; b &amp; &quot;c&quot;</text></svg>',
    );
  });
});

describe('scatterPlot', () => {
  const x = [1, 2, 3, 4, Number.NaN, 6];
  const y = [2, 4, 1, 3, 5, 0];
  const group = ['low', 'high', 'low', 'high', 'low', 'low'];
  const plot = scatterPlot(x, y, { group, xLabel: 'Age (years)', yLabel: 'Score', title: 'Test' });
  it('draws one circle per finite point, coloured by group, with a legend', () => {
    const circles = findElements(
      findElements(plot, 'g').find((g) => g.attributes.class === 'points')!,
      'circle',
    );
    expect(circles.length).toBe(5);
    expect(new Set(circles.map((c) => c.attributes.fill)).size).toBe(2);
    const legend = findElements(plot, 'g').find((g) => g.attributes.class === 'legend')!;
    expect(findElements(legend, 'text').map((t) => t.children[0])).toEqual(['low', 'high']);
  });
  it('has both axes with nice tick labels and the axis titles', () => {
    const texts = findElements(plot, 'text').map((t) => t.children[0]);
    expect(texts).toContain('Age (years)');
    expect(texts).toContain('Score');
    expect(texts).toContain('Test');
    const bottom = findElements(plot, 'g').find((g) => g.attributes.class === 'axis axis-bottom')!;
    expect(findElements(bottom, 'text').map((t) => t.children[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      'Age (years)',
    ]);
    expect(svgToString(plot)).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="480" height="360"/,
    );
  });
});

describe('linePlot', () => {
  it('draws a step path per series through d3-shape', () => {
    const plot = linePlot(
      [
        { x: [0, 1, 2], y: [1, 0.5, 0.25], label: 'A' },
        { x: [0, 2], y: [1, 0.8], label: 'B' },
      ],
      { curve: 'step-after', yDomain: [0, 1], width: 300, height: 200 },
    );
    const paths = findElements(plot, 'path').filter((p) => p.attributes.class === 'series');
    expect(paths.length).toBe(2);
    // step-after: horizontal then vertical segments (H/V-free "L" pairs from d3), 2 x (n - 1) + 1 points
    expect((paths[0].attributes.d as string).match(/L/g)?.length).toBe(4);
    expect(paths[0].attributes.stroke).not.toBe(paths[1].attributes.stroke);
  });
});

describe('PNG rendering', () => {
  it('uses the DejaVu TTF files from dejavu-fonts-ttf', () => {
    for (const file of fontFiles()) expect(existsSync(file)).toBe(true);
  });
  it('renders a plot to PNG at the requested width, with text drawn from the bundled font', () => {
    const plot = scatterPlot([1, 2, 3], [3, 1, 2], { title: 'Title' });
    const png = renderPng(svgToString(plot), { width: 960 });
    expect(Array.from(png.slice(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(pngSize(png)).toEqual([960, 720]);
    // Text must change the image: without usable fonts resvg silently drops text.
    const withText = renderPng(
      svgToString(
        svg('svg', { width: 60, height: 20 }, svg('text', { x: 2, y: 15, 'font-size': 12 }, 'Hazard')),
      ),
    );
    const without = renderPng(
      svgToString(svg('svg', { width: 60, height: 20 }, svg('text', { x: 2, y: 15, 'font-size': 12 }, ''))),
    );
    expect(pngSize(withText)).toEqual([120, 40]);
    expect(Buffer.from(withText).equals(Buffer.from(without))).toBe(false);
  });
});
