import { Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestScope {
  /** Read when needed: the request id is given to the request after its scope begins. */
  requestId(): string | undefined;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `next` (the rest of an HTTP request's handling) in a scope that knows the request's id,
 * so a failure nothing else caught can still be logged with it. The scope follows the request's
 * own callbacks, promises and timers; events of its socket (e.g. a stream's 'error') run outside it.
 */
export function runInRequestScope<T>(requestId: () => string | undefined, next: () => T): T {
  return requestScope.run({ requestId }, next);
}

/** The id of the HTTP request whose work is running now, when there is one and it is known. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId();
}

/**
 * The last resort of a long-running process (the API, the worker): an exception nothing caught,
 * or a promise rejected with no one listening, is logged — with the request id when known — and
 * the process keeps serving its other requests and jobs. Every known failure has its own handling;
 * this is for the unknown ones, which one request must not turn into an outage for everyone. A
 * supervisor (see the README) still restarts the process should it end all the same.
 * Returns a function that removes the handlers.
 */
export function installLastResortHandlers(processName: string, logger = new Logger('LastResort')): () => void {
  const describe = (kind: string, error: unknown) => {
    const requestId = currentRequestId();
    const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    return `${kind} in the ${processName}${requestId ? ` during request ${requestId}` : ' (no request known)'}; still serving. ${detail}`;
  };
  const onException = (error: unknown) => logger.error(describe('uncaught exception', error));
  const onRejection = (reason: unknown) => logger.error(describe('unhandled promise rejection', reason));
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
