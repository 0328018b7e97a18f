/**
 * A fixed-window counter per key (a client address, a user), in this process's memory: enough to slow password
 * guessing and bulk exports from one source. Several dashboard processes each keep their own count; a reverse proxy
 * in front can limit across them (docs/security.md).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one request; the seconds to wait when over the limit, else null. */
  take(key: string, now = Date.now()): number | null {
    if (this.windows.size > 10_000) this.prune(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return null;
    }
    window.count++;
    return window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : null;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

/** Sign-in attempts per client address: above this, 429 before any password is checked. */
export const signInLimiter = new RateLimiter(20, 60_000);
/** File exports per user (ticket lists, calendars, briefings, the audit trail). */
export const exportLimiter = new RateLimiter(30, 10 * 60_000);
