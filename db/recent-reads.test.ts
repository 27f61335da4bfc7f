import { describe, expect, it, jest } from '@jest/globals';
import { readRecently } from './recent-reads.js';
import type { Queryable } from './transaction.js';

const database = (): Queryable => ({ query: jest.fn() }) as unknown as Queryable;

describe('readRecently', () => {
  it('answers a tenant from memory until the time is up, each database and tenant apart', async () => {
    const read = jest.fn(async (_q: Queryable, tenantId: string) => `${tenantId}:${read.mock.calls.length}`);
    const cached = readRecently(read, 50);
    const [one, two] = [database(), database()];
    await expect(cached(one, 'a')).resolves.toBe('a:1');
    await expect(cached(one, 'a')).resolves.toBe('a:1');
    await expect(cached(one, 'b')).resolves.toBe('b:2');
    await expect(cached(two, 'a')).resolves.toBe('a:3');
    await new Promise((resolve) => setTimeout(resolve, 80));
    await expect(cached(one, 'a')).resolves.toBe('a:4');
  });

  it('keeps no failed read', async () => {
    const read = jest.fn<(q: Queryable, tenantId: string) => Promise<string>>().mockRejectedValueOnce(new Error('down')).mockResolvedValue('up');
    const cached = readRecently(read, 60_000);
    const q = database();
    await expect(cached(q, 'a')).rejects.toThrow('down');
    await expect(cached(q, 'a')).resolves.toBe('up');
    expect(read).toHaveBeenCalledTimes(2);
  });
});
