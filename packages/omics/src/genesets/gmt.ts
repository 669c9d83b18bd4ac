import { readFileSync } from 'node:fs';
import { TaceError, writeFileAtomic } from '@tace/core';
import type { GeneSets, GmtEntry } from './types.js';

/**
 * Parses GMT text (Broad/MSigDB "Gene Matrix Transposed"): one set per line, tab-separated
 * `name<TAB>description<TAB>gene1<TAB>gene2...`. Blank lines and lines starting with `#` are skipped; empty
 * gene fields (trailing tabs) are dropped; `\r\n` line ends are accepted. Genes repeated within a set are
 * kept once (first occurrence), as GSEABase `getGmt` does.
 *
 * @param text - the file contents.
 * @param source - file name used in error messages.
 * @throws {TaceError} `PARSE_ERROR` naming the line when a line has fewer than 2 fields or a set name repeats.
 * @example
 * ```ts
 * parseGmtEntries('SET_A\tdesc\tTP53\tMYC\n'); // [{ name: 'SET_A', description: 'desc', genes: ['TP53', 'MYC'] }]
 * ```
 */
export function parseGmtEntries(text: string, source = 'GMT text'): GmtEntry[] {
  const entries: GmtEntry[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    if (fields.length < 2 || fields[0].trim() === '') {
      throw new TaceError('PARSE_ERROR', `${source} line ${i + 1}: expected name<TAB>description<TAB>genes`, {
        param: source,
        remedy: 'check that the file is tab-separated GMT, one gene set per line',
      });
    }
    const name = fields[0].trim();
    if (seen.has(name)) {
      throw new TaceError(
        'PARSE_ERROR',
        `${source} line ${i + 1}: gene set ${JSON.stringify(name)} repeats`,
        {
          param: source,
          remedy: 'give every gene set a unique name',
        },
      );
    }
    seen.add(name);
    const genes: string[] = [];
    const inSet = new Set<string>();
    for (let f = 2; f < fields.length; f++) {
      const gene = fields[f].trim();
      if (gene === '' || inSet.has(gene)) continue;
      inSet.add(gene);
      genes.push(gene);
    }
    entries.push({ name, description: fields[1].trim(), genes });
  }
  return entries;
}

/**
 * Parses GMT text into {@link GeneSets} (descriptions dropped; see {@link parseGmtEntries} to keep them).
 * @throws {TaceError} `PARSE_ERROR` as {@link parseGmtEntries}.
 * @example
 * ```ts
 * parseGmt('SET_A\thttp://x\tTP53\tMYC\n'); // { SET_A: ['TP53', 'MYC'] }
 * ```
 */
export function parseGmt(text: string, source = 'GMT text'): GeneSets {
  const sets: Record<string, string[]> = {};
  for (const entry of parseGmtEntries(text, source)) sets[entry.name] = entry.genes;
  return sets;
}

/**
 * Reads a GMT file (e.g. MSigDB `h.all.v7.0.symbols.gmt`) into {@link GeneSets}.
 * @throws {TaceError} `IO_ERROR` when the file cannot be read; `PARSE_ERROR` on malformed lines.
 * @example
 * ```ts
 * const hallmark = readGmt('h.all.v7.0.symbols.gmt');
 * hallmark.HALLMARK_HYPOXIA.length; // 200
 * ```
 */
export function readGmt(path: string): GeneSets {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot read GMT file ${path}`, {
      param: path,
      cause,
      remedy: 'check the path',
    });
  }
  return parseGmt(text, path);
}

/** Options of {@link formatGmt} / {@link writeGmt}. */
export interface GmtWriteOptions {
  /**
   * Description (second field) per set name; sets without one get `'NA'`, as GSEABase `toGmt` writes.
   * @default {}
   */
  descriptions?: Record<string, string>;
}

/**
 * Formats gene sets as GMT text (tab-separated, `\n` line ends, one trailing newline).
 * @throws {TaceError} `INVALID_ARGUMENT` when a name or gene contains a tab or newline.
 * @example
 * ```ts
 * formatGmt({ CYT: ['GZMA', 'PRF1'] }); // 'CYT\tNA\tGZMA\tPRF1\n'
 * ```
 */
export function formatGmt(sets: GeneSets, options: GmtWriteOptions = {}): string {
  const descriptions = options.descriptions ?? {};
  const bad = /[\t\r\n]/;
  let out = '';
  for (const [name, genes] of Object.entries(sets)) {
    const description = descriptions[name] ?? 'NA';
    for (const field of [name, description, ...genes]) {
      if (bad.test(field)) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `gene set ${JSON.stringify(name)} has a field with a tab or newline`,
          {
            param: 'sets',
            remedy: 'remove tabs and line breaks from set names, descriptions and genes',
          },
        );
      }
    }
    out += `${[name, description, ...genes].join('\t')}\n`;
  }
  return out;
}

/**
 * Writes gene sets to a GMT file (see {@link formatGmt}), atomically (temporary file + rename).
 * @throws {TaceError} `IO_ERROR` when the file cannot be written.
 * @example
 * ```ts
 * writeGmt('sets.gmt', bundledSignatures());
 * ```
 */
export function writeGmt(path: string, sets: GeneSets, options: GmtWriteOptions = {}): void {
  const text = formatGmt(sets, options);
  try {
    writeFileAtomic(path, text);
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot write GMT file ${path}`, { param: path, cause });
  }
}
