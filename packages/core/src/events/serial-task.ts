/**
 * Runs an async pass one at a time: pokes while a pass runs coalesce into one more pass,
 * and an optional period re-runs it (the safety net behind every push signal).
 */
export class SerialTask {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly onError: (e: unknown) => void,
    private readonly periodMs = 0,
  ) {}

  /** Starts the periodic pass (runs one now). */
  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.poke();
      this.timer = setTimeout(tick, this.periodMs);
      this.timer.unref();
    };
    if (this.periodMs > 0) tick();
  }

  /** Runs soon; many pokes during a pass make one more pass. */
  poke(): void {
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
          this.poke();
        }
      });
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
    if (this.running) await this.running;
    if (final) await this.pass().catch(this.onError);
  }
}
