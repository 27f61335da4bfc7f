import { domainToASCII } from 'node:url';
import * as z from 'zod';
import { normalizeEmailDomain } from '../companies/email-domain.js';

export const SECTION_NAMES = ['assistant', 'ticketing', 'knowledgeBase', 'selfService'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;

/** Default ticket fields whose portal visibility admins choose; custom fields add their own keys. */
export const DEFAULT_TICKET_FIELDS = ['subject', 'description', 'status', 'priority', 'type'] as const;
export type DefaultTicketField = (typeof DEFAULT_TICKET_FIELDS)[number];

export const FieldVisibilitySchema = z.enum(['editable', 'readonly', 'hidden']);
export type FieldVisibility = z.infer<typeof FieldVisibilitySchema>;

const SectionAccessSchema = z
  .strictObject({
    mode: z.enum(['off', 'everyone', 'selected']).default('everyone'),
    userIds: z.array(z.uuid()).max(10_000).default([]),
  })
  .meta({ description: 'Off for everyone, on for everyone, or on for the listed contacts only.' });

export const DEFAULT_FIELD_VISIBILITY: Record<DefaultTicketField, FieldVisibility> = {
  subject: 'editable',
  description: 'editable',
  status: 'readonly',
  priority: 'editable',
  type: 'editable',
};

/** A web origin (scheme, host, optional port; no path), kept in the form browsers send in `Origin`. */
const OriginSchema = z
  .string()
  .trim()
  .max(300)
  .transform((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (!url || !['https:', 'http:'].includes(url.protocol) || url.username || url.pathname !== '/' || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'expected an origin such as https://intranet.example.com, without a path' });
      return z.NEVER;
    }
    return url.origin;
  });

/** A DNS name kept in its ASCII (punycode) form, the one Host headers and TLS server names carry. */
const HostnameSchema = z
  .string()
  .trim()
  .max(253)
  .transform((value, ctx) => {
    const unicode = /^[^/:@]*$/.test(value) ? normalizeEmailDomain(value) : undefined;
    if (!unicode) {
      ctx.addIssue({ code: 'custom', message: 'expected a hostname such as help.example.com, without https:// or a path' });
      return z.NEVER;
    }
    return domainToASCII(unicode);
  });

export const DEFAULT_BRAND_COLOR = '#1d4ed8';

export const PortalSettingsSchema = z
  .strictObject({
    sections: z
      .strictObject({
        assistant: SectionAccessSchema.default({ mode: 'everyone', userIds: [] }),
        ticketing: SectionAccessSchema.default({ mode: 'everyone', userIds: [] }),
        knowledgeBase: SectionAccessSchema.default({ mode: 'everyone', userIds: [] }),
        selfService: SectionAccessSchema.default({ mode: 'everyone', userIds: [] }),
      })
      .default({
        assistant: { mode: 'everyone', userIds: [] },
        ticketing: { mode: 'everyone', userIds: [] },
        knowledgeBase: { mode: 'everyone', userIds: [] },
        selfService: { mode: 'everyone', userIds: [] },
      }),
    tickets: z
      .strictObject({
        ticketPerChatSession: z.boolean().default(true),
        disableManualCreation: z.boolean().default(false),
        visibleStatuses: z.array(z.enum(TICKET_STATUSES)).min(1).default([...TICKET_STATUSES]),
        cannotReopen: z.boolean().default(false),
      })
      .default({
        ticketPerChatSession: true,
        disableManualCreation: false,
        visibleStatuses: [...TICKET_STATUSES],
        cannotReopen: false,
      }),
    fieldVisibility: z
      .record(z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/), FieldVisibilitySchema)
      .default({ ...DEFAULT_FIELD_VISIBILITY }),
    embed: z
      .strictObject({
        allowedOrigins: z
          .array(OriginSchema)
          .max(100)
          .default([])
          .meta({ description: 'Web pages on these origins may embed the widget and make signed-in requests.' }),
      })
      .default({ allowedOrigins: [] }),
    branding: z
      .strictObject({
        name: z.string().trim().min(1).max(80).nullable().default(null).meta({ description: "Shown in the header; the tenant's name when null." }),
        logoUrl: z
          .string()
          .trim()
          .max(2000)
          .refine((value) => value.startsWith('/') ? !value.startsWith('//') : URL.canParse(value) && new URL(value).protocol === 'https:', {
            message: 'expected an https:// address or a path on the portal',
          })
          .nullable()
          .default(null),
        color: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour such as #1d4ed8' })
          .transform((value) => value.toLowerCase())
          .default(DEFAULT_BRAND_COLOR),
        greeting: z.string().trim().min(1).max(500).nullable().default(null).meta({ description: "The chat's first words; a greeting in the user's language when null." }),
      })
      .default({ name: null, logoUrl: null, color: DEFAULT_BRAND_COLOR, greeting: null }),
    welcomeEmail: z
      .strictObject({
        automatic: z.boolean().default(true).meta({ description: 'Send the welcome email with the credentials when a contact is created.' }),
      })
      .default({ automatic: true }),
    email: z
      .strictObject({
        unknownSenders: z.enum(['refuse', 'queue']).default('refuse').meta({
          description:
            "Mail from an address that is neither a contact nor on a company's email domain: refuse answers it with a polite auto-reply and opens nothing; queue opens a ticket without requester for technicians.",
        }),
      })
      .default({ unknownSenders: 'refuse' }),
    portal: z
      .strictObject({
        customHostname: HostnameSchema.nullable()
          .default(null)
          .meta({
            description:
              "The portal's own name, e.g. help.example.com. It answers only once a DNS CNAME record points it to the generated hostname (see /api/v1/admin/portal/hostname); a change starts the wait again.",
          }),
      })
      .default({ customHostname: null }),
  })
  .meta({ id: 'PortalSettings' });

export type PortalSettings = z.infer<typeof PortalSettingsSchema>;

export function defaultSettings(): PortalSettings {
  return PortalSettingsSchema.parse({});
}

/** The visibility of a field in the portal: the admin's choice, else the default (custom fields are hidden until chosen). */
export function visibilityOf(settings: PortalSettings, field: string): FieldVisibility {
  return (
    settings.fieldVisibility[field] ??
    (DEFAULT_FIELD_VISIBILITY as Record<string, FieldVisibility>)[field] ??
    'hidden'
  );
}
