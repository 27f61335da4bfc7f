import * as z from 'zod';

export const DeviceViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    os: z.enum(['windows', 'macos', 'linux']),
    osVersion: z.string().nullable(),
    model: z.string().nullable(),
    online: z.boolean().meta({ description: 'Whether its agent is connected now' }),
    lastSeenAt: z.string().nullable(),
  })
  .meta({ id: 'Device' });
export type DeviceView = z.infer<typeof DeviceViewSchema>;

export const AdminDeviceViewSchema = DeviceViewSchema.extend({
  companyId: z.string(),
  contactId: z.string().nullable(),
  loggedInUser: z.string().nullable(),
  agentVersion: z.string().nullable(),
  enrolledAt: z.string().nullable(),
}).meta({ id: 'AdminDevice' });
export type AdminDeviceView = z.infer<typeof AdminDeviceViewSchema>;

/**
 * An enrollment token enrolls one device unless a technician chooses more uses for a company-wide rollout; a larger
 * rollout takes several tokens. Every token expires, a multi-use one on a day its maker chose.
 */
export const ENROLLMENT_TOKEN_LIMITS = { maxUses: 1000, maxValidDays: 30, defaultValidDays: 7 } as const;

export const CreateEnrollmentTokenSchema = z
  .strictObject({
    companyId: z.uuid(),
    contactId: z.uuid().optional(),
    maxUses: z
      .number()
      .int()
      .min(1)
      .max(ENROLLMENT_TOKEN_LIMITS.maxUses)
      .default(1)
      .meta({ description: 'How many devices the token enrolls; more than one needs `validDays` too' }),
    validDays: z
      .number()
      .int()
      .min(1)
      .max(ENROLLMENT_TOKEN_LIMITS.maxValidDays)
      .optional()
      .meta({ description: `Days until it expires; ${ENROLLMENT_TOKEN_LIMITS.defaultValidDays} for a single-use token if not given` }),
  })
  .refine((b) => b.maxUses === 1 || b.validDays !== undefined, { message: 'a token of several uses needs validDays', path: ['validDays'] });
export type CreateEnrollmentTokenInput = z.infer<typeof CreateEnrollmentTokenSchema>;

export const EnrollmentTokenViewSchema = z
  .object({
    id: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    contactId: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    uses: z.number().int(),
    maxUses: z.number().int(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'EnrollmentToken' });
export type EnrollmentTokenView = z.infer<typeof EnrollmentTokenViewSchema>;
