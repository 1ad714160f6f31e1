// The OpenAPI description of the whole HTTP API, generated from the route schemas (@fastify/swagger), and its
// browsable page at /docs from the assets bundled in @fastify/swagger-ui (no CDN, no online validator).
// Registered before every route, so every route is collected.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { describeRoute } from './openapi/describe';

export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    transform: describeRoute,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sitroom API',
        version: '1',
        description: 'Live data in (the native batch API and the standards: Open311 GeoReport v2, OsmAnd/Traccar, OASIS CAP 1.2, '
          + 'FIWARE NGSI-v2 and NGSI-LD waste containers) and the wall\'s state out. Ingest routes take a producer\'s key as '
          + '`Authorization: Bearer <key>` (Open311: `api_key`); operators and admins sign in at `/api/auth/login` and send the session token the same way; admin routes also take the admin token.',
      },
      tags: [
        { name: 'ingest', description: 'Producers push data (a key per producer)' },
        { name: 'standards', description: 'Open311, OsmAnd, CAP and FIWARE adapters' },
        { name: 'read', description: 'What the wall shows, for screens and other systems' },
        { name: 'walls', description: "The walls: scenes, rotation, focus, visitor mode, banner, alarms, screens and pairing (operator role; reads: screen role)" },
        { name: 'access', description: 'Signing in (operators, admins) and pairing new screens' },
        { name: 'admin', description: "Producers' keys and users (admin role)" },
        { name: 'ogc', description: 'OGC API – Features: the live layers for GIS (QGIS, ArcGIS, GDAL)' },
      ],
      servers: [{ url: '/', description: 'this server' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    staticCSP: true,
    transformStaticCSP: docsPolicy,
  });
}

/** Swagger UI's own policy, fitted to a closed network: no `https:` sources or validator host, inline styles for its
 *  layout (scripts stay 'self'), no framing, and no upgrade-insecure-requests (over plain HTTP on a LAN address it
 *  would send the page's own assets to an https:// that does not exist). */
export function docsPolicy(header: string): string {
  return header.split(';').map((d) => d.trim()).filter((d) => d && d !== 'upgrade-insecure-requests').map((d) => {
    const [name, ...values] = d.split(/\s+/);
    const kept = values.filter((v) => v !== 'https:' && v !== 'validator.swagger.io');
    if (name === 'style-src' && !kept.includes("'unsafe-inline'")) kept.push("'unsafe-inline'");
    if (name === 'frame-ancestors') return "frame-ancestors 'none'";
    return [name, ...kept].join(' ');
  }).join('; ');
}
