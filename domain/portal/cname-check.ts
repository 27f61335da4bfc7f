import type { CustomHostnameRow, CustomHostnameStatus } from '../../db/repositories/custom-hostnames.js';

/** The one DNS question Portico asks; `dns.promises.Resolver` answers it, and tests stub it. */
export type CnameResolver = { resolveCname(hostname: string): Promise<string[]> };

/** What DNS said: the record points to the generated hostname, points elsewhere or is missing, or no answer came. */
export type CnameVerdict = { kind: 'match' } | { kind: 'mismatch'; error: string } | { kind: 'unanswered'; error: string };

// Answers that say the record is not there; any other failure (timeout, refused, server failure) says nothing about it.
const NO_RECORD_CODES = new Set(['ENODATA', 'ENOTFOUND']);

const bare = (name: string) => name.toLowerCase().replace(/\.$/, '');

export async function lookUpCname(resolver: CnameResolver, hostname: string, expected: string): Promise<CnameVerdict> {
  let targets: string[];
  try {
    targets = (await resolver.resolveCname(hostname)).map(bare);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && NO_RECORD_CODES.has(code)) return { kind: 'mismatch', error: `no CNAME record for ${hostname} (${code})` };
    return { kind: 'unanswered', error: `DNS lookup of ${hostname} failed (${typeof code === 'string' ? code : 'no answer'})` };
  }
  if (targets.includes(bare(expected))) return { kind: 'match' };
  if (targets.length === 0) return { kind: 'mismatch', error: `no CNAME record for ${hostname}` };
  return { kind: 'mismatch', error: `the CNAME record of ${hostname} points to ${targets.join(', ')}, not to ${bare(expected)}` };
}

/** An active hostname is dropped only after this many checks in a row find the record gone, so one bad answer does not take a portal down. */
export const MISSES_BEFORE_FAILED = 3;
/** A hostname whose record never appeared is shown as failed after this long; it is still checked and may still become active. */
export const PENDING_DAYS_BEFORE_FAILED = 7;

export type HostnameState = { status: CustomHostnameStatus; misses: number; error: string | null };

/** Where a custom hostname stands after a check. */
export function stateAfterCheck(row: Pick<CustomHostnameRow, 'status' | 'misses' | 'created_at'>, verdict: CnameVerdict, now: Date): HostnameState {
  if (verdict.kind === 'match') return { status: 'active', misses: 0, error: null };
  if (verdict.kind === 'unanswered') return { status: row.status, misses: row.misses, error: verdict.error };
  if (row.status === 'active') {
    const misses = row.misses + 1;
    return { status: misses >= MISSES_BEFORE_FAILED ? 'failed' : 'active', misses, error: verdict.error };
  }
  const waitedTooLong = now.getTime() - row.created_at.getTime() > PENDING_DAYS_BEFORE_FAILED * 86_400_000;
  return { status: row.status === 'pending' && !waitedTooLong ? 'pending' : 'failed', misses: row.misses + 1, error: verdict.error };
}
