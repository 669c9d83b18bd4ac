// A plain-JavaScript task module for the calling-context tests (no TypeScript loader needed in the worker).
export function square(item) {
  return item * item;
}
