import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { assertOriginAllowed } from './origin-policy.js';
import { isSafeMethod } from './safe-methods.js';

/** Every API write, signed in or not (a forged sign-in is an attack too), passes the tenant's Origin rule. */
export function originGuard(pool: pg.Pool) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    if (!isSafeMethod(req.method) && req.tenant) await assertOriginAllowed(pool, req.tenant.id, req.headers);
    next();
  };
}
