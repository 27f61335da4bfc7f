import * as z from 'zod';
import type { CompanyRow } from '../../db/repositories/companies.js';
import { normalizeEmailDomain } from './email-domain.js';

const EmailDomainSchema = z
  .string()
  .max(300)
  .transform((value, ctx) => {
    const domain = normalizeEmailDomain(value);
    if (domain === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 100)}" is not an email domain such as example.com` });
      return z.NEVER;
    }
    return domain;
  });

const EmailDomainsSchema = z
  .array(EmailDomainSchema)
  .max(100)
  .transform((domains) => [...new Set(domains)].sort())
  .meta({ description: 'Email domains of the company, e.g. ["acmedental.example"]; stored in lower case, without scheme, IDNs in Unicode.' });

const CompanyNameSchema = z.string().trim().min(1).max(200);

export const CreateCompanySchema = z.strictObject({
  name: CompanyNameSchema,
  emailDomains: EmailDomainsSchema.default([]),
});
export type CreateCompanyInput = z.infer<typeof CreateCompanySchema>;

export const UpdateCompanySchema = z.strictObject({
  name: CompanyNameSchema.optional(),
  emailDomains: EmailDomainsSchema.optional(),
});
export type UpdateCompanyInput = z.infer<typeof UpdateCompanySchema>;

export const CompanyParamsSchema = z.strictObject({ id: z.uuid() });

export const CompanySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    emailDomains: z.array(z.string()),
  })
  .meta({ id: 'Company' });
export type Company = z.infer<typeof CompanySchema>;

export function companyView(row: CompanyRow): Company {
  return { id: row.id, name: row.name, emailDomains: row.email_domains };
}
