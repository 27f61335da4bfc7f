import * as z from 'zod';
import { ActionViewSchema } from '../actions/action-schemas.js';
import { TICKET_STATUSES } from '../settings/settings-schema.js';

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const TICKET_TYPES = ['question', 'incident', 'problem', 'request'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
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
    public: z.boolean().optional().meta({ description: 'Technicians only: false makes an internal note.' }),
  })
  .meta({ id: 'AddComment' });
export type AddCommentInput = z.infer<typeof AddCommentSchema>;

export const ListTicketsQuerySchema = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListTicketsQuery = z.infer<typeof ListTicketsQuerySchema>;

export const TicketRefSchema = z
  .string()
  .regex(/^(\d{1,9}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, 'expected a ticket id (UUID) or number')
  .meta({ description: 'The ticket id (UUID) or its number.' });

const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

export const CommentViewSchema = z
  .object({
    id: z.string(),
    author: z.object({ kind: z.enum(['contact', 'technician', 'system']), name: z.string() }),
    body: z.string(),
    public: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'TicketComment' });
export type CommentView = z.infer<typeof CommentViewSchema>;

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
    createdAt: z.string(),
    updatedAt: z.string(),
    comments: z.array(CommentViewSchema).optional(),
    transcript: z
      .array(z.object({ role: z.enum(['user', 'assistant', 'technician', 'system']), text: z.string(), createdAt: z.string() }))
      .optional()
      .meta({ description: 'The chat this ticket came from, as it grows.' }),
    actions: z.array(ActionViewSchema).optional().meta({ description: 'The action requests made during that chat.' }),
  })
  .meta({ id: 'Ticket', description: 'Fields hidden by the portal settings are absent.' });
export type TicketView = z.infer<typeof TicketViewSchema>;

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
