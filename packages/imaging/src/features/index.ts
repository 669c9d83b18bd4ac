export { FIRSTORDER_FEATURES, firstOrderClass, firstOrderFeatures, percentileSorted } from './firstorder.js';
export { convexHull2D } from './shape/convex-hull.js';
export { type MeshDiameters, meshDiameters, meshVertices } from './shape/diameters.js';
export { type BinaryGrid, meshAreaVolume } from './shape/mesh.js';
export { principalMoments, symmetricEigenvalues3 } from './shape/principal-axes.js';
export { padMask, SHAPE_FEATURES, shapeClass, shapeFeatures } from './shape/shape.js';
export { SHAPE2D_FEATURES, shape2DClass, shape2DFeatures } from './shape2d.js';
