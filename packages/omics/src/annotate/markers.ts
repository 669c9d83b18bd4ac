/** One cell type of a marker table. */
export interface CellTypeMarkers {
  /** Cell-type label written to `obs['cell_type']`. */
  name: string;
  /** Marker genes (HGNC symbols). */
  markers: readonly string[];
  /**
   * A broader type this one refines (e.g. CD8 T refines T cell): when the two are the best two candidates, the
   * refinement wins if its own score passes the threshold.
   */
  refines?: string;
  /** Publications reporting these markers for the type (short citation with DOI). */
  sources: readonly string[];
}

const MACPARLAND = 'MacParland SA et al. Nat Commun 2018;9:4383. doi:10.1038/s41467-018-06318-7';
const AIZARANI = 'Aizarani N et al. Nature 2019;572:199-204. doi:10.1038/s41586-019-1373-2';
const ZHANG = 'Zhang Q et al. Cell 2019;179:829-845. doi:10.1016/j.cell.2019.10.003';
const SHARMA = 'Sharma A et al. Cell 2020;183:377-394. doi:10.1016/j.cell.2020.08.040';

/**
 * Liver and immune cell-type markers for labelling clusters of liver / HCC single-cell data. Compiled for this
 * toolkit from canonical markers that the cited atlases use to name their clusters (lists of gene names are
 * facts, redistributed with the package under its MIT licence; cite the papers). Not copied from PanglaoDB or
 * CellMarker. Also shipped as `signatures/liver-immune-markers.gmt` (a test keeps the two equal).
 * @example LIVER_IMMUNE_MARKERS.find((t) => t.name === 'Hepatocyte')?.markers // ['ALB', 'APOA1', ...]
 */
export const LIVER_IMMUNE_MARKERS: readonly CellTypeMarkers[] = Object.freeze([
  {
    name: 'Hepatocyte',
    markers: ['ALB', 'APOA1', 'APOC3', 'TTR', 'SERPINA1', 'HP', 'TF', 'APOH', 'CYP3A4'],
    sources: [MACPARLAND, AIZARANI],
  },
  {
    name: 'Malignant hepatocyte',
    markers: ['GPC3', 'AFP', 'MDK', 'PEG10', 'SPINK1'],
    refines: 'Hepatocyte',
    sources: [SHARMA, 'Capurro M et al. Gastroenterology 2003;125:89-97. doi:10.1016/S0016-5085(03)00689-9'],
  },
  {
    name: 'Cholangiocyte',
    markers: ['KRT19', 'KRT7', 'EPCAM', 'SOX9', 'CFTR'],
    sources: [MACPARLAND, AIZARANI],
  },
  {
    name: 'Endothelial',
    markers: ['PECAM1', 'VWF', 'CDH5', 'KDR', 'ENG', 'STAB2', 'CLEC4G'],
    sources: [MACPARLAND, AIZARANI, SHARMA],
  },
  {
    name: 'Kupffer/macrophage',
    markers: ['CD68', 'CD163', 'LYZ', 'MARCO', 'VSIG4', 'C1QA', 'C1QB'],
    sources: [MACPARLAND, SHARMA, ZHANG],
  },
  {
    name: 'Fibroblast/stellate',
    markers: ['COL1A1', 'COL1A2', 'ACTA2', 'DCN', 'LUM', 'PDGFRB', 'RGS5'],
    sources: [MACPARLAND, AIZARANI, SHARMA],
  },
  { name: 'T cell', markers: ['CD3D', 'CD3E', 'CD3G', 'CD2'], sources: [MACPARLAND, ZHANG] },
  { name: 'CD8 T', markers: ['CD8A', 'CD8B'], refines: 'T cell', sources: [MACPARLAND, ZHANG] },
  { name: 'CD4 T', markers: ['CD4', 'IL7R'], refines: 'T cell', sources: [MACPARLAND, ZHANG] },
  { name: 'NK', markers: ['NCAM1', 'KLRD1', 'KLRF1', 'FCGR3A'], sources: [MACPARLAND, ZHANG] },
  { name: 'B cell', markers: ['MS4A1', 'CD79A', 'CD79B', 'CD19'], sources: [MACPARLAND, ZHANG] },
  { name: 'Plasma cell', markers: ['JCHAIN', 'MZB1', 'SDC1', 'TNFRSF17'], sources: [MACPARLAND, ZHANG] },
]);
