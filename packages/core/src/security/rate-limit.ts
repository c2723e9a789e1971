import { GongzhiError } from '@gongzhi/plugin-sdk';

/** Fixed one-minute windows per key; in-process (one gateway) by default. */
export interface RateLimiter {
  /** Counts a hit; true while the key is within its limit. */
  hit(key: string, limit: number): Promise<boolean>;
}

export class MemoryRateLimiter implements RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  async hit(key: string, limit: number): Promise<boolean> {
    const w = Math.floor(Date.now() / 60_000);
    if (w !== this.window) {
      this.window = w;
      this.counts = new Map();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n <= limit;
  }
}

/** Shared by every gateway through Redis (INCR + PEXPIRE on a per-minute key). */
export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly redis: { incr(k: string): Promise<number>; pexpire(k: string, ms: number): Promise<unknown> }) {}

  async hit(key: string, limit: number): Promise<boolean> {
    const k = `gz:rl:${Math.floor(Date.now() / 60_000)}:${key}`;
    const n = await this.redis.incr(k);
    if (n === 1) await this.redis.pexpire(k, 61_000);
    return n <= limit;
  }
}

export const rateLimited = () => {
  const e = new GongzhiError('RATE_LIMITED', 'Too many requests; try again in a minute');
  (e.extensions as Record<string, unknown>).http = { status: 429 };
  return e;
};

/** Redis when it answers, this process's counts when it does not: the gateway keeps serving. */
export class FallbackRateLimiter implements RateLimiter {
  constructor(private readonly primary: RateLimiter, private readonly fallback: RateLimiter, private readonly onFallback: (e: unknown) => void) {}

  async hit(key: string, limit: number): Promise<boolean> {
    try {
      return await this.primary.hit(key, limit);
    } catch (e) {
      this.onFallback(e);
      return this.fallback.hit(key, limit);
    }
  }
}
