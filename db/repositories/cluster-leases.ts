import type { Queryable } from '../transaction.js';

/** Takes the lease, or renews it for its holder; false while another node holds it and it has not expired. */
export async function takeLease(q: Queryable, name: string, holder: string, seconds: number): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO cluster_leases (name, holder, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
     WHERE cluster_leases.holder = EXCLUDED.holder OR cluster_leases.expires_at < now()
     RETURNING name`,
    [name, holder, seconds],
  );
  return rowCount === 1;
}

export async function releaseLease(q: Queryable, name: string, holder: string): Promise<void> {
  await q.query('DELETE FROM cluster_leases WHERE name = $1 AND holder = $2', [name, holder]);
}
