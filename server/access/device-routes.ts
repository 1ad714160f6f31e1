// The admin API for OsmAnd / Traccar Client devices: list (never the device ids themselves), register a device onto a
// vehicle (the device id is in this answer only; it goes into Traccar Client's "Device identifier"), revoke.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorReply } from '../ingest/schemas';
import { ID_PATTERN } from '../ingest/limits';
import { asActor } from './guard';
import { MIN_DEVICE_ID, type Devices } from './devices';

const DeviceInfo = Type.Object({
  id: Type.String({ description: 'the registration, not the device id' }), label: Type.String(), vehicle: Type.String(),
  origin: Type.String({ description: 'config, admin or auto' }), createdAt: Type.Number(), createdBy: Type.String(),
  revokedAt: Type.Union([Type.Number(), Type.Null()]), lastFixAt: Type.Union([Type.Number(), Type.Null()]), lastHeardAt: Type.Union([Type.Number(), Type.Null()]),
});
const security = [{ bearer: [] }];
const admin = { role: 'admin' } as const;

export const deviceRoutes: FastifyPluginAsyncTypebox<{ devices: Devices }> = async (app, { devices }) => {
  app.get('/api/admin/devices', { config: admin,
    schema: { tags: ['admin'], summary: 'OsmAnd / Traccar Client devices and their vehicles (never the device ids)', security,
      response: { 200: Type.Array(DeviceInfo), 401: ErrorReply, 403: ErrorReply } },
  }, async () => devices.list());

  app.post('/api/admin/devices', { config: admin,
    schema: { tags: ['admin'], summary: 'Register a tracker onto a vehicle; its device id is in this answer only', security,
      body: Type.Object({
        vehicle: Type.String({ minLength: 1, maxLength: 200, pattern: ID_PATTERN, description: 'the vehicle it moves (new or existing)' }),
        label: Type.Optional(Type.String({ maxLength: 100, description: 'what the device is, e.g. "phone of team 12"' })),
        device: Type.Optional(Type.String({ minLength: MIN_DEVICE_ID, maxLength: 128, pattern: '^[A-Za-z0-9._~-]+$',
          description: `an id of your own (at least ${MIN_DEVICE_ID} characters); left out, one is drawn that cannot be guessed` })),
      }, { additionalProperties: false }),
      response: { 201: Type.Intersect([DeviceInfo, Type.Object({ device: Type.String() })]), 400: ErrorReply, 401: ErrorReply, 409: ErrorReply } },
  }, async (req, reply) => reply.code(201).send(devices.register(req.body.vehicle, req.body.label?.trim() || req.body.vehicle, asActor(req).name, req.body.device)));

  app.delete('/api/admin/devices/:id', { config: admin,
    schema: { tags: ['admin'], summary: "Revoke a device: its fixes are refused from now on", security,
      params: Type.Object({ id: Type.String() }), response: { 200: DeviceInfo, 401: ErrorReply, 404: ErrorReply } },
  }, async (req, reply) => {
    const revoked = devices.revoke(req.params.id);
    if (!revoked) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `id: no device "${req.params.id}"`, field: 'params/id' });
    return revoked;
  });
};
