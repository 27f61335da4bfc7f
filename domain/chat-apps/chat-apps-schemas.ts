import * as z from 'zod';

/** A secret as the console sees it: whether one is saved, never its value. */
const SecretStateSchema = z.object({ set: z.boolean() });

export const ChatAppsSchema = z
  .object({
    slack: z.object({
      enabled: z.boolean(),
      signingSecret: SecretStateSchema,
      /** Its last four characters tell the admin which token is saved. */
      botToken: SecretStateSchema.extend({ last4: z.string().nullable() }),
      apiUrl: z.string().nullable(),
      appToken: SecretStateSchema,
      /** What to paste as the Slack app's Request URL (events and interactivity). */
      requestUrl: z.string(),
    }),
    teams: z.object({
      enabled: z.boolean(),
      appId: z.string().nullable(),
      appPassword: SecretStateSchema,
      appTenantId: z.string().nullable(),
      /** What to paste as the Azure bot's messaging endpoint. */
      messagingEndpoint: z.string(),
    }),
  })
  .meta({ id: 'ChatApps', description: "The tenant's own Slack and Teams apps; secrets are write-only." });
export type ChatApps = z.infer<typeof ChatAppsSchema>;

/** A secret in a change: a new value, null to clear the saved one, absent to keep it. */
const SecretChange = z.string().trim().min(1).max(512).nullable().optional();
/** A plain field: a new value, null or "" to clear it, absent to keep it. */
const TextChange = z.string().trim().max(512).nullable().optional();

export const ChatAppsPatchSchema = z
  .object({
    slack: z
      .strictObject({ enabled: z.boolean().optional(), signingSecret: SecretChange, botToken: SecretChange, apiUrl: TextChange, appToken: SecretChange })
      .optional(),
    teams: z.strictObject({ enabled: z.boolean().optional(), appId: TextChange, appPassword: SecretChange, appTenantId: TextChange }).optional(),
  })
  .strict()
  .meta({ id: 'ChatAppsPatch', description: 'Changes to the chat apps: an absent field is kept, null clears it.' });
export type ChatAppsPatch = z.infer<typeof ChatAppsPatchSchema>;
