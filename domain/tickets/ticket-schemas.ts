import * as z from 'zod';
import { ActionViewSchema } from '../actions/action-schemas.js';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../attachments/attachment-policy.js';
import { TICKET_STATUSES } from '../settings/settings-schema.js';

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const TICKET_TYPES = ['question', 'incident', 'problem', 'request'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_SOURCES = ['portal', 'email', 'ai_assistant', 'phone', 'technician', 'slack', 'teams'] as const;
/** Who wrote a comment, as readers are told: a portal user, a technician, the assistant (its escalation summary) or Portico. */
export const COMMENT_AUTHOR_ROLES = ['contact', 'technician', 'assistant', 'system'] as const;
/** What a ticket opened in the portal gets for the fields its user does not set. */
export const NEW_TICKET_DEFAULTS = { priority: 'medium', type: 'incident' } as const satisfies {
  priority: (typeof TICKET_PRIORITIES)[number];
  type: (typeof TICKET_TYPES)[number];
};

export const CustomFieldValueSchema = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export const CreateTicketSchema = z
  .strictObject({
    subject: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().min(1).max(20_000).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    type: z.enum(TICKET_TYPES).optional(),
    customFields: z.record(z.string().max(64), CustomFieldValueSchema).optional(),
  })
  .meta({ id: 'CreateTicket' });
export type CreateTicketInput = z.infer<typeof CreateTicketSchema>;

export const AddCommentSchema = z
  .strictObject({
    body: z.string().trim().min(1).max(20_000),
    internal: z
      .boolean()
      .optional()
      .meta({ description: 'Technicians only: true makes an internal note that no portal user ever sees. A portal user sending true gets 400 `field_not_writable`.' }),
    attachments: z
      .array(
        z.strictObject({
          filename: z.string().trim().min(1).max(255),
          content: z
            .base64()
            .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4)
            .meta({ description: 'The file, in base64.' }),
        }),
      )
      .max(MAX_ATTACHMENTS)
      .optional()
      .meta({
        description:
          'Files that go with the comment, seen by whoever sees it. Each must be a picture, a PDF, an office document or plain text by its content; otherwise 400 `attachment_refused` names them and nothing is written.',
      }),
  })
  .meta({ id: 'AddComment' });
export type AddCommentInput = z.infer<typeof AddCommentSchema>;

/** One value, several repeated (`status=open&status=pending`), or several separated by commas (`status=open,pending`). */
function oneOrMany<T extends readonly [string, ...string[]]>(values: T) {
  const list = z.array(z.enum(values)).min(1).max(values.length);
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')))
    .pipe(list);
}

export const ListTicketsQuerySchema = z
  .strictObject({
    status: oneOrMany(TICKET_STATUSES)
      .optional()
      .meta({
        description: `One or more of ${TICKET_STATUSES.join(', ')}, repeated or comma-separated; portal users get only the statuses the settings show.`,
      }),
    source: z.enum(TICKET_SOURCES).optional(),
    companyId: z.uuid().optional().meta({ description: 'Technicians only.' }),
    assigneeId: z
      .union([z.uuid(), z.literal('none')])
      .optional()
      .meta({ description: 'Technicians only: a technician id, or `none` for unassigned tickets.' }),
    escalated: z
      .stringbool()
      .optional()
      .meta({ description: 'Technicians only: `true` for tickets escalated to a technician from the chat, `false` for the others.' }),
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Technicians only: text in the subject or description, or the ticket number (`1004` or `#1004`).' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  });
/** The filters only technicians may use: a portal user gets 403 for them. */
export const TECHNICIAN_FILTERS = ['companyId', 'assigneeId', 'escalated', 'q'] as const;
export type ListTicketsQuery = z.infer<typeof ListTicketsQuerySchema>;

export const TicketRefSchema = z
  .string()
  .regex(/^(\d{1,9}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, 'expected a ticket id (UUID) or number')
  .meta({ description: 'The ticket id (UUID) or its number.' });

const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

export const CommentViewSchema = z
  .object({
    id: z.string(),
    author: z.object({
      name: z.string(),
      role: z.enum(COMMENT_AUTHOR_ROLES),
    }),
    body: z.string(),
    public: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'TicketComment' });
export type CommentView = z.infer<typeof CommentViewSchema>;

export const AttachmentViewSchema = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string().meta({ description: 'The type its content was recognised as.' }),
    size: z.number().int().meta({ description: 'In bytes.' }),
    commentId: z.string().nullable().meta({ description: 'The comment it came with; null for the files that opened the ticket.' }),
    createdAt: z.string(),
  })
  .meta({ id: 'TicketAttachment', description: 'Downloaded at `/api/v1/tickets/{id}/attachments/{attachmentId}`.' });
export type AttachmentView = z.infer<typeof AttachmentViewSchema>;

export const TicketViewSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    subject: z.string().optional(),
    description: z.string().optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    type: z.enum(TICKET_TYPES).optional(),
    source: z.string(),
    requester: PersonRefSchema.nullable(),
    company: PersonRefSchema.nullable(),
    customFields: z.record(z.string(), CustomFieldValueSchema),
    canReopen: z.boolean(),
    assignee: PersonRefSchema.nullable().optional().meta({ description: 'Technicians only.' }),
    escalated: z.boolean().optional().meta({ description: 'Technicians only: the chat asked for a technician.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    comments: z.array(CommentViewSchema).optional(),
    attachments: z.array(AttachmentViewSchema).optional().meta({ description: "The ticket's files; a portal user's leave out those of internal notes." }),
    transcript: z
      .array(z.object({ role: z.enum(['user', 'assistant', 'technician', 'system']), text: z.string(), createdAt: z.string() }))
      .optional()
      .meta({ description: 'The chat this ticket came from, as it grows.' }),
    actions: z.array(ActionViewSchema).optional().meta({ description: 'The action requests made during that chat.' }),
  })
  .meta({ id: 'Ticket', description: 'Fields hidden by the portal settings are absent.' });
export type TicketView = z.infer<typeof TicketViewSchema>;

export const AttachmentParamsSchema = z.strictObject({ id: TicketRefSchema, attachmentId: z.uuid() });

export const UpdateTicketSchema = z
  .strictObject({
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    assigneeId: z.uuid().nullable().optional().meta({ description: 'A technician of the tenant, or null to unassign.' }),
    customFields: z
      .record(z.string().max(64), CustomFieldValueSchema)
      .optional()
      .meta({ description: 'Merged into the ticket\'s values; null removes a value.' }),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: 'nothing to change' })
  .meta({ id: 'UpdateTicket' });
export type UpdateTicketInput = z.infer<typeof UpdateTicketSchema>;

/** `ticket:comment` on the requester's `/portal` sockets: a public comment by someone else. Internal notes never go out. */
export const TicketCommentEventSchema = z
  .object({
    ticketId: z.string(),
    number: z.number().int(),
    comment: z.object({
      id: z.string(),
      body: z.string(),
      author: z.object({ name: z.string(), role: z.enum(COMMENT_AUTHOR_ROLES) }),
      createdAt: z.string(),
    }),
  })
  .meta({ id: 'TicketCommentEvent' });
export type TicketCommentEvent = z.infer<typeof TicketCommentEventSchema>;

/** `ticket:updated` on the readers' `/portal` sockets when a ticket's status, priority or custom fields change. */
export const TicketUpdatedEventSchema = z
  .object({
    ticketId: z.string(),
    number: z.number().int(),
    status: z.enum(TICKET_STATUSES).optional().meta({ description: 'Absent when the settings hide the status from the portal.' }),
  })
  .meta({ id: 'TicketUpdatedEvent' });
export type TicketUpdatedEvent = z.infer<typeof TicketUpdatedEventSchema>;

/**
 * `tickets:changed` on the tenant's `/console` sockets when a ticket is created, changed or commented on, whoever did it:
 * the console reads the ticket again. No body, no field: an internal note is told to nobody by this event.
 */
export const TicketsChangedEventSchema = z
  .strictObject({ ticketId: z.string(), number: z.number().int() })
  .meta({ id: 'TicketsChangedEvent' });
export type TicketsChangedEvent = z.infer<typeof TicketsChangedEventSchema>;

export const TicketListSchema = z
  .object({ tickets: z.array(TicketViewSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .meta({ id: 'TicketList' });

export const TicketFormSchema = z
  .object({
    /** False when users must go through the assistant to open a ticket. */
    manualCreation: z.boolean(),
    fields: z.array(
      z.object({
        key: z.string(),
        kind: z.enum(['default', 'custom']),
        /** Custom fields carry the admin's label; default fields are named by the UI in the user's language. */
        label: z.string().optional(),
        type: z.enum(['text', 'textarea', 'number', 'date', 'select', 'checkbox']),
        options: z.array(z.string()),
        required: z.boolean(),
        editable: z.boolean(),
        /** The value a read-only field will have. */
        value: z.union([z.string(), z.null()]).optional(),
      }),
    ),
  })
  .meta({ id: 'TicketForm' });
export type TicketForm = z.infer<typeof TicketFormSchema>;
