import { kaplanMeier } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import {
  calibrationPlot,
  elementsWithClass,
  kaplanMeierPlot,
  textBoxes,
  textContent,
} from '../../src/index.js';

const curve = [{ label: 'Model', predicted: [0.2, 0.5, 0.8], observed: [0.25, 0.5, 0.75] }];

/** Right edge of the figure in px, from the root's viewBox. */
function figureWidth(root: ReturnType<typeof calibrationPlot>): number {
  return Number(String(root.attributes.viewBox).split(' ')[2]);
}

describe('figure titles stay within the figure (shared title code)', () => {
  it('shortens a 38-character calibrationPlot title to an 85 mm panel', () => {
    const title = 'Calibration of the CRM score at 5 years';
    const el = calibrationPlot(curve, { title, width: 85, height: 70, unit: 'mm' });
    const titles = textBoxes(el).filter((b) => b.element.attributes.class === 'title');
    expect(titles.length).toBeGreaterThan(0);
    for (const b of titles) expect(b.right).toBeLessThanOrEqual(figureWidth(el));
    // Nothing is lost silently: the text shown is the title's start, ending in an ellipsis when cut.
    const shown = titles.map((b) => b.text).join(' ');
    expect(shown.endsWith('…') || shown === title).toBe(true);
    expect(title.startsWith(shown.replace('…', '').split(' ')[0])).toBe(true);
  });

  it('leaves a title that fits unchanged, on one line', () => {
    const el = calibrationPlot(curve, { title: 'Calibration' });
    expect(elementsWithClass(el, 'title').map((e) => textContent(e))).toEqual(['Calibration']);
  });

  it('wraps onto a second line when the top margin has room for it', () => {
    const title = 'Overall survival by treatment arm in the validation cohort';
    const el = kaplanMeierPlot(kaplanMeier([1, 2, 3], [1, 0, 1]), {
      title,
      width: 240,
      margin: { top: 64, right: 20, bottom: 120, left: 64 },
    });
    const lines = elementsWithClass(el, 'title').map((e) => textContent(e));
    expect(lines.length).toBe(2);
    for (const b of textBoxes(el).filter((x) => x.element.attributes.class === 'title'))
      expect(b.right).toBeLessThanOrEqual(240);
  });
});
