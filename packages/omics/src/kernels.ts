/**
 * Array-level kernels of @tace/omics (see the package README, "Two levels").
 * @module
 */
export {};
