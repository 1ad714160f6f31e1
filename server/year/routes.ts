// The year over HTTP: GET /api/summary/year (what the wall's year scene shows) and POST /api/admin/daily-figures
// (an archive's days before Sitroom's own records, admins only).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store';
import type { Reference } from '../reference/load';
import { ErrorReply } from '../ingest/schemas';
import { YearSummary } from '../protocol/year';
import { DailyFiguresBody, importDailyFigures } from './import';
import { yearSummary } from './year-summary';

export interface YearRouteOptions { store: Store; reference: Reference; now: () => number; timezone: string }

export const yearRoutes: FastifyPluginAsyncTypebox<YearRouteOptions> = async (app, o) => {
  app.get('/api/summary/year', { config: { role: 'screen', openapi: { response: { 200: YearSummary } } },
    schema: { tags: ['read'], summary: 'The year so far against the same dates last year: appeals, answers on time, teams on duty by month, arrivals, sites, incidents, producers' },
  }, async () => yearSummary(o.store, o.now(), o.timezone));

  app.post('/api/admin/daily-figures', { config: { role: 'admin', openapi: { response: { 200: Type.Object({ days: Type.Integer() }), 400: ErrorReply } } },
    schema: { tags: ['admin'], summary: "Import an archive's daily figures for days before Sitroom's own records (all of the batch, or none)",
      security: [{ bearer: [] }], body: DailyFiguresBody },
  }, async (req) => ({ days: importDailyFigures(o.store, o.reference, o.timezone, o.now(), req.body) }));
};
