/** Data every worker starts with. */
export interface WorkerSetup {
  /** File URL of the module holding the task function. */
  moduleUrl: string;
  /** Name of the exported task function: `(item, index, context) => result | Promise<result>`. */
  exportName: string;
  /** Shared read-only context passed to every call (structured-cloned once per worker). */
  context: unknown;
}

/** Main thread -> worker: run one item. */
export interface TaskMessage {
  index: number;
  item: unknown;
}

/** Worker -> main thread: the outcome of one item (index -1: the module or export could not be loaded). */
export type ResultMessage =
  | { index: number; ok: true; value: unknown }
  | { index: number; ok: false; error: { name: string; message: string; stack?: string; code?: string } };
