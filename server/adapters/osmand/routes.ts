// OsmAnd / Traccar Client positions at /osmand (and at / on SITROOM_OSMAND_PORT): one fix per request, answered 200
// with an empty body. A report without lat and lon (cell towers or Wi-Fi only) is accepted as "heard, no position". The device id is the tracker's credential: only a registered device moves a vehicle, and only
// the one it is bound to (server/access/devices.ts). An unregistered id gets the same answer whatever it is (400 for
// the query variant, 404 for JSON), so answers never tell which ids or vehicles exist.
import { BlockList, isIPv4 } from 'node:net';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config';
import type { Ingest } from '../../ingest/pipeline';
import { IngestError } from '../../ingest/errors';
import { OSMAND_SOURCE } from '../../ingest/sources';
import { acceptFormBodies } from '../form-body';
import { Type } from '@sinclair/typebox';
import { ErrorReply } from '../../ingest/schemas';
import type { Devices } from '../../access/devices';
import { RATE_LIMITED } from '../../access/guard';
import { OsmandFailure, parseJsonFix, parseQueryFix, type OsmandFix, type SpeedUnit } from './parse';

export interface OsmandOptions { ingest: Ingest; devices: Devices; osmand: Config['osmand']; now: () => number; path: string }

const NOT_REGISTERED = 'this device is not registered here: an administrator registers it (POST /api/admin/devices) and gives it its id';

/** SITROOM_OSMAND_NETWORKS as a test (null: every address may send). */
function allowedNetworks(networks: readonly string[]): ((address: string) => boolean) | null {
  if (!networks.length) return null;
  const list = new BlockList();
  for (const n of networks) {
    const [address, prefix] = n.split('/');
    const family = isIPv4(address!) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address!, family); else list.addSubnet(address!, Number(prefix), family);
  }
  return (address) => {
    const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
    return list.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  };
}

const QUERY = Type.Object({
  id: Type.Optional(Type.String({ description: 'the device id (or deviceid): the tracker\'s credential' })),
  lat: Type.Optional(Type.String()), lon: Type.Optional(Type.String()), location: Type.Optional(Type.String({ description: 'lat,lon' })),
  timestamp: Type.Optional(Type.String({ description: 'epoch s or ms, ISO-8601 or yyyy-MM-dd HH:mm:ss' })),
  speed: Type.Optional(Type.String({ description: 'knots unless configured' })), bearing: Type.Optional(Type.String()), accuracy: Type.Optional(Type.String()),
}, { additionalProperties: true, description: 'every other field (batt, hdop, cell, wifi…) is kept as an attribute' });
const TraccarJson = Type.Object({ device_id: Type.String(), location: Type.Object({ timestamp: Type.String(),
  coords: Type.Optional(Type.Object({ latitude: Type.Number(), longitude: Type.Number() }, { additionalProperties: true })) }, { additionalProperties: true }) },
  { additionalProperties: true, description: 'Traccar Client 9+ JSON; without coords: heard, no position' });
const docs = (post: boolean) => ({
  summary: post ? 'OsmAnd / Traccar Client: one fix as form fields or Traccar Client\'s JSON' : 'OsmAnd / Traccar Client: one fix in the query string',
  ...(post ? { body: { description: 'the fix', content: { 'application/x-www-form-urlencoded': { schema: QUERY }, 'application/json': { schema: TraccarJson } } } } : {}),
  response: { 200: { description: 'stored (a report without lat and lon: heard, no position); empty body' },
    400: { ...ErrorReply, description: 'a bad field, or (query) a device that is not registered' }, 403: { ...ErrorReply, description: 'this address may not send (SITROOM_OSMAND_NETWORKS)' },
    404: { ...ErrorReply, description: '(JSON) a device that is not registered' } },
});

export const osmandRoutes: FastifyPluginAsync<OsmandOptions> = async (app, o) => {
  const units = new Map(o.osmand.devices.map((d) => [d.id, d.speedUnit ?? o.osmand.speedUnit]));
  const unitOf = (device: string): SpeedUnit => units.get(device) ?? o.osmand.speedUnit;
  const allowed = allowedNetworks(o.osmand.networks);
  acceptFormBodies(app, 64 * 1024);

  function receive(req: FastifyRequest): void {
    const isJson = typeof req.headers['content-type'] === 'string' && req.headers['content-type'].includes('json');
    const fix: OsmandFix = isJson ? parseJsonFix(req.body)
      : parseQueryFix({ ...(req.query as Record<string, unknown>), ...((req.body ?? {}) as Record<string, unknown>) }, unitOf, o.now());
    const device = o.devices.resolve(fix.device);
    if (!device) throw new OsmandFailure(fix.variant === 'json' ? 404 : 400, isJson ? 'device_id' : 'id', NOT_REGISTERED);
    const source = `${OSMAND_SOURCE}${device.id}`;
    // a report without a position is still news: the device is alive (answered 200, so it does not retry it forever)
    if (fix.position) o.ingest.positions([{ vehicle: device.vehicle, ...fix.position }], source);
    else o.ingest.heard(device.vehicle, fix.at, source);
    o.devices.heard(device.id, fix.position !== null);
  }

  function handle(req: FastifyRequest, reply: FastifyReply) {
    if (allowed && !allowed(req.ip)) {
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'this address may not send positions (SITROOM_OSMAND_NETWORKS)' });
    }
    try { receive(req); } catch (e) {
      if (e instanceof OsmandFailure) return reply.code(e.status).send({ statusCode: e.status, error: e.status === 404 ? 'Not Found' : 'Bad Request', message: e.message, field: e.field });
      if (e instanceof IngestError) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: e.message, field: e.field });
      throw e;
    }
    return reply.code(200).send();
  }
  app.get(o.path, { config: { ...RATE_LIMITED, openapi: docs(false) }, schema: { tags: ['standards'], querystring: QUERY } }, handle);
  app.post(o.path, { config: { ...RATE_LIMITED, openapi: docs(true) }, schema: { tags: ['standards'] } }, handle);
};
