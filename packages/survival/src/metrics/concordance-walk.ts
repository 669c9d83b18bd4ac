import { Fenwick2 } from '../internal/fenwick.js';

/**
 * The subjects in walking order (time descending within strata; see `concordanceKernel`), gathered once so
 * that the walk reads every array sequentially.
 */
export interface ConcordanceWalk {
  /** Rank of the risk among the distinct risk values (0-based). */
  rank: Int32Array;
  risk: Float64Array;
  event: Uint8Array;
  weight: Float64Array;
  time: Float64Array;
  stratum: Int32Array;
  /** Number of distinct risk values. */
  nRanks: number;
}

/**
 * What the walk accumulates: pair counts (0 = larger risk later, as R's "concordant" before the flip,
 * 1 = smaller risk later, 2 = tied risk, 3 = tied time, 4 = tied time and risk) and each subject's
 * influence on counts 0-2, by walking position.
 */
export interface ConcordanceTally {
  count: Float64Array;
  inf0: Float64Array;
  inf1: Float64Array;
  inf2: Float64Array;
}

/**
 * Walks every stratum of `walk` (blocks of equal `stratum`), counting pairs with one Fenwick tree holding, per
 * risk rank, the weights at risk and the time-weighted deaths; `timeWeights(start, end)` gives the stratum's
 * weights per distinct event time, ascending in time. Pairs are formed within strata only.
 */
export function walkConcordance(
  walk: ConcordanceWalk,
  timeWeights: (start: number, end: number) => Float64Array,
): ConcordanceTally {
  const n = walk.rank.length;
  const tally: ConcordanceTally = {
    count: new Float64Array(5),
    inf0: new Float64Array(n),
    inf1: new Float64Array(n),
    inf2: new Float64Array(n),
  };
  const tree = new Fenwick2(walk.nRanks);
  const deathsBelow = new Float64Array(walk.nRanks + 1);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && walk.stratum[end] === walk.stratum[start]) end++;
    walkStratum(walk, start, end, timeWeights(start, end), tree, tally);
    addAllDeaths(walk, start, end, tree, deathsBelow, tally);
    if (end < n) emptyTree(walk, start, end, tree);
    start = end;
  }
  return tally;
}

/** One stratum, [start, end) in walking order: censored, single deaths and blocks of tied deaths. */
function walkStratum(
  walk: ConcordanceWalk,
  start: number,
  end: number,
  timewt: Float64Array,
  tree: Fenwick2,
  tally: ConcordanceTally,
): void {
  const { event, time } = walk;
  const below = new Float64Array(2);
  let utime = timewt.length;
  for (let i = start; i < end; ) {
    if (event[i] === 0) {
      joinRiskSet(walk, i, tree, below, tally); // a censored subject
      i++;
      continue;
    }
    const tw = timewt[--utime];
    let j = i + 1;
    while (j < end && time[j] === time[i] && event[j] === 1) j++;
    if (j === i + 1) addDeath(walk, i, tw, tree, below, tally);
    else addTiedDeaths(walk, i, j, tw, tree, below, tally);
    i = j;
  }
}

/**
 * A subject entering the risk set (a censored one, or a death once its tied deaths are counted): its influence
 * from the deaths already seen (later times, and its tied deaths), then it joins the risk set.
 */
function joinRiskSet(
  walk: ConcordanceWalk,
  i: number,
  tree: Fenwick2,
  below: Float64Array,
  tally: ConcordanceTally,
): void {
  const r = walk.rank[i];
  tree.sumBelow(r, below);
  const equal = tree.nodeDeaths[r];
  tally.inf0[i] -= below[1];
  tally.inf1[i] -= tree.totalDeaths - below[1] - equal;
  tally.inf2[i] -= equal;
  tree.add(r, walk.weight[i], 0);
}

/**
 * The death at walking position i against the risk set (pairs with larger, smaller and tied risk, weighted by
 * `tw`), leaving the tree's sums below its rank in `below`.
 */
function countAgainstRiskSet(
  walk: ConcordanceWalk,
  i: number,
  tw: number,
  tree: Fenwick2,
  below: Float64Array,
  tally: ConcordanceTally,
): void {
  const { count, inf0, inf1, inf2 } = tally;
  const r = walk.rank[i];
  const wi = walk.weight[i];
  tree.sumBelow(r, below);
  const aBelow = below[0];
  const aEqual = tree.nodeAll[r];
  const aAbove = tree.totalAll - aBelow - aEqual;
  count[0] += wi * aAbove * tw;
  count[1] += wi * aBelow * tw;
  count[2] += wi * aEqual * tw;
  inf0[i] += aAbove * tw;
  inf1[i] += aBelow * tw;
  inf2[i] += aEqual * tw;
}

/** A single death at its time: one walk gives both trees' sums, one walk adds to both. */
function addDeath(
  walk: ConcordanceWalk,
  i: number,
  tw: number,
  tree: Fenwick2,
  below: Float64Array,
  tally: ConcordanceTally,
): void {
  countAgainstRiskSet(walk, i, tw, tree, below, tally);
  const r = walk.rank[i];
  const wi = walk.weight[i];
  const dw = tw * wi;
  const dEqual = tree.nodeDeaths[r] + dw;
  tally.inf0[i] -= below[1];
  tally.inf1[i] -= tree.totalDeaths + dw - below[1] - dEqual;
  tally.inf2[i] -= dEqual;
  tree.add(r, wi, dw);
}

/**
 * Deaths tied in time at [i, j): each against the risk set (and the tied-time pair counts), all of them added
 * to the deaths, then each one's influence from the deaths and its entry into the risk set.
 */
function addTiedDeaths(
  walk: ConcordanceWalk,
  i: number,
  j: number,
  tw: number,
  tree: Fenwick2,
  below: Float64Array,
  tally: ConcordanceTally,
): void {
  const { rank, risk, weight } = walk;
  const { count } = tally;
  let dwt = 0;
  let xsave = risk[i];
  let dwt2 = 0;
  for (let k = i; k < j; k++) {
    const wk = weight[k];
    count[3] += wk * dwt * tw;
    dwt += wk;
    if (risk[k] !== xsave) {
      dwt2 = 0;
      xsave = risk[k];
    }
    count[4] += wk * dwt2 * tw;
    dwt2 += wk;
    countAgainstRiskSet(walk, k, tw, tree, below, tally);
    tree.add(rank[k], 0, tw * wk);
  }
  for (let k = i; k < j; k++) joinRiskSet(walk, k, tree, below, tally);
}

/** Every subject of the stratum against all its deaths: prefix sums of the deaths over the ranks. */
function addAllDeaths(
  walk: ConcordanceWalk,
  start: number,
  end: number,
  tree: Fenwick2,
  deathsBelow: Float64Array,
  tally: ConcordanceTally,
): void {
  const { nodeDeaths } = tree;
  const { inf0, inf1, inf2 } = tally;
  let cum = 0;
  for (let q = 0; q < walk.nRanks; q++) {
    deathsBelow[q] = cum;
    cum += nodeDeaths[q];
  }
  deathsBelow[walk.nRanks] = cum;
  for (let i = start; i < end; i++) {
    const r = walk.rank[i];
    const equal = nodeDeaths[r];
    inf0[i] += deathsBelow[r];
    inf1[i] += tree.totalDeaths - deathsBelow[r] - equal;
    inf2[i] += equal;
  }
}

/** Empties the tree for the next stratum: cleared when the stratum filled much of it, else rank by rank. */
function emptyTree(walk: ConcordanceWalk, start: number, end: number, tree: Fenwick2): void {
  if (4 * (end - start) > walk.nRanks) {
    tree.clear();
    return;
  }
  for (let i = start; i < end; i++) tree.remove(walk.rank[i]);
  tree.totalAll = 0;
  tree.totalDeaths = 0;
}
