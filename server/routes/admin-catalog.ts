import type { Router } from 'express';
import type pg from 'pg';
import {
  CatalogAdminAppSchema,
  CatalogAdminListSchema,
  CatalogAppParamsSchema,
  CreateCatalogAppSchema,
  UpdateCatalogAppSchema,
} from '../../domain/catalog/catalog-admin-schemas.js';
import { createCatalogApp } from '../../domain/catalog/create-catalog-app.js';
import { deleteCatalogApp } from '../../domain/catalog/delete-catalog-app.js';
import { listCatalogAdmin } from '../../domain/catalog/list-catalog-admin.js';
import { updateCatalogApp } from '../../domain/catalog/update-catalog-app.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function adminCatalogRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  const { pool } = deps;
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/catalog',
    summary: 'The software catalog with its package ids, disabled apps included (technicians)',
    tags: ['admin'],
    access: 'session',
    response: CatalogAdminListSchema,
    errors: [403],
    handler: async ({ ctx }) => ({ apps: await listCatalogAdmin(pool, ctx) }),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/catalog',
    summary: 'Add an app with at least one package id (admins); enabled, users can install it at once',
    tags: ['admin'],
    access: 'session',
    body: CreateCatalogAppSchema,
    response: CatalogAdminAppSchema,
    status: 201,
    errors: [403, 409],
    handler: ({ ctx, body }) => createCatalogApp(pool, ctx, body),
  });

  defineRoute(router, options, {
    method: 'patch',
    path: '/api/v1/admin/catalog/:id',
    summary: "Edit, enable or disable an app (admins); disabled, it leaves users' self-service and what the assistant may install",
    tags: ['admin'],
    access: 'session',
    params: CatalogAppParamsSchema,
    body: UpdateCatalogAppSchema,
    response: CatalogAdminAppSchema,
    errors: [403, 404, 409],
    handler: ({ ctx, params, body }) => updateCatalogApp(pool, ctx, params.id, body),
  });

  defineRoute(router, options, {
    method: 'delete',
    path: '/api/v1/admin/catalog/:id',
    summary: 'Remove an app never requested (admins); one with install requests in its history answers 409 `catalog_app_installed`: disable it instead',
    tags: ['admin'],
    access: 'session',
    params: CatalogAppParamsSchema,
    errors: [403, 404, 409],
    handler: ({ ctx, params }) => deleteCatalogApp(pool, ctx, params.id),
  });
}
