import * as z from 'zod';
import type { CustomFieldDefinitionRow, CustomFieldRow } from '../../db/repositories/custom-fields.js';
import { FieldVisibilitySchema, visibilityOf, type PortalSettings } from '../settings/settings-schema.js';

/** Kinds as admins name them; a dropdown is stored (and shown in the new-ticket form) as a `select`. */
export const CUSTOM_FIELD_KINDS = ['text', 'number', 'dropdown', 'date', 'checkbox'] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

export function storedKind(kind: CustomFieldKind): CustomFieldRow['kind'] {
  return kind === 'dropdown' ? 'select' : kind;
}

function adminKind(kind: CustomFieldRow['kind']): CustomFieldKind {
  return kind === 'select' ? 'dropdown' : kind;
}

const OptionsSchema = z
  .array(z.string().trim().min(1).max(100))
  .max(100)
  .refine((options) => new Set(options).size === options.length, { message: 'each option once' });

const VisibilitySchema = FieldVisibilitySchema.meta({
  description: "How the portal shows the field: kept in the settings' `fieldVisibility` with every other field's",
});

export const CreateCustomFieldSchema = z
  .strictObject({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'a lower-case letter, then lower-case letters, digits and _' })
      .optional()
      .meta({ description: "Where ticket values and the field's visibility are kept; made from the label when left out. Cannot change." }),
    label: z.string().trim().min(1).max(100),
    kind: z.enum(CUSTOM_FIELD_KINDS).meta({ description: 'Cannot change, since tickets hold values of this kind.' }),
    options: OptionsSchema.optional().meta({ description: 'The choices of a dropdown, at least one; other kinds have none.' }),
    required: z.boolean().default(false),
    visibility: VisibilitySchema.default('editable'),
  })
  .meta({ id: 'CustomFieldCreate' });
export type CreateCustomFieldInput = z.infer<typeof CreateCustomFieldSchema>;

export const UpdateCustomFieldSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(100),
    options: OptionsSchema,
    required: z.boolean(),
    visibility: VisibilitySchema,
    position: z.number().int().min(0).max(10_000),
  })
  .partial()
  .meta({ id: 'CustomFieldUpdate' });
export type UpdateCustomFieldInput = z.infer<typeof UpdateCustomFieldSchema>;

export const CustomFieldParamsSchema = z.strictObject({ id: z.uuid() });

export const CustomFieldViewSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    label: z.string(),
    kind: z.enum(CUSTOM_FIELD_KINDS),
    options: z.array(z.string()),
    required: z.boolean(),
    visibility: FieldVisibilitySchema,
    position: z.number(),
  })
  .meta({ id: 'CustomField' });
export type CustomFieldView = z.infer<typeof CustomFieldViewSchema>;

export const CustomFieldListSchema = z.object({ fields: z.array(CustomFieldViewSchema) }).meta({ id: 'CustomFieldList' });

export function customFieldView(row: CustomFieldDefinitionRow, settings: PortalSettings): CustomFieldView {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    kind: adminKind(row.kind),
    options: row.options,
    required: row.required,
    visibility: visibilityOf(settings, row.key),
    position: row.position,
  };
}
