import { fenwickAdd, fenwickSumBelow } from '../internal/fenwick.js';

/**
 * The subjects in walking order (time descending within strata; see `concordanceKernel`), gathered once so
 * that the walk reads every array sequentially.
 */
export interface ConcordanceWalk {
  /** Rank of the risk among the distinct risk values of its stratum (0-based). */
  rank: Int32Array;
  risk: Float64Array;
  event: Uint8Array;
  weight: Float64Array;
  time: Float64Array;
  stratum: Int32Array;
  /** Number of distinct risk values (the most in one stratum). */
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
 * Walks every stratum of `walk` (blocks of equal `stratum`), counting pairs as a walk over a tree of the
 * weights at risk and a tree of the time-weighted deaths per risk rank would (R's concordance algorithm), but
 * with ranks in blocks of about sqrt(ranks): the sums within each block come from a walk over that block's
 * subjects only ({@link withinBlockSums}), the sums over the blocks from small trees in the main walk
 * ({@link tallyStratum}), so every tree stays in cache where trees over all ranks miss it on nearly every
 * access. `timeWeights(start, end)` gives the stratum's weights per distinct event time, ascending in time.
 * Pairs are formed within strata only.
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
  const work: WalkWork = {
    group: new Int32Array(n),
    deathWeight: new Float64Array(n),
    sums: new Float64Array(SUMS * n),
    block: {
      position: new Int32Array(n),
      rank: new Uint16Array(n),
      flags: new Uint8Array(n),
      weight: new Float64Array(n),
      deathWeight: new Float64Array(n),
    },
  };
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && walk.stratum[end] === walk.stratum[start]) end++;
    const timewt = timeWeights(start, end);
    deathGroups(walk, start, end, timewt, work);
    let nRanks = 1;
    for (let i = start; i < end; i++) if (walk.rank[i] >= nRanks) nRanks = walk.rank[i] + 1;
    const shift = (32 - Math.clz32(nRanks - 1)) >> 1;
    const first = byRankBlock(walk, start, end, shift, work);
    withinBlockSums(start, first, shift, nRanks, work);
    tallyStratum(walk, start, end, timewt, shift, first.length - 1, work, tally);
    start = end;
  }
  return tally;
}

/** Values per subject in {@link WalkWork.sums}. */
const SUMS = 6;

/** Per walking position, filled stratum by stratum. */
interface WalkWork {
  /** The first position of its group: a block of deaths tied in time, else the subject alone. */
  group: Int32Array;
  /** Time weight times case weight for a death, 0 for a censored subject. */
  deathWeight: Float64Array;
  /**
   * At SUMS i, the sums within subject i's rank block: the weights at risk at lower ranks and at its rank when
   * it dies (deaths only); the time-weighted deaths at lower ranks and at its rank when it joins the risk set
   * (its own and its tied deaths in); all the stratum's time-weighted deaths at lower ranks and at its rank.
   */
  sums: Float64Array;
  /** The subjects of a stratum grouped by rank block, in walking order within each block. */
  block: {
    position: Int32Array;
    /** Rank within the block. */
    rank: Uint16Array;
    /** Bit 0: a death; bit 1: in the group of the previous subject of the block. */
    flags: Uint8Array;
    weight: Float64Array;
    deathWeight: Float64Array;
  };
}

/**
 * Groups of [start, end): censored subjects alone, deaths by time; and each death's weight (time weight times
 * case weight).
 */
function deathGroups(
  walk: ConcordanceWalk,
  start: number,
  end: number,
  timewt: Float64Array,
  work: WalkWork,
) {
  const { event, time, weight } = walk;
  const { group, deathWeight } = work;
  let utime = timewt.length;
  for (let i = start; i < end; ) {
    if (event[i] === 0) {
      group[i] = i;
      deathWeight[i] = 0;
      i++;
      continue;
    }
    const tw = timewt[--utime];
    let j = i + 1;
    while (j < end && time[j] === time[i] && event[j] === 1) j++;
    for (let k = i; k < j; k++) {
      group[k] = i;
      deathWeight[k] = tw * weight[k];
    }
    i = j;
  }
}

/**
 * Copies the subjects of [start, end) into `work.block`, grouped by rank block (ranks >> shift), in walking
 * order within a block (a counting sort); returns each block's first index (relative to `start`, one past the
 * last block at the end).
 */
function byRankBlock(walk: ConcordanceWalk, start: number, end: number, shift: number, work: WalkWork) {
  const { rank, event, weight } = walk;
  const { group, deathWeight, block } = work;
  let nBlocks = 1;
  for (let i = start; i < end; i++) if ((rank[i] >> shift) + 1 > nBlocks) nBlocks = (rank[i] >> shift) + 1;
  const first = new Int32Array(nBlocks + 1);
  for (let i = start; i < end; i++) first[(rank[i] >> shift) + 1]++;
  for (let b = 0; b < nBlocks; b++) first[b + 1] += first[b];
  const next = first.slice(0, nBlocks);
  const lastGroup = new Int32Array(nBlocks).fill(-1);
  const mask = (1 << shift) - 1;
  for (let i = start; i < end; i++) {
    const b = rank[i] >> shift;
    const u = start + next[b]++;
    block.position[u] = i;
    block.rank[u] = rank[i] & mask;
    block.flags[u] = event[i] | (lastGroup[b] === group[i] ? 2 : 0);
    block.weight[u] = weight[i];
    block.deathWeight[u] = deathWeight[i];
    lastGroup[b] = group[i];
  }
  return first;
}

/**
 * The sums within each rank block of {@link WalkWork.sums}, a walk per block with trees over its 2^shift ranks
 * ({@link walkBlock}), then every subject's deaths below and at its rank over the whole stratum (blocks in rank
 * order). One call per block keeps the walk's compiled code from one fit to the next (a single call with a
 * 10^6-row loop is compiled on-stack anew at every fit).
 */
function withinBlockSums(start: number, first: Int32Array, shift: number, nRanks: number, work: WalkWork) {
  const size = 1 << shift;
  const trees: BlockTrees = {
    atRisk: new Float64Array(size + 1),
    deaths: new Float64Array(size + 1),
    atRiskAt: new Float64Array(size),
    deathsAt: new Float64Array(size),
    deathsBelow: new Float64Array(size),
  };
  let cum = 0;
  for (let b = 0; b + 1 < first.length; b++) {
    const from = start + first[b];
    const to = start + first[b + 1];
    walkBlock(work, from, to, trees);
    cum = allDeathsBelow(work, from, to, trees, cum, Math.min(size, nRanks - b * size));
    trees.atRisk.fill(0);
    trees.deaths.fill(0);
    trees.atRiskAt.fill(0);
    trees.deathsAt.fill(0);
  }
}

/** The trees of one rank block: Fenwick trees and per-rank weights at risk and of deaths. */
interface BlockTrees {
  atRisk: Float64Array;
  deaths: Float64Array;
  atRiskAt: Float64Array;
  deathsAt: Float64Array;
  deathsBelow: Float64Array;
}

/**
 * The walk over one block's subjects (`work.block` entries from..to-1, in walking order): the deaths of a
 * group query the risk set before any of them joins it, and query the deaths after all of them are added.
 */
function walkBlock(work: WalkWork, from: number, to: number, trees: BlockTrees): void {
  const { sums, block } = work;
  const { position, rank, flags, weight, deathWeight } = block;
  const { atRisk, deaths, atRiskAt, deathsAt } = trees;
  for (let q = from; q < to; ) {
    let q2 = q + 1;
    while (q2 < to && flags[q2] & 2) q2++;
    if (q2 === q + 1) {
      // a subject alone: the same steps, in the same order, for one
      const r = rank[q];
      const o = SUMS * position[q];
      if (flags[q] & 1) {
        sums[o] = fenwickSumBelow(atRisk, r);
        sums[o + 1] = atRiskAt[r];
        fenwickAdd(deaths, r, deathWeight[q]);
        deathsAt[r] += deathWeight[q];
      }
      sums[o + 2] = fenwickSumBelow(deaths, r);
      sums[o + 3] = deathsAt[r];
      fenwickAdd(atRisk, r, weight[q]);
      atRiskAt[r] += weight[q];
      q = q2;
      continue;
    }
    for (let u = q; u < q2; u++) {
      if ((flags[u] & 1) === 0) continue;
      const o = SUMS * position[u];
      sums[o] = fenwickSumBelow(atRisk, rank[u]);
      sums[o + 1] = atRiskAt[rank[u]];
    }
    for (let u = q; u < q2; u++) {
      if ((flags[u] & 1) === 0) continue;
      fenwickAdd(deaths, rank[u], deathWeight[u]);
      deathsAt[rank[u]] += deathWeight[u];
    }
    for (let u = q; u < q2; u++) {
      const o = SUMS * position[u];
      sums[o + 2] = fenwickSumBelow(deaths, rank[u]);
      sums[o + 3] = deathsAt[rank[u]];
    }
    for (let u = q; u < q2; u++) {
      fenwickAdd(atRisk, rank[u], weight[u]);
      atRiskAt[rank[u]] += weight[u];
    }
    q = q2;
  }
}

/**
 * All the stratum's deaths below and at each subject's rank, for one block (`ranks` ranks; `cum` the deaths
 * at the lower blocks); returns the deaths up to the end of this block.
 */
function allDeathsBelow(
  work: WalkWork,
  from: number,
  to: number,
  trees: BlockTrees,
  cum: number,
  ranks: number,
): number {
  const { sums, block } = work;
  const { position, rank } = block;
  const { deathsAt, deathsBelow } = trees;
  let total = cum;
  for (let r = 0; r < ranks; r++) {
    deathsBelow[r] = total;
    total += deathsAt[r];
  }
  for (let u = from; u < to; u++) {
    const o = SUMS * position[u];
    sums[o + 4] = deathsBelow[rank[u]];
    sums[o + 5] = deathsAt[rank[u]];
  }
  return total;
}

/**
 * One stratum, [start, end) in walking order (censored subjects, single deaths and blocks of tied deaths),
 * from the sums within rank blocks plus the sums over the lower blocks (trees over the `nBlocks` blocks, walked
 * here): each death against the risk set (pairs with larger, smaller and tied risk, weighted by the time
 * weight), each subject's influence from the deaths seen when it joins the risk set, then from all the deaths.
 */
function tallyStratum(
  walk: ConcordanceWalk,
  start: number,
  end: number,
  timewt: Float64Array,
  shift: number,
  nBlocks: number,
  work: WalkWork,
  tally: ConcordanceTally,
): void {
  const { event, time, weight, risk, rank } = walk;
  const { deathWeight, sums } = work;
  const { count, inf0, inf1, inf2 } = tally;
  const atRisk = new Float64Array(nBlocks + 1);
  const deaths = new Float64Array(nBlocks + 1);
  let allDeaths = 0;
  for (let i = start; i < end; i++) allDeaths += deathWeight[i];
  // the weights at risk and the deaths seen so far (in an array: doubles captured and changed by the closures
  // below would be boxed at every change)
  const total = new Float64Array(2);
  const against = (i: number, tw: number) => {
    const wi = weight[i];
    const aBelow = fenwickSumBelow(atRisk, rank[i] >> shift) + sums[SUMS * i];
    const aEqual = sums[SUMS * i + 1];
    const aAbove = total[0] - aBelow - aEqual;
    count[0] += wi * aAbove * tw;
    count[1] += wi * aBelow * tw;
    count[2] += wi * aEqual * tw;
    inf0[i] += aAbove * tw;
    inf1[i] += aBelow * tw;
    inf2[i] += aEqual * tw;
  };
  const addDeath = (i: number) => {
    total[1] += deathWeight[i];
    fenwickAdd(deaths, rank[i] >> shift, deathWeight[i]);
  };
  const join = (i: number) => {
    const o = SUMS * i;
    const dBelow = fenwickSumBelow(deaths, rank[i] >> shift) + sums[o + 2];
    const dEqual = sums[o + 3];
    inf0[i] -= dBelow;
    inf1[i] -= total[1] - dBelow - dEqual;
    inf2[i] -= dEqual;
    // every subject against all the stratum's deaths
    inf0[i] += sums[o + 4];
    inf1[i] += allDeaths - sums[o + 4] - sums[o + 5];
    inf2[i] += sums[o + 5];
    total[0] += weight[i];
    fenwickAdd(atRisk, rank[i] >> shift, weight[i]);
  };
  let utime = timewt.length;
  for (let i = start; i < end; ) {
    if (event[i] === 0) {
      join(i);
      i++;
      continue;
    }
    const tw = timewt[--utime];
    let j = i + 1;
    while (j < end && time[j] === time[i] && event[j] === 1) j++;
    if (j === i + 1) {
      against(i, tw);
      addDeath(i);
      join(i);
    } else {
      // tied-time pair counts; deaths at the same time are not compared with each other
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
        against(k, tw);
        addDeath(k);
      }
      for (let k = i; k < j; k++) join(k);
    }
    i = j;
  }
}
