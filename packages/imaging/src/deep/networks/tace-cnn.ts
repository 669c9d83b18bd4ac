import { assertInteger, createRng, TaceError } from '@tace/core';
import { encodeOnnxModel } from '../onnx-writer/encode-onnx-model.js';
import { intAttribute, intsAttribute, OnnxGraphBuilder } from '../onnx-writer/graph-builder.js';
import { addConv3d, addLinear } from './layers.js';

function fittedHead(
  b: OnnxGraphBuilder,
  embedding: string,
  head: { weight: ArrayLike<number>; bias: number },
  width: number,
): string {
  if (head.weight.length !== width || !Number.isFinite(head.bias)) {
    throw new TaceError('INVALID_ARGUMENT', `head.weight must have ${width} values and head.bias be finite`, {
      param: 'head',
    });
  }
  const weight = b.initializer('head.weight', [1, width], Float32Array.from(head.weight));
  const bias = b.initializer('head.bias', [1], Float32Array.of(head.bias));
  return b.node('Gemm', [embedding, weight, bias], { transB: intAttribute(1) });
}

/**
 * Options of {@link buildTaceCnn}. The defaults give the shipped model's convolutions; the shipped file also
 * passes `head` and `description` from `models/tace-cnn-v1.head.json`.
 */
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
  /**
   * Weights of the linear risk head (`risk = embedding . weight + bias`), e.g. a Cox head fitted on the
   * embedding ({@link fitCoxHead}). Default: drawn from the seeded generator after the convolutions
   * (an untrained read-out). The convolution weights do not depend on this option.
   */
  head?: { weight: ArrayLike<number>; bias: number };
  /** Extra text for the model's doc string (e.g. how the head was fitted). @default '' */
  description?: string;
}

/**
 * Builds the project's small 3D CNN as ONNX bytes:
 *
 * `input [N, C, S, S, S]` -> Conv3d(C->w1, 3x3x3, pad 1) -> ReLU -> MaxPool(2x2x2, stride 2)
 * -> Conv3d(w1->w2, 3x3x3, pad 1) -> ReLU -> GlobalAveragePool -> Flatten -> **`embedding` [N, w2]**
 * -> Gemm(w2->1) -> **`risk` [N, 1]**.
 *
 * Weights are drawn from core's seeded generator (He-normal convolutions, N(0, 1/w2) head) in the order
 * conv1.weight, conv1.bias, conv2.weight, conv2.bias (then head.weight, head.bias unless `head` is given), so
 * the file is byte-for-byte reproducible. The convolutions are **not trained**: the embedding is a fixed
 * random convolutional feature map. The shipped file passes a `head` fitted by `models/build-tace-cnn.ts`
 * (a ridge Cox head on the synthetic training cohort, see `tace-cnn-v1.head.json`).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for non-integer sizes or an odd crop size.
 * @example
 * ```ts
 * const head = JSON.parse(readFileSync('models/tace-cnn-v1.head.json', 'utf8'));
 * writeFileSync('tace-cnn-v1.onnx', buildTaceCnn({ head, description: head.modelDescription }));
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
  const risk =
    options.head === undefined
      ? addLinear(b, embedding, rng, { name: 'head', inFeatures: width2, outFeatures: 1 })
      : fittedHead(b, embedding, options.head, width2);
  b.output('embedding', embedding, ['N', width2]);
  b.output('risk', risk, ['N', 1]);
  return encodeOnnxModel(
    b.build({
      opsetVersion: 17,
      producerVersion: '1',
      docString:
        `TACE CNN v1: 3D CNN with seeded random convolutions (seed ${seed}); embedding = GAP of conv2; risk = ${
          options.head === undefined ? 'seeded random (untrained) linear head' : 'given linear head'
        }. ${options.description ?? ''}`.trim(),
      metadata: {
        'tace.model': 'tace-cnn-v1',
        'tace.seed': String(seed),
        'tace.head': options.head === undefined ? 'random' : 'given',
      },
    }),
  );
}
