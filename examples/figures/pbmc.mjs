// scanpy's pbmc68k_reduced (700 PBMCs; data/make-data.mjs exported it): cell type, UMAP and 14 markers.
import { readData } from './lib.mjs';

export function pbmcCells() {
  const table = readData('pbmc68k.csv');
  const markers = Object.keys(table).slice(4);
  return { table, markers };
}
