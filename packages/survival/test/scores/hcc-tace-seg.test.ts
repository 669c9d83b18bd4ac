import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { numericColumn, readTable, stringColumn } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { bclcScore, clipScore, scoreTable } from '@tace/survival';
import { concordance, kaplanMeier, logRank } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';

// Real data: HCC-TACE-Seg clinical table (TCIA, CC BY 4.0), 105 TACE patients, OS in weeks.
// Expected values: R 4.2.2 / survival 3.5-3, written by ../fixtures/r-tace-scores/generate.R.
const relative = 'hcc-tace-seg/clinical.csv';
const path = sharedDataPath(relative);
const expected = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/r-tace-scores/expected.json'), 'utf8'),
);

/** Maps the cohort's columns to the toolkit's score fields (units: AFP ng/mL, tumour size cm). */
function patientFields(table: ReturnType<typeof readTable>) {
  const nodularity = stringColumn(table, 'tumor_nodul');
  const ps = numericColumn(table, 'PS_bclc_0_0_1-2_1_3-4_3'); // coded 0 = PS 0, 1 = PS 1-2, 3 = PS 3-4
  const flag = (name: string) => Array.from(numericColumn(table, name), (v) => v === 1);
  const vascular = flag('Vascular invasion');
  const thrombosis = flag('Portal Vein Thrombosis');
  const metastasis = flag('Metastasis');
  const nodes = flag('Lymphnodes');
  return {
    childPughClass: stringColumn(table, 'CPS'),
    // uninodular = 1 tumour; multinodular is at least 2 (the exact count is not recorded).
    number: nodularity.map((v) => (v === 'uninodular' ? 1 : 2)),
    extentOver50: stringColumn(table, 'T_involvment').map((v) => v === '>50%'),
    afp: numericColumn(table, 'AFP'),
    portalVeinThrombosis: thrombosis,
    ecog: Array.from(ps),
    vascularInvasion: vascular.map((v, i) => v || thrombosis[i]),
    extrahepaticSpread: metastasis.map((v, i) => v || nodes[i]),
    diameter: numericColumn(table, 'Tr_Size'),
  };
}

describe.skipIf(path === null)(
  `TACE scores on HCC-TACE-Seg ${path === null ? sharedDataSkipMessage(relative) : ''}`,
  () => {
    const table = readTable(path!);
    const time = numericColumn(table, 'OS');
    const event = numericColumn(table, 'Death_1_StillAliveorLostToFU_0');
    const fields = patientFields(table);

    it('CLIP computed from its components equals the recorded CLIP score for all 105 patients', () => {
      const clip = scoreTable(fields, clipScore);
      const recorded = stringColumn(table, 'CLIP_Score').map((v) => Number(v!.replace('Stage_', '')));
      expect(clip.missingCount).toBe(0);
      expect(Array.from(clip.score)).toEqual(recorded);
    });

    it('CLIP: log-rank, KM medians and Harrell C equal R (1e-8)', () => {
      const clip = scoreTable(fields, clipScore);
      const groups = clip.grade as string[];
      const ref = expected.clip;
      const lr = logRank(time, event, groups);
      expect(lr.groups).toEqual(ref.levels);
      expect(Array.from(lr.observed)).toEqual(ref.observed);
      lr.expected.forEach((e, i) => {
        expect(e).toBeCloseTo(ref.expected[i], 8);
      });
      expect(lr.chisq).toBeCloseTo(ref.chisq, 8);
      expect(lr.pValue / ref.p).toBeCloseTo(1, 8);
      const km = kaplanMeier(time, event, { group: groups });
      km.curves.forEach((curve, i) => {
        expect(curve.median).toBeCloseTo(ref.medians[i], 8);
      });
      const c = concordance(time, event, clip.score);
      expect(c.concordance).toBeCloseTo(ref.concordance, 8);
      expect(c.stdErr).toBeCloseTo(ref.concordanceSe, 8);
    });

    it('recorded BCLC and Okuda stages: log-rank and Harrell C equal R (1e-8)', () => {
      for (const [column, key, prefix] of [
        ['BCLC', 'bclcRecorded', 'Stage-'],
        ['Okuda', 'okudaRecorded', 'Stage '],
      ] as const) {
        const stages = stringColumn(table, column).map((v) => v!.replace(prefix, ''));
        const ref = expected[key];
        const lr = logRank(time, event, stages);
        expect(lr.chisq).toBeCloseTo(ref.chisq, 8);
        const order = ref.levels as string[];
        const c = concordance(
          time,
          event,
          stages.map((s) => order.indexOf(s)),
        );
        expect(c.concordance).toBeCloseTo(ref.concordance, 8);
      }
    });

    it('BCLC 2018 computed where the table permits agrees with the recorded stage except documented cases', () => {
      // Stage 0/A/B needs the tumour size (recorded for 53 of 105 patients); C and D need only ECOG,
      // Child-Pugh, vascular invasion and spread.
      const bclc = scoreTable(fields, bclcScore, { scoreOptions: { version: '2018' } });
      const recorded = stringColumn(table, 'BCLC').map((v) => v!.replace('Stage-', ''));
      // Every disagreement falls in one of three documented categories (see the survival README):
      // - 'count unknown': multinodular, largest <= 3 cm: A if <= 3 nodules, B if more; the table records
      //   only "multinodular", we assume 2-3 nodules, the investigators staged B;
      // - 'size limit': a single tumour > 5 cm staged B by the investigators (a Milan-style size limit that
      //   BCLC does not have: a single tumour of any size is stage A);
      // - 'stage 0 unused': a single tumour < 2 cm, Child-Pugh A, PS 0 staged A (stage 0 not used).
      const categories: Record<string, number> = {
        agree: 0,
        'count unknown': 0,
        'size limit': 0,
        'stage 0 unused': 0,
        other: 0,
      };
      bclc.grade.forEach((g, i) => {
        const single = fields.number[i] === 1;
        const size = fields.diameter[i];
        let category = 'other';
        if (g === recorded[i]) category = 'agree';
        else if (g === 'A' && recorded[i] === 'B' && !single && size <= 3) category = 'count unknown';
        else if (g === 'A' && recorded[i] === 'B' && single && size > 5) category = 'size limit';
        else if (g === '0' && recorded[i] === 'A' && single && size < 2) category = 'stage 0 unused';
        categories[category]++;
      });
      expect(categories).toEqual({
        agree: 91,
        'count unknown': 6,
        'size limit': 7,
        'stage 0 unused': 1,
        other: 0,
      });
    });
  },
);
