/**
 * The reading end of a live feed as an async iterator: `take()` hands over what is ready
 * (undefined: nothing yet), the producer calls `notify()` when it adds something, and the
 * reader's `return()` (unsubscribe) or the producer's `close()` ends it, calling `onClose` once.
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly take: () => T | undefined,
    private readonly onClose: () => void,
  ) {}

  notify(): void {
    this.wake?.();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    this.wake?.();
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const value = this.take();
      if (value !== undefined) return { value, done: false };
      if (this.closed) return { value: undefined, done: true };
      await new Promise<void>((r) => (this.wake = r));
      this.wake = null;
    }
  }

  async return(): Promise<IteratorResult<T>> {
    this.close();
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<T>> {
    this.close();
    throw err;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
