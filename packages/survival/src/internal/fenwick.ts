/**
 * Two Fenwick (binary indexed) trees of weights over ranks 0..n-1 in one interleaved array, so that one walk
 * reads or updates both (the subjects at risk and the time-weighted deaths of concordance counting): O(log n)
 * add and prefix sums, one cache line per visited node for both.
 */
export class Fenwick2 {
  private readonly tree: Float64Array;
  /** Weights stored at each rank (not cumulative). */
  readonly nodeAll: Float64Array;
  readonly nodeDeaths: Float64Array;
  /** Sums of all weights added. */
  totalAll = 0;
  totalDeaths = 0;

  constructor(readonly size: number) {
    this.tree = new Float64Array(2 * (size + 1));
    this.nodeAll = new Float64Array(size);
    this.nodeDeaths = new Float64Array(size);
  }

  /** Adds `all` and `deaths` at `rank`. */
  add(rank: number, all: number, deaths: number): void {
    this.nodeAll[rank] += all;
    this.nodeDeaths[rank] += deaths;
    this.totalAll += all;
    this.totalDeaths += deaths;
    const tree = this.tree;
    for (let i = rank + 1; i <= this.size; i += i & -i) {
      tree[2 * i] += all;
      tree[2 * i + 1] += deaths;
    }
  }

  /** Sets rank `rank` back to zero weights (totals are left to the caller, see {@link Fenwick2.clear}). */
  remove(rank: number): void {
    const all = this.nodeAll[rank];
    const deaths = this.nodeDeaths[rank];
    if (all !== 0 || deaths !== 0) this.add(rank, -all, -deaths);
  }

  /** Removes every weight. */
  clear(): void {
    this.tree.fill(0);
    this.nodeAll.fill(0);
    this.nodeDeaths.fill(0);
    this.totalAll = 0;
    this.totalDeaths = 0;
  }

  /** Sums of the weights at ranks strictly below `rank`: `out[0]` at risk, `out[1]` deaths. */
  sumBelow(rank: number, out: Float64Array): void {
    const tree = this.tree;
    let a = 0;
    let d = 0;
    for (let i = rank; i > 0; i -= i & -i) {
      a += tree[2 * i];
      d += tree[2 * i + 1];
    }
    out[0] = a;
    out[1] = d;
  }
}
