import { HttpClient } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';

describe('GET /api/v1/openapi.json', () => {
  let portico: TestPortico;
  beforeAll(async () => {
    portico = await startTestPortico();
  });
  afterAll(() => portico.close());

  it('is an OpenAPI 3.1 document of every contract route, with schemas from the validators', async () => {
    const answer = await new HttpClient(portico.port).get('/api/v1/openapi.json');
    expect(answer.status).toBe(200);
    const doc = answer.body;
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'GET /api/v1/me',
        'GET /api/v1/tickets',
        'POST /api/v1/tickets',
        'GET /api/v1/tickets/{id}',
        'POST /api/v1/tickets/{id}/comments',
        'POST /api/v1/tickets/{id}/reopen',
        'GET /api/v1/admin/settings',
        'PATCH /api/v1/admin/settings',
        'GET /api/v1/admin/contacts',
      ]),
    );
    expect(doc.components.schemas.CreateTicket.additionalProperties).toBe(false);
    expect(doc.components.schemas.CreateTicket.properties.priority.enum).toEqual(['low', 'medium', 'high', 'urgent']);
    expect(doc.components.schemas.PortalSettings.properties.sections).toBeDefined();
    expect(doc.paths['/api/v1/tickets'].get.responses['403'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    expect(doc.components.securitySchemes.sessionCookie).toEqual({ type: 'apiKey', in: 'cookie', name: 'portico_session' });
  });
});
