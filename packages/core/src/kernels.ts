/**
 * Array-level kernels of @tace/core (see the package README, "Two levels").
 * @module
 */
export {};
