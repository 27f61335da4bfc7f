import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { assertOriginAllowed } from './origin-policy.js';
import { isSafeMethod } from './safe-methods.js';

/**
 * Every API write, signed in or not (a forged sign-in is an attack too), passes the tenant's Origin rule; so does every
 * request that carries a bearer token, reads included: the token belongs to the widget on a page the tenant trusts,
 * and a page elsewhere that got hold of one gets nothing with it.
 */
export function originGuard(pool: pg.Pool) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const checked = !isSafeMethod(req.method) || req.headers.authorization !== undefined;
    if (checked && req.tenant) await assertOriginAllowed(pool, req.tenant.id, req.headers);
    next();
  };
}
