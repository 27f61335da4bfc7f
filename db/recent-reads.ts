import { LRUCache } from 'lru-cache';
import type { Queryable } from './transaction.js';

const TENANTS_KEPT = 1000;

/**
 * A per-tenant read that every chat turn makes and that rarely changes (the tenant's hostnames, its enabled catalog for
 * reading app names), answered from memory for `ttlMs` after the database answered it, in each node on its own. A
 * change shows at most that much later, which only these readings can afford: what the policy decides (an install
 * request's app, for one) is read afresh from the database.
 */
export function readRecently<T>(read: (q: Queryable, tenantId: string) => Promise<T>, ttlMs: number): (q: Queryable, tenantId: string) => Promise<T> {
  const byDatabase = new WeakMap<Queryable, LRUCache<string, Promise<T>>>();
  return (q, tenantId) => {
    let cache = byDatabase.get(q);
    if (!cache) byDatabase.set(q, (cache = new LRUCache<string, Promise<T>>({ max: TENANTS_KEPT, ttl: ttlMs })));
    const kept = cache.get(tenantId);
    if (kept) return kept;
    const reading = read(q, tenantId);
    cache.set(tenantId, reading);
    reading.catch(() => cache.delete(tenantId));
    return reading;
  };
}
