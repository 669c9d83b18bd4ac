// Minimal typings for the parts of jstat the toolkit uses (jstat ships none; it is CommonJS).
declare module 'jstat' {
  interface ContinuousDistribution {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
    pdf(x: number, ...parameters: number[]): number;
  }
  const jstat: {
    jStat: {
      normal: ContinuousDistribution;
      chisquare: ContinuousDistribution;
      studentt: ContinuousDistribution;
      centralF: ContinuousDistribution;
      beta: ContinuousDistribution;
      gamma: ContinuousDistribution;
      gammaln(x: number): number;
      ibeta(x: number, a: number, b: number): number;
      lowRegGamma(a: number, x: number): number;
    };
  };
  export default jstat;
}
