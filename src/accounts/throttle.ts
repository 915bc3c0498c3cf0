// Sliding-window rate limits kept in the database, so they hold across restarts and several server processes.
import type { AccountsStore } from './store.ts';
import type { Limit } from './policy.ts';

export interface ThrottleState {
  limited: boolean;
  /** Seconds until one more attempt is allowed (0 when not limited). */
  retryAfter: number;
}

export class Throttle {
  constructor(private readonly sql: AccountsStore, private readonly now: () => Date) {}

  async check(bucket: string, key: string, limit: Limit): Promise<ThrottleState> {
    const now = this.now().getTime();
    const { count, oldest } = await this.sql.hits(bucket, key, new Date(now - limit.windowMs).toISOString());
    if (count < limit.max || !oldest) return { limited: false, retryAfter: 0 };
    return { limited: true, retryAfter: Math.max(1, Math.ceil((Date.parse(oldest) + limit.windowMs - now) / 1000)) };
  }

  hit(bucket: string, key: string): Promise<void> {
    return this.sql.hit(bucket, key, this.now().toISOString());
  }

  clear(bucket: string, key: string): Promise<void> {
    return this.sql.clearHits(bucket, key);
  }
}
