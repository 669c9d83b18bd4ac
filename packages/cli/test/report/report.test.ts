import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forestPlot, kaplanMeierPlot } from '@tace/figures';
import { kaplanMeier, logRank } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport, type StudyReport } from '../../src/index.js';

function smallReport(): StudyReport {
  const time = [3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25];
  const event = [1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0];
  const group = time.map((_, i) => (i % 2 === 0 ? 'high' : 'low'));
  const km = kaplanMeier(time, event, { group });
  return {
    title: 'Test report <&>',
    provenance: ['seed 1'],
    sections: [
      {
        id: 'survival',
        title: 'Survival',
        text: ['Kaplan-Meier by risk group.'],
        tables: [{ id: 'metrics', title: 'Metrics', columns: ['model', 'C'], rows: [['CRM', '0.71']] }],
        figures: [
          { id: 'km', title: 'KM', svg: kaplanMeierPlot(km, { pValue: logRank(time, event, group).pValue }) },
          {
            id: 'forest',
            title: 'Forest',
            svg: forestPlot([{ label: 'x', estimate: 2, lower: 1, upper: 4 }]),
          },
        ],
      },
    ],
  };
}

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

describe('renderHtmlReport', () => {
  it('writes one self-contained file with inline SVG figures and escaped text', () => {
    const html = renderHtmlReport(smallReport());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Test report &lt;&amp;&gt;</title>');
    expect(html.match(/<figure /g)).toHaveLength(2);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|src="http|href="http/);
  });

  it('is byte-identical for the same input', () => {
    expect(renderHtmlReport(smallReport())).toBe(renderHtmlReport(smallReport()));
  });

  describe.skipIf(CHROMIUM === undefined)(
    `in headless Chromium${CHROMIUM === undefined ? ' (skipped: no chromium; apt-get install chromium)' : ''}`,
    () => {
      it('opens, lays out every figure, and screenshots', () => {
        const dir = mkdtempSync(join(tmpdir(), 'tace-report-'));
        try {
          const file = join(dir, 'report.html');
          writeFileSync(file, renderHtmlReport(smallReport()));
          const flags = [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            `--user-data-dir=${join(dir, 'profile')}`,
          ];
          const dom = execFileSync(CHROMIUM!, [...flags, '--dump-dom', `file://${file}`], {
            timeout: 300_000,
          }).toString();
          expect(dom.match(/<figure /g)).toHaveLength(2);
          expect(dom).toContain('Number at risk');
          const png = join(dir, 'report.png');
          execFileSync(
            CHROMIUM!,
            [...flags, `--screenshot=${png}`, '--window-size=1280,1600', `file://${file}`],
            {
              timeout: 300_000,
              stdio: 'ignore',
            },
          );
          const bytes = readFileSync(png);
          expect(bytes.subarray(1, 4).toString()).toBe('PNG');
          expect(statSync(png).size).toBeGreaterThan(20_000);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    },
  );
});
