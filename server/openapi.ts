import { OpenApiGeneratorV31, type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function openApiDocument(registry: OpenAPIRegistry, version: string) {
  registry.registerComponent('securitySchemes', 'sessionCookie', { type: 'apiKey', in: 'cookie', name: 'portico_session' });
  registry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The embedded widget\'s session: POST /api/v1/auth/login with "transport": "token", or /api/v1/auth/verified-identity.',
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Portico API',
      version,
      description: 'Self-service portal API. Every error answers {"error":{"code","message"}} with a fitting status.',
    },
    servers: [{ url: '/' }],
  });
}
