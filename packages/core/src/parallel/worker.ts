// Worker thread entry for parallelMap: loads the task module once, then runs each item it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResultMessage, TaskMessage, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;

function describeError(index: number, error: unknown): ResultMessage {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return {
    index,
    ok: false,
    error: {
      name: e.name,
      message: e.message,
      stack: e.stack,
      code: typeof code === 'string' ? code : undefined,
    },
  };
}

try {
  const module = (await import(setup.moduleUrl)) as Record<string, unknown>;
  const task = module[setup.exportName];
  if (typeof task !== 'function') {
    throw new Error(`module ${setup.moduleUrl} has no exported function '${setup.exportName}'`);
  }
  port.on('message', async (message: TaskMessage) => {
    try {
      const value = await (task as (item: unknown, index: number, context: unknown) => unknown)(
        message.item,
        message.index,
        setup.context,
      );
      port.postMessage({ index: message.index, ok: true, value } satisfies ResultMessage);
    } catch (error) {
      port.postMessage(describeError(message.index, error));
    }
  });
  port.postMessage({ index: -1, ok: true, value: 'ready' } satisfies ResultMessage);
} catch (error) {
  port.postMessage(describeError(-1, error));
}
