export interface SerialTaskOptions {
  /** Re-runs the pass this often as a safety net behind the push signals (0: never). */
  periodMs?: number;
  /**
   * The safety net runs only this long after the last activity (`poke`/`touch`): with no
   * activity nothing can have been missed, so an idle process sends no statement at all.
   */
  quietAfterMs?: number;
}

/**
 * Runs an async pass one at a time: pokes while a pass runs coalesce into one more pass,
 * and a period re-runs it while there was recent activity (the safety net behind every push signal).
 */
export class SerialTask {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private lastActivity = 0;
  private readonly periodMs: number;
  private readonly quietAfterMs: number;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly onError: (e: unknown) => void,
    options: SerialTaskOptions = {},
  ) {
    this.periodMs = options.periodMs ?? 0;
    this.quietAfterMs = options.quietAfterMs ?? Infinity;
  }

  /** Runs one pass now and starts the safety net. */
  start(): void {
    this.stopped = false;
    this.poke();
  }

  /** Activity: runs soon (many pokes during a pass make one more pass) and keeps the safety net on. */
  poke(): void {
    this.touch();
    this.run();
  }

  /** Activity without a pass now: the safety net keeps running for `quietAfterMs`. */
  touch(): void {
    this.lastActivity = Date.now();
    this.arm();
  }

  /** Waits for the pass in flight, then runs one more to completion. */
  async flush(): Promise<void> {
    if (this.running) await this.running;
    await this.pass();
  }

  /** No more passes after this; waits for the one in flight, then runs a final one. */
  async stop(final = true): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) await this.running;
    if (final) await this.pass().catch(this.onError);
  }

  private run(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.run();
        }
      });
  }

  private arm(): void {
    if (this.stopped || this.timer || this.periodMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopped || Date.now() - this.lastActivity > this.quietAfterMs) return; // idle: wait for the next activity
      this.run();
      this.arm();
    }, this.periodMs);
    this.timer.unref();
  }
}
