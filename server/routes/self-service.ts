import type { Router } from 'express';
import * as z from 'zod';
import { EnrollRequestSchema, EnrollResponseSchema, ENROLL_PATH } from '../../device-agent/protocol.js';
import { ACTION_KINDS, ActionViewSchema, CodeSchema, PhoneSchema } from '../../domain/actions/action-schemas.js';
import { requestSelfServiceAction } from '../../domain/actions/request-self-service-action.js';
import { CatalogAppViewSchema } from '../../domain/catalog/catalog-schemas.js';
import { listCatalogForDevice } from '../../domain/catalog/list-catalog-for-device.js';
import { confirmPhoneChange, PhoneChangeConfirmSchema } from '../../domain/contacts/confirm-phone-change.js';
import type { PasswordTries } from '../../domain/contacts/password-tries.js';
import { removeContactPhone } from '../../domain/contacts/remove-contact-phone.js';
import { PhoneChangeRequestSchema, requestPhoneChange } from '../../domain/contacts/request-phone-change.js';
import { setMyPhone } from '../../domain/contacts/set-my-phone.js';
import { createEnrollmentToken } from '../../domain/devices/create-enrollment-token.js';
import { AdminDeviceViewSchema, CreateEnrollmentTokenSchema, EnrollmentTokenViewSchema } from '../../domain/devices/device-schemas.js';
import { enrollDevice } from '../../domain/devices/enroll-device.js';
import { listEnrollmentTokens, ListEnrollmentTokensQuerySchema } from '../../domain/devices/list-enrollment-tokens.js';
import { assignDeviceToContact, listTenantDevices, removeDevice } from '../../domain/devices/manage-devices.js';
import { revokeEnrollmentToken } from '../../domain/devices/revoke-enrollment-token.js';
import { defineRoute, type RouteOptions } from '../http/route.js';
import { actionSteps, type ActionStepDeps } from '../realtime/action-steps.js';

const IdParams = z.strictObject({ id: z.uuid() });

export type SelfServiceDeps = ActionStepDeps & { passwordTries: PasswordTries };

/**
 * Self-service over REST: the same requests, confirmation and SMS verification as in the chat, for the Self-service
 * list and for integrations; device enrollment for agents; and the technicians' side (enrollment tokens, 2FA reset).
 */
export function selfServiceRoutes(router: Router, options: RouteOptions, deps: SelfServiceDeps): void {
  const { pool, events } = deps;
  const steps = actionSteps(deps);

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/selfservice/catalog',
    summary: 'The apps the user may install on one of their devices',
    tags: ['self-service'],
    access: 'session',
    query: z.strictObject({ deviceId: z.uuid() }),
    response: z.object({ apps: z.array(CatalogAppViewSchema) }),
    errors: [403, 404],
    handler: async ({ ctx, query }) => ({ apps: await listCatalogForDevice(pool, ctx, query.deviceId) }),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/selfservice/actions',
    summary: 'Requests an action on one of the user\'s devices; it waits for confirmation and an SMS code',
    tags: ['self-service'],
    access: 'session',
    body: z
      .strictObject({ deviceId: z.uuid(), kind: z.enum(ACTION_KINDS), appId: z.string().min(1).max(100).optional() })
      .refine((b) => b.kind !== 'install' || b.appId !== undefined, { message: 'appId is required to install', path: ['appId'] }),
    response: z.object({ action: ActionViewSchema }),
    status: 201,
    errors: [403, 404, 409],
    handler: async ({ ctx, body }) => {
      const action = await requestSelfServiceAction(pool, ctx, body);
      events.emit('actionChanged', ctx.tenantId, action.id);
      return { action };
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/actions/:id/confirm',
    summary: 'Confirms an action: a code is sent to the saved phone, or `needsPhone` asks for one',
    tags: ['self-service'],
    access: 'session',
    params: IdParams,
    response: z.object({ action: ActionViewSchema, needsPhone: z.boolean() }),
    errors: [403, 404, 409, 429, 502],
    handler: ({ ctx, params }) => steps.confirm(ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/actions/:id/cancel',
    summary: 'Cancels an action request that is not yet verified',
    tags: ['self-service'],
    access: 'session',
    params: IdParams,
    response: z.object({ action: ActionViewSchema }),
    errors: [403, 404, 409],
    handler: ({ ctx, params }) => steps.cancel(ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/actions/:id/verify',
    summary: 'Checks the SMS code; the action is queued for the device',
    tags: ['self-service'],
    access: 'session',
    params: IdParams,
    body: z.strictObject({ code: CodeSchema }),
    response: z.object({ action: ActionViewSchema }),
    errors: [403, 404, 409, 410, 429],
    handler: ({ ctx, params, body }) => steps.verify(ctx, { actionId: params.id, code: body.code }),
  });

  defineRoute(router, options, {
    method: 'put',
    path: '/api/v1/me/phone',
    summary: 'Saves the first mobile number that receives verification codes, and sends a code for the action waiting for one; a saved number is replaced through /me/phone/change',
    tags: ['self-service'],
    access: 'session',
    body: PhoneSchema,
    response: z.object({ ok: z.literal(true) }),
    errors: [403, 409, 429, 502],
    handler: async ({ ctx, body }) => {
      await setMyPhone(pool, deps.verification, ctx, body.phone);
      return { ok: true as const };
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/me/phone/change',
    summary: 'Starts replacing the saved mobile number: with the right password, a code is texted to the saved number',
    tags: ['self-service'],
    access: 'session',
    body: PhoneChangeRequestSchema,
    response: z.object({ ok: z.literal(true) }),
    status: 202,
    errors: [403, 409, 429, 502],
    handler: async ({ ctx, body }) => {
      await requestPhoneChange(pool, { ...deps.verification, passwordTries: deps.passwordTries }, ctx, body);
      return { ok: true as const };
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/me/phone/change/confirm',
    summary: 'Replaces the saved mobile number with the code texted to it by /me/phone/change',
    tags: ['self-service'],
    access: 'session',
    body: PhoneChangeConfirmSchema,
    response: z.object({ ok: z.literal(true) }),
    errors: [403, 409, 410, 429],
    handler: async ({ ctx, body }) => {
      await confirmPhoneChange(pool, ctx, body);
      return { ok: true as const };
    },
  });

  defineRoute(router, options, {
    method: 'delete',
    path: '/api/v1/admin/contacts/:id/phone',
    summary: "Resets a user's two-step verification by removing their phone (admins)",
    tags: ['admin'],
    access: 'session',
    params: IdParams,
    errors: [403, 404],
    handler: ({ ctx, params }) => removeContactPhone(pool, ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/enrollment-tokens',
    summary: 'Makes a token that enrolls one device agent, or `maxUses` for a rollout, into a company, and assigns them to a contact if one is given (technicians)',
    tags: ['admin'],
    access: 'session',
    body: CreateEnrollmentTokenSchema,
    response: z.object({ id: z.string(), token: z.string(), maxUses: z.number().int(), expiresAt: z.string() }),
    status: 201,
    errors: [403, 404],
    handler: ({ ctx, body }) => createEnrollmentToken(pool, ctx, body),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/enrollment-tokens',
    summary: 'The enrollment tokens of the tenant or of one company, newest first, with their uses; never the token itself (technicians)',
    tags: ['admin'],
    access: 'session',
    query: ListEnrollmentTokensQuerySchema,
    response: z.object({ tokens: z.array(EnrollmentTokenViewSchema) }),
    errors: [403],
    handler: async ({ ctx, query }) => ({ tokens: await listEnrollmentTokens(pool, ctx, query) }),
  });

  defineRoute(router, options, {
    method: 'delete',
    path: '/api/v1/admin/enrollment-tokens/:id',
    summary: 'Revokes an enrollment token: it enrolls no further device (technicians)',
    tags: ['admin'],
    access: 'session',
    params: IdParams,
    errors: [403, 404],
    handler: ({ ctx, params }) => revokeEnrollmentToken(pool, ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/devices',
    summary: 'The devices of the tenant or of one company, with their agents\' state (technicians)',
    tags: ['admin'],
    access: 'session',
    query: z.strictObject({ companyId: z.uuid().optional() }),
    response: z.object({ devices: z.array(AdminDeviceViewSchema) }),
    errors: [403],
    handler: async ({ ctx, query }) => ({ devices: await listTenantDevices(pool, ctx, query) }),
  });

  defineRoute(router, options, {
    method: 'patch',
    path: '/api/v1/admin/devices/:id',
    summary: 'Assigns a device to a contact of its company, or to nobody (admins)',
    tags: ['admin'],
    access: 'session',
    params: IdParams,
    body: z.strictObject({ contactId: z.uuid().nullable() }),
    response: AdminDeviceViewSchema,
    errors: [403, 404],
    handler: ({ ctx, params, body }) => assignDeviceToContact(pool, ctx, params.id, body.contactId),
  });

  defineRoute(router, options, {
    method: 'delete',
    path: '/api/v1/admin/devices/:id',
    summary: 'Removes a device; its agent is disconnected and its token no longer works (admins)',
    tags: ['admin'],
    access: 'session',
    params: IdParams,
    errors: [403, 404],
    handler: async ({ ctx, params }) => {
      await removeDevice(pool, ctx, params.id);
      events.emit('deviceRemoved', params.id);
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: ENROLL_PATH,
    summary: 'Enrolls a device agent with an enrollment token; answers the credentials it connects with',
    tags: ['agents'],
    access: 'public',
    body: EnrollRequestSchema,
    response: EnrollResponseSchema,
    status: 201,
    errors: [401],
    handler: ({ body }) => enrollDevice(pool, body),
  });
}
