import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, Response, Router } from 'express';
import * as z from 'zod';
import type { Ctx } from '../../domain/context.js';
import { AppError } from '../../domain/errors.js';
import { parseInput } from '../../domain/validation.js';
import { ErrorBodySchema } from './error-body.js';

type Access = 'public' | 'session';

type HandlerInput<B, Q, P, A extends Access> = {
  body: B;
  query: Q;
  params: P;
  ctx: A extends 'session' ? Ctx : Ctx | undefined;
  req: Request;
  res: Response;
};

export type RouteDefinition<
  B extends z.core.$ZodType,
  Q extends z.core.$ZodType,
  P extends z.core.$ZodType,
  R extends z.core.$ZodType,
  A extends Access,
> = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express style, e.g. /api/v1/tickets/:id */
  path: string;
  summary: string;
  tags: string[];
  access: A;
  body?: B;
  /** A media type the route takes besides JSON, as the raw bytes in `req.body`: its body schema is then not applied. */
  alsoAccepts?: string;
  query?: Q;
  params?: P;
  response?: R;
  status?: number;
  /** The route answers a file itself through `res`, not JSON: what the file is, for the OpenAPI document. */
  file?: string;
  /** Error statuses this route answers with, besides 400 and 401 which every route may. */
  errors?: number[];
  handler: (input: HandlerInput<z.infer<B>, z.infer<Q>, z.infer<P>, A>) => Promise<R extends z.core.$ZodType ? z.infer<R> : void>;
};

export type RouteOptions = { registry: OpenAPIRegistry; validateResponses: boolean };

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `error.details` lists the zod issues.',
  401: 'Not signed in, or bad credentials.',
  403: 'Not allowed, e.g. `section_disabled`.',
  404: 'Not found, or not visible to this user.',
  409: 'Conflicts with the current state.',
  413: 'Body too large.',
  410: 'No longer valid, e.g. `code_expired`.',
  415: 'Body is not JSON.',
  429: 'Throttled; see Retry-After.',
  502: 'An outside service failed, e.g. `sms_failed`.',
};

/** Mounts one route and registers the same schemas in the OpenAPI document, so the two cannot drift apart. */
export function defineRoute<
  B extends z.core.$ZodType = z.ZodUndefined,
  Q extends z.core.$ZodType = z.ZodUndefined,
  P extends z.core.$ZodType = z.ZodUndefined,
  R extends z.core.$ZodType = z.ZodVoid,
  A extends Access = 'session',
>(router: Router, options: RouteOptions, route: RouteDefinition<B, Q, P, R, A>): void {
  const status = route.status ?? (route.response || route.file ? 200 : 204);
  const errorStatuses = [...new Set([400, ...(route.access === 'session' ? [401] : []), ...(route.errors ?? [])])].sort();
  options.registry.registerPath({
    method: route.method,
    path: route.path.replace(/:([A-Za-z_]+)/g, '{$1}'),
    summary: route.summary,
    tags: route.tags,
    security: route.access === 'session' ? [{ sessionCookie: [] }, { bearerToken: [] }] : [],
    request: {
      ...(route.params ? { params: route.params as unknown as z.ZodObject } : {}),
      ...(route.query ? { query: route.query as unknown as z.ZodObject } : {}),
      ...(route.body
        ? {
            body: {
              content: {
                'application/json': { schema: route.body },
                ...(route.alsoAccepts ? { [route.alsoAccepts]: { schema: { type: 'string', format: 'binary' } } } : {}),
              },
            },
          }
        : {}),
    },
    responses: {
      [status]: route.file
        ? { description: route.file, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
        : route.response
          ? { description: 'Success', content: { 'application/json': { schema: route.response } } }
          : { description: 'Success, no content' },
      ...Object.fromEntries(
        errorStatuses.map((code) => [
          code,
          { description: ERROR_DESCRIPTIONS[code] ?? 'Error', content: { 'application/json': { schema: ErrorBodySchema } } },
        ]),
      ),
    },
  });

  router[route.method](route.path, async (req: Request, res: Response) => {
    if (route.access === 'session' && !req.ctx) throw new AppError('unauthenticated', 'no session');
    const input = {
      body: route.body && !(route.alsoAccepts && req.is(route.alsoAccepts)) ? parseInput(route.body, req.body) : undefined,
      query: route.query ? parseInput(route.query, req.query) : undefined,
      params: route.params ? parseInput(route.params, req.params) : undefined,
      ctx: req.ctx,
      req,
      res,
    } as HandlerInput<z.infer<B>, z.infer<Q>, z.infer<P>, A>;
    const result = await route.handler(input);
    if (route.file) return;
    if (!route.response) {
      res.status(status).end();
      return;
    }
    if (options.validateResponses) z.parse(route.response, result);
    res.status(status).json(result);
  });
}
