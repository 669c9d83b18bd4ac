/**
 * Array-level kernels of @tace/imaging (see the package README, "Two levels").
 * @module
 */
export {};
