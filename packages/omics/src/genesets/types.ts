/**
 * Named gene sets: set name -> gene identifiers (usually HGNC symbols), in the order given. The shared
 * vocabulary of the toolkit (DESIGN.md); read from and written to GMT by {@link readGmt} / {@link writeGmt}.
 */
export type GeneSets = Record<string, readonly string[]>;

/** One line of a GMT file: name, description (often a URL) and genes. */
export interface GmtEntry {
  /** Set name (first GMT field). */
  name: string;
  /** Description (second GMT field; `''` when empty, MSigDB puts a URL there). */
  description: string;
  /** Gene identifiers, in file order, blanks removed. */
  genes: string[];
}
