import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROGENY_HUMAN_TSV } from '../../src/pathways/progeny-data.js';
import { ESTIMATE_COMMON_GENES_TSV, ESTIMATE_GENESETS_GMT } from '../../src/tme/data/estimate-data.js';
import { MCPCOUNTER_GENES_TSV } from '../../src/tme/data/mcpcounter-data.js';
import {
  TIL10_ABERRANT_GENES_TXT,
  TIL10_MRNA_SCALING_TSV,
  TIL10_RMGENES_TXT,
  TIL10_SIGNATURE_TSV,
} from '../../src/tme/data/til10-data.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'signatures', 'tme');

describe('embedded data (signatures/tme/embed.mjs)', () => {
  it('every TypeScript constant equals its data file byte for byte', () => {
    const pairs: [string, string][] = [
      ['progeny_human_top1000.tsv', PROGENY_HUMAN_TSV],
      ['mcpcounter_genes.txt', MCPCOUNTER_GENES_TSV],
      ['estimate_SI_geneset.gmt', ESTIMATE_GENESETS_GMT],
      ['estimate_common_genes.tsv', ESTIMATE_COMMON_GENES_TSV],
      ['TIL10_signature.txt', TIL10_SIGNATURE_TSV],
      ['TIL10_mRNA_scaling.txt', TIL10_MRNA_SCALING_TSV],
      ['TIL10_rmgenes.txt', TIL10_RMGENES_TXT],
      ['TIL10_TCGA_aberrant_immune_genes.txt', TIL10_ABERRANT_GENES_TXT],
    ];
    for (const [file, constant] of pairs) expect(constant, file).toBe(readFileSync(join(dir, file), 'utf8'));
  });
});
