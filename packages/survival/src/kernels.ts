/**
 * Array-level kernels of @tace/survival (see the package README, "Two levels").
 * @module
 */
export {};
