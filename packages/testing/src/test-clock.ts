import type { Clock } from '@gongzhi/plugin-sdk';

/** One gateway's clock that its tests move: the real time until set, again after `set(null)`. */
export class TestClock implements Clock {
  private source: (() => Date) | null = null;

  constructor(at: Date | null = null) {
    this.set(at);
  }

  now(): Date {
    return this.source ? this.source() : new Date();
  }

  /** A fixed instant, a function of the real time, or null for the real time. */
  set(at: Date | (() => Date) | null): void {
    this.source = at instanceof Date ? () => new Date(at.getTime()) : at;
  }
}
