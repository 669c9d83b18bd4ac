import { type Rng, randomNormal } from '@tace/core';
import { intAttribute, intsAttribute, type OnnxGraphBuilder } from '../onnx-writer/graph-builder.js';

/** Options of {@link addConv3d}. */
export interface Conv3dLayer {
  /** Prefix of the weight names (`<name>.weight`, `<name>.bias`). */
  name: string;
  inChannels: number;
  outChannels: number;
  /** Kernel [kd, kh, kw]. */
  kernel: [number, number, number];
  /** Strides [sd, sh, sw]. Default [1, 1, 1]. */
  stride?: [number, number, number];
  /** Symmetric zero padding [pd, ph, pw]. Default [0, 0, 0]. */
  pad?: [number, number, number];
}

/**
 * Samples `count` weights from N(0, sd^2) with core's seeded generator (He initialisation uses
 * sd = sqrt(2 / fanIn)).
 */
export function normalWeights(rng: Rng, count: number, sd: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = randomNormal(rng, 0, sd);
  return out;
}

/**
 * Adds an ONNX `Conv` over NCDHW with He-normal weights (sd = sqrt(2 / (inChannels * kd * kh * kw))) and
 * biases N(0, 0.05^2), drawn in that order from `rng`. Returns the output value name.
 */
export function addConv3d(b: OnnxGraphBuilder, x: string, rng: Rng, layer: Conv3dLayer): string {
  const [kd, kh, kw] = layer.kernel;
  const fanIn = layer.inChannels * kd * kh * kw;
  const weight = b.initializer(
    `${layer.name}.weight`,
    [layer.outChannels, layer.inChannels, kd, kh, kw],
    normalWeights(rng, layer.outChannels * fanIn, Math.sqrt(2 / fanIn)),
  );
  const bias = b.initializer(
    `${layer.name}.bias`,
    [layer.outChannels],
    normalWeights(rng, layer.outChannels, 0.05),
  );
  const [pd, ph, pw] = layer.pad ?? [0, 0, 0];
  return b.node('Conv', [x, weight, bias], {
    kernel_shape: intsAttribute(layer.kernel),
    strides: intsAttribute(layer.stride ?? [1, 1, 1]),
    pads: intsAttribute([pd, ph, pw, pd, ph, pw]),
    group: intAttribute(1),
    dilations: intsAttribute([1, 1, 1]),
  });
}

/**
 * Adds a fully connected layer `y = x W^T + b` (ONNX `Gemm`, transB = 1) with weights N(0, 1 / inFeatures)
 * and biases N(0, 0.05^2) drawn from `rng`. Returns the output value name.
 */
export function addLinear(
  b: OnnxGraphBuilder,
  x: string,
  rng: Rng,
  layer: { name: string; inFeatures: number; outFeatures: number },
): string {
  const weight = b.initializer(
    `${layer.name}.weight`,
    [layer.outFeatures, layer.inFeatures],
    normalWeights(rng, layer.outFeatures * layer.inFeatures, 1 / Math.sqrt(layer.inFeatures)),
  );
  const bias = b.initializer(
    `${layer.name}.bias`,
    [layer.outFeatures],
    normalWeights(rng, layer.outFeatures, 0.05),
  );
  return b.node('Gemm', [x, weight, bias], { transB: intAttribute(1) });
}
