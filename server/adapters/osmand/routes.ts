// OsmAnd / Traccar Client positions at /osmand (and at / on SITROOM_OSMAND_PORT): one fix per request, answered 200
// with an empty body. Unknown devices are refused (404 for JSON, 400 for the query variant) unless auto-registration
// is on; a known device is a vehicle the store already has or one listed in SITROOM_OSMAND_DEVICES.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config';
import type { Ingest } from '../../ingest/pipeline';
import { IngestError } from '../../ingest/errors';
import { acceptFormBodies } from '../form-body';
import type { Hub } from '../../hub/hub';
import { RATE_LIMITED } from '../../access/guard';
import { OsmandFailure, parseJsonFix, parseQueryFix, type OsmandFix, type SpeedUnit } from './parse';

export interface OsmandOptions { ingest: Ingest; hub: Hub; osmand: Config['osmand']; now: () => number; path: string }

export const osmandRoutes: FastifyPluginAsync<OsmandOptions> = async (app, o) => {
  const listed = new Map(o.osmand.devices.map((d) => [d.id, d.speedUnit ?? o.osmand.speedUnit]));
  const unitOf = (device: string): SpeedUnit => listed.get(device) ?? o.osmand.speedUnit;
  acceptFormBodies(app, 64 * 1024);

  function handle(req: FastifyRequest, reply: FastifyReply) {
    const isJson = typeof req.headers['content-type'] === 'string' && req.headers['content-type'].includes('json');
    let fix: OsmandFix;
    try {
      fix = isJson ? parseJsonFix(req.body)
        : parseQueryFix({ ...(req.query as Record<string, unknown>), ...((req.body ?? {}) as Record<string, unknown>) }, unitOf, o.now());
      if (!o.osmand.autoRegister && !listed.has(fix.device) && !o.hub.vehicle(fix.device)) {
        throw new OsmandFailure(fix.variant === 'json' ? 404 : 400, isJson ? 'device_id' : 'id', `unknown device "${fix.device}"; register it or set SITROOM_OSMAND_AUTOREGISTER=on`);
      }
      o.ingest.positions([{ vehicle: fix.device, ...fix.position }], `osmand:${fix.device}`);
    } catch (e) {
      if (e instanceof OsmandFailure) return reply.code(e.status).send({ statusCode: e.status, error: e.status === 404 ? 'Not Found' : 'Bad Request', message: e.message, field: e.field });
      if (e instanceof IngestError) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: e.message, field: e.field });
      throw e;
    }
    return reply.code(200).send();
  }
  app.get(o.path, { config: RATE_LIMITED }, handle);
  app.post(o.path, { config: RATE_LIMITED }, handle);
};
