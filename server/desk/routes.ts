// The desk's HTTP side: a card for any municipality, incident, team, site or appeal (operators), and the record of
// who viewed an appeal's personal data (admins). Every view of an appeal card by an operator shows its text, author and
// contact and is recorded first: no record, no personal data (152-FZ asks for the access to be accountable).
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Access } from '../access/identity';
import { roleAtLeast } from '../protocol/walls';
import { ErrorReply } from '../ingest/schemas';
import { CARD_KINDS, appealCard, incidentCard, municipalityCard, siteCard, vehicleCard, type CardDeps, type CardKind } from './cards';
import { metres } from '../api/place-filters';

export interface DeskOptions extends CardDeps { access: Access }

const Card = Type.Object({ kind: Type.String(), id: Type.String(), time: Type.Number({ description: 'server time the card describes' }) },
  { additionalProperties: true, description: 'the card of its kind (server/desk/cards.ts)' });

export const deskRoutes: FastifyPluginAsyncTypebox<DeskOptions> = async (app, o) => {
  app.get('/api/cards/:kind/:id', { config: { role: 'operator', openapi: { response: { 200: Card, 404: ErrorReply } } },
    schema: { tags: ['read'], summary: 'Everything known about one municipality, incident, team, site or appeal (the desk\'s card)',
      params: Type.Object({ kind: Type.Union(CARD_KINDS.map((k) => Type.Literal(k))), id: Type.String({ maxLength: 200 }) }) } },
  async (req, reply) => {
    const { kind, id } = req.params as { kind: CardKind; id: string };
    const operator = roleAtLeast(req.identity?.role ?? 'screen', 'operator');
    if (kind === 'appeal' && operator && o.store.appeals.get(id)) {
      o.store.desk.recordView({ at: o.now(), actor: req.identity?.name ?? 'unknown', role: req.identity?.role ?? 'unknown', appeal: id,
        address: o.access.clientAddress(req.raw) });
    }
    const card = kind === 'municipality' ? municipalityCard(o, id) : kind === 'incident' ? incidentCard(o, id, operator)
      : kind === 'vehicle' ? vehicleCard(o, id) : kind === 'site' ? siteCard(o, id) : appealCard(o, id, operator);
    if (!card) return reply.code(404).send({ statusCode: 404, error: 'Not Found', field: 'params/id', message: `id: no ${kind} "${id.slice(0, 100)}"` });
    return reply.header('cache-control', 'no-store').send(card);
  });

  // the live topic knows a site by its index only (ids stay here): the desk asks which site a point on its map is
  app.get('/api/sites/near', { config: { role: 'operator', openapi: { response: { 200: Type.Object({ id: Type.Union([Type.String(), Type.Null()]) }) } } },
    schema: { tags: ['read'], summary: 'The container site nearest a point, within a radius (metres)',
      querystring: Type.Object({ lon: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }),
        radius: Type.Optional(Type.Number({ minimum: 1, maximum: 5000, default: 100 })) }) } },
  async (req) => {
    const { lon, lat, radius = 100 } = req.query;
    let best: { id: string; m: number } | null = null;
    for (const s of o.hub.sites()) {
      const m = metres({ lon, lat }, s);
      if (m <= radius && (!best || m < best.m)) best = { id: s.id, m };
    }
    return { id: best?.id ?? null };
  });

  app.get('/api/admin/personal-data-views', { config: { role: 'admin', openapi: { response: { 200: Type.Array(Type.Object({
    at: Type.Number(), actor: Type.String(), role: Type.String(), appeal: Type.String(), address: Type.String() })) } } },
    schema: { tags: ['admin'], summary: 'Who viewed which appeal\'s personal data, and when (newest first)',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 500 })) }) } },
  async (req) => o.store.desk.personalDataViews(req.query.limit ?? 500));
};
