import type pg from 'pg';
import type { EnrollRequest, EnrollResponse } from '../../device-agent/protocol.js';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { insertEnrolledDevice } from '../../db/repositories/devices.js';
import { useEnrollmentToken } from '../../db/repositories/enrollment-tokens.js';
import { withTransaction } from '../../db/transaction.js';
import { AppError } from '../errors.js';
import { hashToken, newToken } from './agent-token.js';

/** A device agent enrolls with a company's token and receives its own credentials; the token names the tenant. */
export async function enrollDevice(pool: pg.Pool, input: EnrollRequest): Promise<EnrollResponse> {
  return withTransaction(pool, async (client) => {
    const grant = await useEnrollmentToken(client, hashToken(input.token));
    if (!grant) throw new AppError('enrollment_token_invalid', 'unknown, used up, expired or revoked enrollment token');
    const agentToken = newToken('pat');
    const deviceId = await insertEnrolledDevice(client, grant.tenant_id, {
      companyId: grant.company_id,
      contactId: grant.contact_id,
      name: input.name,
      os: input.os,
      osVersion: input.osVersion ?? null,
      model: input.model ?? null,
      loggedInUser: input.loggedInUser ?? null,
      agentVersion: input.agentVersion,
      agentTokenHash: hashToken(agentToken),
    });
    await insertAuditEntry(client, grant.tenant_id, {
      actorKind: 'system',
      action: 'device.enrolled',
      targetKind: 'device',
      targetId: deviceId,
      details: { enrollmentTokenId: grant.id, name: input.name, os: input.os },
    });
    return { deviceId, agentToken };
  });
}
