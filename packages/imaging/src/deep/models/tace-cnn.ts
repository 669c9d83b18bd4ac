import { assertInteger, createRng } from '@tace/core';
import { encodeOnnxModel, intAttribute, intsAttribute, OnnxGraphBuilder } from '../onnx-writer/index.js';
import { addConv3d, addLinear } from './layers.js';

/** Options of {@link buildTaceCnn}. Defaults give the shipped `tace-cnn-v1.onnx`. */
export interface TaceCnnOptions {
  /** Input channels (one per contrast phase). @default 2 */
  inChannels?: number;
  /** Edge of the cubic input crop in voxels (must be even). @default 32 */
  cropSize?: number;
  /** Channels of the first convolution. @default 8 */
  width1?: number;
  /** Channels of the second convolution = embedding size. @default 16 */
  width2?: number;
  /** Seed of core's `createRng` for every weight. @default 20240801 */
  seed?: number;
}

/**
 * Builds the project's small 3D CNN as ONNX bytes:
 *
 * `input [N, C, S, S, S]` -> Conv3d(C->w1, 3x3x3, pad 1) -> ReLU -> MaxPool(2x2x2, stride 2)
 * -> Conv3d(w1->w2, 3x3x3, pad 1) -> ReLU -> GlobalAveragePool -> Flatten -> **`embedding` [N, w2]**
 * -> Gemm(w2->1) -> **`risk` [N, 1]**.
 *
 * Weights are drawn from core's seeded generator (He-normal convolutions, N(0, 1/w2) head) in the order
 * conv1.weight, conv1.bias, conv2.weight, conv2.bias, head.weight, head.bias, so the file is byte-for-byte
 * reproducible. The weights are **not trained**: the embedding is a fixed random convolutional feature map
 * (fit a survival head on it, e.g. {@link fitCoxHead}); `risk` is an untrained linear read-out kept so that
 * the two-output interface can be exercised end to end.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for non-integer sizes or an odd crop size.
 * @example
 * ```ts
 * writeFileSync('tace-cnn-v1.onnx', buildTaceCnn());
 * ```
 */
export function buildTaceCnn(options: TaceCnnOptions = {}): Uint8Array {
  const { inChannels = 2, cropSize = 32, width1 = 8, width2 = 16, seed = 20240801 } = options;
  assertInteger(inChannels, 'inChannels', 1);
  assertInteger(width1, 'width1', 1);
  assertInteger(width2, 'width2', 1);
  assertInteger(cropSize / 2, 'cropSize / 2', 1);
  const rng = createRng(seed);
  const b = new OnnxGraphBuilder('tace-cnn');
  const x = b.input('image', ['N', inChannels, cropSize, cropSize, cropSize]);
  const c1 = addConv3d(b, x, rng, {
    name: 'conv1',
    inChannels,
    outChannels: width1,
    kernel: [3, 3, 3],
    pad: [1, 1, 1],
  });
  const r1 = b.node('Relu', [c1]);
  const p1 = b.node('MaxPool', [r1], {
    kernel_shape: intsAttribute([2, 2, 2]),
    strides: intsAttribute([2, 2, 2]),
  });
  const c2 = addConv3d(b, p1, rng, {
    name: 'conv2',
    inChannels: width1,
    outChannels: width2,
    kernel: [3, 3, 3],
    pad: [1, 1, 1],
  });
  const r2 = b.node('Relu', [c2]);
  const gap = b.node('GlobalAveragePool', [r2]);
  const embedding = b.node('Flatten', [gap], { axis: intAttribute(1) }, 'embedding');
  const risk = addLinear(b, embedding, rng, { name: 'head', inFeatures: width2, outFeatures: 1 });
  b.output('embedding', embedding, ['N', width2]);
  b.output('risk', risk, ['N', 1]);
  return encodeOnnxModel(
    b.build({
      opsetVersion: 17,
      producerVersion: '1',
      docString: `TACE CNN v1: seeded random 3D CNN (seed ${seed}); embedding = GAP of conv2; risk = linear head. Untrained.`,
      metadata: { 'tace.model': 'tace-cnn-v1', 'tace.seed': String(seed) },
    }),
  );
}
