export type { Conv3dLayer } from './layers.js';
export { addConv3d, addLinear, normalWeights } from './layers.js';
export type { ResNet3dOptions } from './resnet3d.js';
export { buildResNet3d18 } from './resnet3d.js';
export type { TaceCnnOptions } from './tace-cnn.js';
export { buildTaceCnn } from './tace-cnn.js';
