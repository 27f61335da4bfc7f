import type { Logger } from 'pino';
import type { SessionTransport } from '../../db/repositories/sessions.js';
import type { TenantRow } from '../../db/repositories/tenants.js';
import type { Ctx } from '../../domain/context.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
      tenant?: TenantRow;
      ctx?: Ctx;
      sessionToken?: string;
      sessionTransport?: SessionTransport;
    }
  }
}

export {};
