/**
 * A Fenwick (binary indexed) tree of weights over ranks 0..n-1: O(log n) add and prefix sum.
 * Used for O(n log n) concordance counting.
 */
export class FenwickTree {
  private readonly tree: Float64Array;
  /** Weight stored at each rank (not cumulative). */
  readonly node: Float64Array;
  /** Sum of all weights added. */
  total = 0;

  constructor(readonly size: number) {
    this.tree = new Float64Array(size + 1);
    this.node = new Float64Array(size);
  }

  /** Adds `weight` at `rank`. */
  add(rank: number, weight: number): void {
    this.node[rank] += weight;
    this.total += weight;
    for (let i = rank + 1; i <= this.size; i += i & -i) this.tree[i] += weight;
  }

  /** Removes every weight. */
  clear(): void {
    this.tree.fill(0);
    this.node.fill(0);
    this.total = 0;
  }

  /** Sum of the weights at ranks strictly below `rank`. */
  sumBelow(rank: number): number {
    let s = 0;
    for (let i = rank; i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }
}
