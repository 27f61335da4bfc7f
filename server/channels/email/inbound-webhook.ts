import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import MailComposer from 'nodemailer/lib/mail-composer';
import * as z from 'zod';
import { resolveMailTenant } from '../../../domain/email/resolve-mail-tenant.js';
import { AppError } from '../../../domain/errors.js';
import { defineRoute, type RouteOptions } from '../../http/route.js';
import { deliverInboundEmail, MAX_MESSAGE_BYTES, parseInboundEmail, type InboundMailDeps } from './inbound-message.js';

export const INBOUND_EMAIL_PATH = '/integrations/email/inbound';
const RAW_TYPE = 'message/rfc822';
const MAX_RECIPIENTS = 20;

const AddressSchema = z.email().max(320);

/** A message as a provider that parses mail posts it; it is composed into the RFC 822 message it stands for. */
export const InboundEmailPostSchema = z
  .strictObject({
    to: z.array(AddressSchema).min(1).max(MAX_RECIPIENTS).meta({ description: 'The envelope recipients: each names its support desk by its domain.' }),
    from: z.strictObject({ address: AddressSchema, name: z.string().max(200).optional() }),
    envelopeFrom: z
      .union([AddressSchema, z.literal('')])
      .optional()
      .meta({ description: 'The SMTP sender when it differs from `from`; empty for the null sender of a bounce.' }),
    subject: z.string().max(1000).default(''),
    text: z.string().max(MAX_MESSAGE_BYTES).optional(),
    html: z.string().max(MAX_MESSAGE_BYTES).optional().meta({ description: 'Read as text when `text` is absent.' }),
    messageId: z.string().min(3).max(998).optional().meta({ description: 'Without it, one is made from the content, so a repeated post is one message.' }),
    inReplyTo: z.string().max(998).optional(),
    references: z.array(z.string().max(998)).max(50).optional(),
    headers: z
      .record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(2000))
      .optional()
      .meta({ description: 'Further headers, e.g. `Auto-Submitted` or `Accept-Language`.' }),
    attachments: z
      .array(z.strictObject({ filename: z.string().max(255), content: z.base64().meta({ description: 'The file, in base64.' }) }))
      .max(50)
      .optional(),
  })
  .meta({ id: 'InboundEmail' });
type InboundEmailPost = z.infer<typeof InboundEmailPostSchema>;

const InboundEmailQuerySchema = z.strictObject({
  to: z
    .union([AddressSchema, z.array(AddressSchema).max(MAX_RECIPIENTS)])
    .optional()
    .meta({ description: `For a raw ${RAW_TYPE} body: the envelope recipients (repeated); else its To and Cc.` }),
  from: z
    .union([AddressSchema, z.literal('')])
    .optional()
    .meta({ description: `For a raw ${RAW_TYPE} body: the envelope sender, empty for a bounce; else its Return-Path or From.` }),
});

export const InboundEmailResultSchema = z
  .object({
    results: z.array(
      z.object({
        outcome: z.enum(['ticket', 'queued', 'comment', 'duplicate', 'ignored', 'refused']),
        ticketNumber: z.number().int().optional(),
      }),
    ),
  })
  .meta({ id: 'InboundEmailResult', description: 'What became of the message at each support desk it reached.' });

/** The secret of `Authorization: Bearer <secret>`, or the password of Basic auth, which is all some providers can send. */
function presentedSecret(req: Request): string | undefined {
  const header = req.headers.authorization ?? '';
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

/** Compares digests, so the time taken tells nothing of the secret, not even its length. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

function composed(post: InboundEmailPost): Promise<Buffer> {
  const content = JSON.stringify(post);
  return new MailComposer({
    from: { address: post.from.address, name: post.from.name ?? '' },
    to: post.to,
    subject: post.subject,
    text: post.text,
    html: post.text === undefined ? post.html : undefined,
    messageId: post.messageId ?? `<${createHash('sha256').update(content).digest('hex')}@portico.invalid>`,
    inReplyTo: post.inReplyTo,
    references: post.references,
    headers: post.headers,
    attachments: post.attachments?.map((file) => ({ filename: file.filename, content: Buffer.from(file.content, 'base64') })),
  })
    .compile()
    .build();
}

function rawRecipients(query: z.infer<typeof InboundEmailQuerySchema>, to: string[]): string[] {
  if (query.to !== undefined) return Array.isArray(query.to) ? query.to : [query.to];
  return to.slice(0, MAX_RECIPIENTS);
}

/**
 * `POST /integrations/email/inbound`: the inbound mail webhook for providers that receive mail and post it, either as
 * the raw message (`Content-Type: message/rfc822`) or as the JSON shape above. Authenticated by the shared secret
 * `PORTICO_INBOUND_EMAIL_SECRET` (absent: the route does not exist); each message then goes through the same tenant
 * resolution and email-to-ticket use case as one received by the SMTP listener. Mounted before the API's JSON parser
 * and the tenant resolution by hostname: the recipients name the tenant.
 */
export function inboundEmailWebhook(router: Router, options: RouteOptions, deps: InboundMailDeps & { secret: string | undefined }): void {
  router.post(
    INBOUND_EMAIL_PATH,
    (req, _res, next) => {
      if (!deps.secret) return next(new AppError('not_found', 'the inbound email webhook is off'));
      const presented = presentedSecret(req);
      if (presented === undefined || !sameSecret(presented, deps.secret)) return next(new AppError('unauthenticated', 'bad inbound email secret'));
      if (!req.is(['application/json', RAW_TYPE])) return next(new AppError('unsupported_media_type', `content-type ${req.headers['content-type'] ?? 'missing'}`));
      next();
    },
    express.raw({ type: RAW_TYPE, limit: MAX_MESSAGE_BYTES }),
    // Base64 makes the files a third larger than in the message they stand for.
    express.json({ limit: 2 * MAX_MESSAGE_BYTES, strict: true }),
  );
  defineRoute(router, options, {
    method: 'post',
    path: INBOUND_EMAIL_PATH,
    summary: `Email providers: post a received message, raw (\`${RAW_TYPE}\`) or parsed (JSON), with \`Authorization: Bearer\` and the inbound email secret (or it as the Basic password). It opens a ticket or adds a comment exactly as by SMTP; recipients that no support desk answers: 404 \`unknown_recipient\``,
    tags: ['integrations'],
    access: 'public',
    body: InboundEmailPostSchema,
    alsoAccepts: RAW_TYPE,
    query: InboundEmailQuerySchema,
    response: InboundEmailResultSchema,
    errors: [401, 404, 413, 415],
    handler: async ({ req, body, query }) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : await composed(body);
      if (raw.length > MAX_MESSAGE_BYTES) throw new AppError('payload_too_large', 'message over the inbound cap');
      const email = await parseInboundEmail(raw, Buffer.isBuffer(req.body) ? query.from : (body.envelopeFrom ?? body.from.address));
      const recipients = Buffer.isBuffer(req.body) ? rawRecipients(query, headerAddresses(email.headers)) : body.to;
      const tenants = new Set<string>();
      for (const recipient of recipients) {
        const tenantId = await resolveMailTenant(deps.pool, recipient, deps.embedded);
        if (tenantId) tenants.add(tenantId);
      }
      if (tenants.size === 0) throw new AppError('unknown_recipient', 'no support desk answers these recipients');
      const results = [];
      for (const tenantId of tenants) {
        const result = await deliverInboundEmail(deps, tenantId, email, 'webhook');
        results.push({ outcome: result.outcome, ...('number' in result ? { ticketNumber: result.number } : {}) });
      }
      return { results };
    },
  });
}

/** The addresses of a raw message's To and Cc, for a post that does not name its envelope recipients. */
function headerAddresses(headers: Record<string, string>): string[] {
  const line = [headers['delivered-to'], headers['x-original-to'], headers.to, headers.cc].filter(Boolean).join(',');
  return [...line.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((match) => match[0]).slice(0, MAX_RECIPIENTS);
}
