import { TaceError } from '@tace/core';
import { syntheticClinicalCohort, writeSyntheticCohort } from '@tace/synthetic';
import { parseCommandArguments, parseSeed } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { prepareOutputs } from './outputs.js';

export const synthCommand: Command = {
  path: ['synth'],
  summary: 'Write the seeded synthetic multicentre TACE cohort (CT NIfTI, masks, manifest, clinical table)',
  help: `Usage: tace synth --out <dir> [--seed <int>] [--patients a,b,c]

Writes a synthetic three-centre cohort: arterial and portal-venous CT (.nii.gz) with tumour masks,
manifest.csv (for tace radiomics extract) and clinical.csv (OS in months, death 0/1, ALBI/Child-Pugh
inputs, AFP, tumour number and size, ECOG, vascular invasion, centre and cohort role). Not real patients.

Options:
  --out <dir>          output folder                                  (required)
  --seed <int>         seed (default 2026)
  --patients <a,b,c>   patients per centre (default 240,90,90)

Example:
  tace synth --out cohort --patients 20,8,8`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      out: { type: 'string' },
      seed: { type: 'string' },
      patients: { type: 'string' },
    });
    if (values.out === undefined)
      throw new TaceError('INVALID_ARGUMENT', '--out is required', { param: '--out' });
    const counts = (values.patients ?? '240,90,90').split(',').map(Number);
    if (counts.length !== 3 || counts.some((c) => !Number.isInteger(c) || c < 1)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--patients must be three positive integers, but was '${values.patients}'`,
        {
          param: '--patients',
        },
      );
    }
    prepareOutputs([{ option: '--out', path: values.out, kind: 'directory' }]);
    const patients = syntheticClinicalCohort({
      seed: parseSeed(values.seed),
      patientsPerCenter: counts as [number, number, number],
    });
    const paths = writeSyntheticCohort(values.out, patients);
    console.error(`${patients.length} synthetic patients: ${paths.manifest}, ${paths.clinical}`);
    return EXIT.ok;
  },
};
