import type pg from 'pg';
import { releaseLease, takeLease } from '../db/repositories/cluster-leases.js';

export type RenewedLease = {
  /** Stops renewing, once the turn under way has ended. */
  halt(): Promise<void>;
  /** Gives the lease up, for another node to take at once. */
  release(): Promise<void>;
};

/**
 * Takes a lease now and again every `everyMs`, one turn after another, until halted: each turn tells `turn` whether
 * this holder has it (false too when the database did not answer, which goes to `failed` first). A turn that ends after
 * the halt tells nothing.
 */
export function renewLease(
  pool: pg.Pool,
  lease: { name: string; holder: string; seconds: number; everyMs: number },
  turn: (held: boolean) => Promise<void>,
  failed: (error: unknown) => void,
): RenewedLease {
  let halted = false;
  const once = async () => {
    const held = await takeLease(pool, lease.name, lease.holder, lease.seconds).catch((error: unknown) => (failed(error), false));
    if (!halted) await turn(held);
  };
  const logged = () => once().catch(failed);
  let current = logged();
  const timer = setInterval(() => (current = current.then(logged)), lease.everyMs);
  return {
    async halt() {
      halted = true;
      clearInterval(timer);
      await current;
    },
    release: () => releaseLease(pool, lease.name, lease.holder).catch(() => undefined),
  };
}
