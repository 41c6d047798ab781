import { Logger } from '@nestjs/common';

interface InFlightRequest {
  /** Read when needed: the request id is given to the request after it is registered. */
  requestId(): string | undefined;
}

/** Requests the process has begun and not yet answered (or lost the client of). */
const inFlight = new Set<InFlightRequest>();

/** How many in-flight request ids a last-resort log line lists. */
const LISTED = 10;

/**
 * Registers an HTTP request as in flight until the returned function is called (when its
 * response closes), so that a failure nothing else caught can be logged with the requests it may
 * belong to.
 *
 * Not an AsyncLocalStorage scope, which would say exactly which request a stray callback came
 * from: on Node 20 a scope turns on async_hooks' promise hooks for every promise the process
 * makes, and that cost about 100 µs of CPU per request, a seventh of a simple query's
 * (`npm run bench:request`, the README's *Request-path benchmark*). When one request is in
 * flight, as on a quiet server, the log names it; under load it lists the candidates.
 */
export function trackRequest(requestId: () => string | undefined): () => void {
  const request: InFlightRequest = { requestId };
  inFlight.add(request);
  return () => void inFlight.delete(request);
}

/** Where a last-resort failure may have come from, as the log line says it. */
export function inFlightRequests(): string {
  const ids = [...inFlight].map((r) => r.requestId() ?? '(id not yet given)');
  if (ids.length === 0) return ' (no request in flight)';
  if (ids.length === 1) return ` during request ${ids[0]}`;
  const listed = ids.slice(0, LISTED).join(', ');
  return ` while ${ids.length} requests were in flight (${listed}${ids.length > LISTED ? ', …' : ''})`;
}

/**
 * The last resort of a long-running process (the API, the worker): an exception nothing caught,
 * or a promise rejected with no one listening, is logged — with the requests in flight — and
 * the process keeps serving its other requests and jobs. Every known failure has its own handling;
 * this is for the unknown ones, which one request must not turn into an outage for everyone. A
 * supervisor (see the README) still restarts the process should it end all the same.
 * Returns a function that removes the handlers.
 */
export function installLastResortHandlers(processName: string, logger = new Logger('LastResort')): () => void {
  const describe = (kind: string, error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    return `${kind} in the ${processName}${inFlightRequests()}; still serving. ${detail}`;
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
