import { assertInteger, createRng, type Rng } from '@tace/core';
import { encodeOnnxModel } from '../onnx-writer/encode-onnx-model.js';
import { intAttribute, OnnxGraphBuilder } from '../onnx-writer/graph-builder.js';
import { addConv3d, addLinear } from './layers.js';

/** Options of {@link buildResNet3d18}. */
export interface ResNet3dOptions {
  /** Input channels. @default 2 */
  inChannels?: number;
  /** Cubic input edge in voxels (the graph is declared with this static spatial size). @default 64 */
  cropSize?: number;
  /** Embedding (last stage) width; stage widths are w/8, w/4, w/2, w. @default 512 */
  width?: number;
  /** Weight seed (core's `createRng`). @default 1 */
  seed?: number;
}

/**
 * Builds a randomly initialised 3D ResNet-18 (the torchvision `r3d_18` layout: stem Conv3d 3x7x7 stride
 * (1, 2, 2), four stages of two BasicBlocks with 3x3x3 convolutions, stride 2 and a 1x1x1 projection at the
 * start of stages 2-4, global average pooling) as ONNX, with outputs `embedding` [N, width] and `risk`
 * [N, 1]. Batch normalisation is assumed folded into the convolution biases (inference form). About 33
 * million parameters at the default width: meant for timing and integration tests, not for prediction.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for non-integer sizes or a width not divisible by 8.
 * @example
 * ```ts
 * const bytes = buildResNet3d18({ cropSize: 64 });
 * ```
 */
export function buildResNet3d18(options: ResNet3dOptions = {}): Uint8Array {
  const { inChannels = 2, cropSize = 64, width = 512, seed = 1 } = options;
  assertInteger(inChannels, 'inChannels', 1);
  assertInteger(cropSize, 'cropSize', 8);
  assertInteger(width / 8, 'width / 8', 1);
  const rng = createRng(seed);
  const b = new OnnxGraphBuilder('resnet3d-18');
  const input = b.input('image', ['N', inChannels, cropSize, cropSize, cropSize]);
  const stemWidth = width / 8;
  let x = addConv3d(b, input, rng, {
    name: 'stem',
    inChannels,
    outChannels: stemWidth,
    kernel: [3, 7, 7],
    stride: [1, 2, 2],
    pad: [1, 3, 3],
  });
  x = b.node('Relu', [x]);
  let channels = stemWidth;
  for (let stage = 0; stage < 4; stage++) {
    const outChannels = stemWidth << stage;
    for (let block = 0; block < 2; block++) {
      const stride = stage > 0 && block === 0 ? 2 : 1;
      x = basicBlock(b, x, rng, `layer${stage + 1}.${block}`, channels, outChannels, stride);
      channels = outChannels;
    }
  }
  const gap = b.node('GlobalAveragePool', [x]);
  const embedding = b.node('Flatten', [gap], { axis: intAttribute(1) }, 'embedding');
  const risk = addLinear(b, embedding, rng, { name: 'fc', inFeatures: channels, outFeatures: 1 });
  b.output('embedding', embedding, ['N', channels]);
  b.output('risk', risk, ['N', 1]);
  return encodeOnnxModel(b.build({ opsetVersion: 17, docString: `random 3D ResNet-18 (seed ${seed})` }));
}

function basicBlock(
  b: OnnxGraphBuilder,
  x: string,
  rng: Rng,
  name: string,
  inChannels: number,
  outChannels: number,
  stride: number,
): string {
  const s: [number, number, number] = [stride, stride, stride];
  const conv1 = addConv3d(b, x, rng, {
    name: `${name}.conv1`,
    inChannels,
    outChannels,
    kernel: [3, 3, 3],
    stride: s,
    pad: [1, 1, 1],
  });
  const conv2 = addConv3d(b, b.node('Relu', [conv1]), rng, {
    name: `${name}.conv2`,
    inChannels: outChannels,
    outChannels,
    kernel: [3, 3, 3],
    pad: [1, 1, 1],
  });
  const shortcut =
    stride === 1 && inChannels === outChannels
      ? x
      : addConv3d(b, x, rng, {
          name: `${name}.downsample`,
          inChannels,
          outChannels,
          kernel: [1, 1, 1],
          stride: s,
        });
  return b.node('Relu', [b.node('Add', [conv2, shortcut])]);
}
