import * as z from 'zod';

const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const AuditQuerySchema = z.strictObject({
  actorId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, { message: 'an action such as ticket.status_changed, or its family such as ticket' })
    .max(100)
    .optional(),
  entity: z.string().regex(/^[a-z_]+$/).max(50).optional().meta({ description: 'What was changed: ticket, contact, catalog_app, custom_field, …' }),
  entityId: z.string().max(100).optional(),
  from: Instant.optional().meta({ description: 'From this time (ISO 8601), or from the start of this day' }),
  to: Instant.optional().meta({ description: 'Before this time, or up to the end of this day' }),
  q: z.string().trim().min(1).max(200).optional().meta({ description: "Words in the action, the actor's name or the details" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

const ChangesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    actor: z.object({
      id: z.string().nullable(),
      /** Null for the system, and for an actor removed since. */
      name: z.string().nullable(),
      kind: z.enum(['technician', 'contact', 'system']),
    }),
    action: z.string(),
    entity: z.string().nullable(),
    entityId: z.string().nullable(),
    /** One line of what changed, built from the details. */
    summary: z.string(),
    /** Field by field, for an edit; null when the entry records an event rather than an edit. */
    changes: ChangesSchema.nullable(),
    /** Everything the entry holds, secrets never among it. */
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z
  .object({ entries: z.array(AuditEntrySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPageSchema>;
