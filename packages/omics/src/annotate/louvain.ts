import { assertInRange, assertInteger, TaceError } from '@tace/core';
import type { SparseMatrix } from '../h5ad/types.js';

/** Options of {@link louvainClusters}. */
export interface LouvainOptions {
  /** Resolution of the modularity (Seurat `FindClusters(resolution)`). @default 0.8 */
  resolution?: number;
  /** Random starts; the best modularity wins (Seurat `n.start`). @default 10 */
  nStart?: number;
  /** Maximum Louvain passes per start (Seurat `n.iter`). @default 10 */
  nIter?: number;
  /** Seed of the Java-compatible generator (Seurat `random.seed`). @default 0 */
  randomSeed?: number;
  /** Merge single-cell clusters into their best-connected cluster (Seurat `group.singletons`). @default true */
  groupSingletons?: boolean;
}

/** Result of {@link louvainClusters}. */
export interface LouvainResult {
  /** Cluster of each node, 0 = largest. */
  cluster: Int32Array;
  nClusters: number;
  /** Best modularity (with resolution) over the starts. */
  modularity: number;
}

/**
 * Java's `java.util.Random` (48-bit LCG), as Seurat's C++ port of the ModularityOptimizer carries it, with the
 * 48-bit state kept in two 24-bit halves (exact in doubles).
 */
class JavaRandom {
  private hi: number;
  private lo: number;
  constructor(seed: number) {
    // (seed ^ 0x5DEECE66D) & (2^48 - 1), seed < 2^31.
    const s = BigInt(seed) ^ 0x5deece66dn;
    this.hi = Number((s >> 24n) & 0xffffffn);
    this.lo = Number(s & 0xffffffn);
  }
  private next31(): number {
    const mHi = 0x5de;
    const mLo = 0xece66d;
    const p0 = this.lo * mLo + 0xb;
    const carry = Math.floor(p0 / 16777216);
    const newLo = p0 - carry * 16777216;
    const p1 = this.hi * mLo + this.lo * mHi + carry;
    const newHi = p1 % 16777216;
    this.hi = newHi;
    this.lo = newLo;
    return newHi * 128 + Math.floor(newLo / 131072);
  }
  nextInt(n: number): number {
    if ((n & -n) === n) return Math.floor((n * this.next31()) / 2147483648);
    for (;;) {
      const bits = this.next31();
      const val = bits % n;
      if (bits - val + (n - 1) <= 2147483647) return val;
    }
  }
}

interface Network {
  nNodes: number;
  first: Int32Array;
  neighbor: Int32Array;
  edgeWeight: Float64Array;
  nodeWeight: Float64Array;
  selfLinks: number;
}

interface Clustering {
  cluster: Int32Array;
  nClusters: number;
}

function totalEdgeWeight(net: Network): number {
  let s = 0;
  for (let k = 0; k < net.edgeWeight.length; k++) s += net.edgeWeight[k];
  return s / 2;
}

function quality(net: Network, cl: Clustering, resolution: number): number {
  let q = 0;
  for (let i = 0; i < net.nNodes; i++) {
    const c = cl.cluster[i];
    for (let k = net.first[i]; k < net.first[i + 1]; k++)
      if (cl.cluster[net.neighbor[k]] === c) q += net.edgeWeight[k];
  }
  q += net.selfLinks;
  const clusterWeight = new Float64Array(cl.nClusters);
  for (let i = 0; i < net.nNodes; i++) clusterWeight[cl.cluster[i]] += net.nodeWeight[i];
  for (let c = 0; c < cl.nClusters; c++) q -= clusterWeight[c] * clusterWeight[c] * resolution;
  return q / (2 * totalEdgeWeight(net) + net.selfLinks);
}

function localMoving(net: Network, cl: Clustering, resolution: number, random: JavaRandom): boolean {
  const n = net.nNodes;
  if (n === 1) return false;
  let update = false;
  const clusterWeight = new Float64Array(n);
  const nNodesPerCluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    clusterWeight[cl.cluster[i]] += net.nodeWeight[i];
    nNodesPerCluster[cl.cluster[i]]++;
  }
  let nUnused = 0;
  const unused = new Int32Array(n);
  for (let i = 0; i < n; i++) if (nNodesPerCluster[i] === 0) unused[nUnused++] = i;
  const permutation = new Int32Array(n);
  for (let i = 0; i < n; i++) permutation[i] = i;
  for (let i = 0; i < n; i++) {
    const j = random.nextInt(n);
    const t = permutation[i];
    permutation[i] = permutation[j];
    permutation[j] = t;
  }
  const edgeWeightPerCluster = new Float64Array(n);
  const neighboring = new Int32Array(n);
  let nStable = 0;
  let i = 0;
  do {
    const j = permutation[i];
    let nNeighboring = 0;
    for (let k = net.first[j]; k < net.first[j + 1]; k++) {
      const l = cl.cluster[net.neighbor[k]];
      if (edgeWeightPerCluster[l] === 0) neighboring[nNeighboring++] = l;
      edgeWeightPerCluster[l] += net.edgeWeight[k];
    }
    const own = cl.cluster[j];
    clusterWeight[own] -= net.nodeWeight[j];
    nNodesPerCluster[own]--;
    if (nNodesPerCluster[own] === 0) unused[nUnused++] = own;
    let best = -1;
    let maxQuality = 0;
    for (let k = 0; k < nNeighboring; k++) {
      const l = neighboring[k];
      const q = edgeWeightPerCluster[l] - net.nodeWeight[j] * clusterWeight[l] * resolution;
      if (q > maxQuality || (q === maxQuality && l < best)) {
        best = l;
        maxQuality = q;
      }
      edgeWeightPerCluster[l] = 0;
    }
    if (maxQuality === 0) best = unused[--nUnused];
    clusterWeight[best] += net.nodeWeight[j];
    nNodesPerCluster[best]++;
    if (best === own) nStable++;
    else {
      cl.cluster[j] = best;
      nStable = 1;
      update = true;
    }
    i = i < n - 1 ? i + 1 : 0;
  } while (nStable < n);
  const renumber = new Int32Array(n);
  cl.nClusters = 0;
  for (let c = 0; c < n; c++) if (nNodesPerCluster[c] > 0) renumber[c] = cl.nClusters++;
  for (let v = 0; v < n; v++) cl.cluster[v] = renumber[cl.cluster[v]];
  return update;
}

function reducedNetwork(net: Network, cl: Clustering): Network {
  const nc = cl.nClusters;
  const nodeWeight = new Float64Array(nc);
  const first = new Int32Array(nc + 1);
  let selfLinks = net.selfLinks;
  const neighbor1 = new Int32Array(net.neighbor.length);
  const weight1 = new Float64Array(net.neighbor.length);
  const neighbor2 = new Int32Array(nc);
  const weight2 = new Float64Array(nc);
  const members: number[][] = Array.from({ length: nc }, () => []);
  for (let v = 0; v < net.nNodes; v++) members[cl.cluster[v]].push(v);
  let nEdges = 0;
  for (let c = 0; c < nc; c++) {
    let j = 0;
    for (const l of members[c]) {
      nodeWeight[c] += net.nodeWeight[l];
      for (let m = net.first[l]; m < net.first[l + 1]; m++) {
        const other = cl.cluster[net.neighbor[m]];
        if (other !== c) {
          if (weight2[other] === 0) neighbor2[j++] = other;
          weight2[other] += net.edgeWeight[m];
        } else selfLinks += net.edgeWeight[m];
      }
    }
    for (let t = 0; t < j; t++) {
      neighbor1[nEdges + t] = neighbor2[t];
      weight1[nEdges + t] = weight2[neighbor2[t]];
      weight2[neighbor2[t]] = 0;
    }
    nEdges += j;
    first[c + 1] = nEdges;
  }
  return {
    nNodes: nc,
    first,
    neighbor: neighbor1.slice(0, nEdges),
    edgeWeight: weight1.slice(0, nEdges),
    nodeWeight,
    selfLinks,
  };
}

function louvainPass(net: Network, cl: Clustering, resolution: number, random: JavaRandom): boolean {
  if (net.nNodes === 1) return false;
  let update = localMoving(net, cl, resolution, random);
  if (cl.nClusters < net.nNodes) {
    const reduced = reducedNetwork(net, cl);
    const sub = singletons(reduced.nNodes);
    if (louvainPass(reduced, sub, resolution, random)) {
      update = true;
      for (let v = 0; v < net.nNodes; v++) cl.cluster[v] = sub.cluster[cl.cluster[v]];
      cl.nClusters = sub.nClusters;
    }
  }
  return update;
}

function singletons(n: number): Clustering {
  return { cluster: Int32Array.from({ length: n }, (_, i) => i), nClusters: n };
}

/** Relabels clusters by decreasing size (stable), as the ModularityOptimizer's `orderClustersByNNodes`. */
function orderBySize(cl: Clustering): void {
  const size = new Int32Array(cl.nClusters);
  for (const c of cl.cluster) size[c]++;
  const order = Array.from({ length: cl.nClusters }, (_, c) => c).sort((a, b) => size[b] - size[a] || a - b);
  const relabel = new Int32Array(cl.nClusters);
  let kept = 0;
  for (const c of order) if (size[c] > 0) relabel[c] = kept++;
  for (let v = 0; v < cl.cluster.length; v++) cl.cluster[v] = relabel[cl.cluster[v]];
  cl.nClusters = kept;
}

/**
 * Louvain clustering of a weighted graph as Seurat's `FindClusters(algorithm = 1)`: a port of Waltman & van
 * Eck's ModularityOptimizer (the version Seurat compiles), same Java random stream, node orders and tie rules,
 * so on the same graph and seed it gives Seurat's partition. Modularity with resolution (standard function),
 * edges from the lower triangle (the diagonal is ignored); `nStart` random starts of up to `nIter` Louvain
 * passes, the best modularity kept; clusters numbered by decreasing size; then single-cell clusters are merged
 * into the cluster of highest mean edge weight to them (Seurat `GroupSingletons`).
 *
 * @param graph symmetric n x n CSR (e.g. {@link sharedNeighborGraph}).
 * @throws {TaceError} `INVALID_ARGUMENT` for a non-square graph, a graph without edges or bad options.
 * @example louvainClusters(snn, { resolution: 0.8 }).cluster
 */
export function louvainClusters(graph: SparseMatrix, options: LouvainOptions = {}): LouvainResult {
  const resolution = options.resolution ?? 0.8;
  assertInRange(resolution, 'resolution', 0, Number.POSITIVE_INFINITY, { lower: true });
  const nStart = options.nStart ?? 10;
  const nIter = options.nIter ?? 10;
  const seed = options.randomSeed ?? 0;
  assertInteger(nStart, 'nStart', 1);
  assertInteger(nIter, 'nIter', 1);
  assertInteger(seed, 'randomSeed', 0);
  const [n, n2] = graph.shape;
  if (n !== n2 || graph.format !== 'csr')
    throw new TaceError('INVALID_ARGUMENT', `graph must be a square CSR matrix, got ${n} x ${n2}`, {
      param: 'graph',
    });
  // Neighbours of each node, ascending, self excluded (the order matrixToNetwork builds from the lower triangle).
  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let k = graph.indptr[i]; k < graph.indptr[i + 1]; k++) if (graph.indices[k] !== i) d++;
    first[i + 1] = first[i] + d;
  }
  const neighbor = new Int32Array(first[n]);
  const edgeWeight = new Float64Array(first[n]);
  for (let i = 0; i < n; i++) {
    const entries: [number, number][] = [];
    for (let k = graph.indptr[i]; k < graph.indptr[i + 1]; k++)
      if (graph.indices[k] !== i) entries.push([graph.indices[k], graph.data[k]]);
    entries.sort((a, b) => a[0] - b[0]);
    entries.forEach(([j, w], t) => {
      neighbor[first[i] + t] = j;
      edgeWeight[first[i] + t] = w;
    });
  }
  if (neighbor.length === 0)
    throw new TaceError('INVALID_ARGUMENT', 'the graph has no edges between distinct nodes', {
      param: 'graph',
    });
  const nodeWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let k = first[i]; k < first[i + 1]; k++) nodeWeight[i] += edgeWeight[k];
  const net: Network = { nNodes: n, first, neighbor, edgeWeight, nodeWeight, selfLinks: 0 };
  const resolution2 = resolution / (2 * totalEdgeWeight(net));
  const random = new JavaRandom(seed);
  let best: Clustering | null = null;
  let maxModularity = Number.NEGATIVE_INFINITY;
  for (let s = 0; s < nStart; s++) {
    const cl = singletons(n);
    let j = 0;
    let update = true;
    let modularity = 0;
    do {
      update = louvainPass(net, cl, resolution2, random);
      j++;
      modularity = quality(net, cl, resolution2);
    } while (j < nIter && update);
    if (modularity > maxModularity) {
      best = cl;
      maxModularity = modularity;
    }
  }
  const result = best as Clustering;
  orderBySize(result);
  if (options.groupSingletons ?? true) groupSingletons(graph, result);
  return { cluster: result.cluster, nClusters: result.nClusters, modularity: maxModularity };
}

/** Seurat `GroupSingletons`: each one-cell cluster joins the cluster with the highest mean graph weight to it. */
function groupSingletons(graph: SparseMatrix, cl: Clustering): void {
  const size = new Int32Array(cl.nClusters);
  for (const c of cl.cluster) size[c]++;
  const singles = new Set<number>();
  for (let c = 0; c < cl.nClusters; c++) if (size[c] === 1) singles.add(c);
  if (singles.size === 0 || singles.size === cl.nClusters) return;
  const n = cl.cluster.length;
  const target = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!singles.has(cl.cluster[i])) continue;
    const sums = new Float64Array(cl.nClusters);
    for (let k = graph.indptr[i]; k < graph.indptr[i + 1]; k++)
      sums[cl.cluster[graph.indices[k]]] += graph.data[k];
    let bestC = -1;
    let bestV = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < cl.nClusters; c++) {
      if (singles.has(c)) continue;
      const v = sums[c] / size[c];
      if (v > bestV) {
        bestV = v;
        bestC = c;
      }
    }
    target[i] = bestC;
  }
  for (let i = 0; i < n; i++) if (target[i] >= 0) cl.cluster[i] = target[i];
  orderBySize(cl);
}
