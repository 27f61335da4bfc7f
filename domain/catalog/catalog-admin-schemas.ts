import * as z from 'zod';
import { isValidPackageId } from '../../device-agent/drivers/validate.js';
import type { CatalogAppFields, CatalogAppRow } from '../../db/repositories/catalog.js';

const MANAGERS = {
  chocolatey: 'Chocolatey',
  homebrew: 'Homebrew',
  apt: 'apt',
  dnf: 'dnf',
} as const;
type Manager = keyof typeof MANAGERS;

const CATALOG_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// An empty box in the console form means no package for that manager.
function packageId(manager: Manager) {
  return z
    .string()
    .trim()
    .max(100, { message: `a ${MANAGERS[manager]} package id has at most 100 characters` })
    .refine((id) => id === '' || isValidPackageId(manager, id), {
      message: `not a ${MANAGERS[manager]} package name: letters, digits and . _ - + (no file, path or option)`,
    })
    .transform((id) => id || null)
    .nullable()
    .optional();
}

const PackagesSchema = z.strictObject({
  chocolatey: packageId('chocolatey'),
  homebrew: packageId('homebrew'),
  apt: packageId('apt'),
  dnf: packageId('dnf'),
});

const editable = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000),
  publisher: z.string().trim().max(100),
  category: z.string().trim().min(1).max(50).nullable(),
  aliases: z.array(z.string().trim().toLowerCase().min(1).max(60)).max(30),
  enabled: z.boolean().meta({ description: "Off: gone from the users' self-service catalog and from what the assistant may install." }),
  homebrewCask: z.boolean().meta({ description: 'Install the Homebrew package with --cask (a macOS app rather than a command-line formula).' }),
  packages: PackagesSchema.meta({ description: 'Package ids: Chocolatey on Windows, Homebrew on macOS, apt or dnf on Linux; null for none.' }),
};

export const CreateCatalogAppSchema = z
  .strictObject({
    id: z.string().regex(CATALOG_ID, { message: 'lower-case letters and digits joined by hyphens' }).max(64).optional().meta({
      description: 'Made from the name when left out.',
    }),
    name: editable.name,
    description: editable.description.default(''),
    publisher: editable.publisher.default(''),
    category: editable.category.default(null),
    aliases: editable.aliases.default([]),
    enabled: editable.enabled.default(true),
    homebrewCask: editable.homebrewCask.default(false),
    packages: editable.packages,
  })
  .meta({ id: 'CatalogAppCreate' });
export type CreateCatalogAppInput = z.infer<typeof CreateCatalogAppSchema>;

export const UpdateCatalogAppSchema = z.strictObject(editable).partial().meta({ id: 'CatalogAppUpdate', description: 'Only the fields sent change; in `packages` too.' });
export type UpdateCatalogAppInput = z.infer<typeof UpdateCatalogAppSchema>;

export const CatalogAppParamsSchema = z.strictObject({ id: z.string().regex(CATALOG_ID).max(64) });

export const CatalogAdminAppSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    publisher: z.string(),
    category: z.string().nullable(),
    aliases: z.array(z.string()),
    enabled: z.boolean(),
    homebrewCask: z.boolean(),
    packages: z.object({ chocolatey: z.string().nullable(), homebrew: z.string().nullable(), apt: z.string().nullable(), dnf: z.string().nullable() }),
  })
  .meta({ id: 'CatalogAdminApp' });
export type CatalogAdminApp = z.infer<typeof CatalogAdminAppSchema>;

export const CatalogAdminListSchema = z.object({ apps: z.array(CatalogAdminAppSchema) }).meta({ id: 'CatalogAdminList' });

export function catalogAdminView(row: CatalogAppRow): CatalogAdminApp {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    publisher: row.publisher,
    category: row.category,
    aliases: row.aliases,
    enabled: row.enabled,
    homebrewCask: row.homebrew_cask,
    packages: { chocolatey: row.chocolatey_id, homebrew: row.homebrew_id, apt: row.apt_id, dnf: row.dnf_id },
  };
}

export function catalogAppFields(app: Omit<CatalogAdminApp, 'id'>): CatalogAppFields {
  return {
    name: app.name,
    description: app.description,
    publisher: app.publisher,
    aliases: [...new Set(app.aliases)],
    category: app.category,
    chocolateyId: app.packages.chocolatey,
    homebrewId: app.packages.homebrew,
    homebrewCask: app.homebrewCask,
    aptId: app.packages.apt,
    dnfId: app.packages.dnf,
    enabled: app.enabled,
  };
}
