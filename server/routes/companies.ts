import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { CompanyParamsSchema, CompanySchema, CreateCompanySchema, UpdateCompanySchema } from '../../domain/companies/company-schemas.js';
import { createCompany } from '../../domain/companies/create-company.js';
import { listCompanies } from '../../domain/companies/list-companies.js';
import { updateCompany } from '../../domain/companies/update-company.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function companyRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  const { pool } = deps;
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/companies',
    summary: 'The companies with their email domains, by name (technicians)',
    tags: ['admin'],
    access: 'session',
    response: z.object({ companies: z.array(CompanySchema) }),
    errors: [403],
    handler: async ({ ctx }) => ({ companies: await listCompanies(pool, ctx) }),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/companies',
    summary: 'Create a company; an email domain belongs to one company of the tenant at most (admins)',
    tags: ['admin'],
    access: 'session',
    body: CreateCompanySchema,
    response: CompanySchema,
    status: 201,
    errors: [403, 409],
    handler: ({ ctx, body }) => createCompany(pool, ctx, body),
  });

  defineRoute(router, options, {
    method: 'patch',
    path: '/api/v1/admin/companies/:id',
    summary: "Rename a company or replace its email domains (the whole list) (admins)",
    tags: ['admin'],
    access: 'session',
    params: CompanyParamsSchema,
    body: UpdateCompanySchema,
    response: CompanySchema,
    errors: [403, 404, 409],
    handler: ({ ctx, params, body }) => updateCompany(pool, ctx, params.id, body),
  });
}
