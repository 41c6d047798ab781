/**
 * A first-in, first-out async mutex. With one shared connection (better-sqlite3), two units of
 * work must never interleave: a write issued while another transaction is open would run inside
 * it and vanish on its rollback. Every writer therefore queues here.
 */
export class FifoLock {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  get queued(): number {
    return this.waiting;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(async () => {
      try {
        return await work();
      } finally {
        this.waiting--;
      }
    });
    // The next holder waits for this one to settle, whatever its outcome.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
