// The year over HTTP: GET /api/summary/year (what the wall's year scene shows) and POST /api/admin/daily-figures
// (an archive's days before Sitroom's own records, admins only).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store';
import type { Reference } from '../reference/load';
import { ErrorReply } from '../ingest/schemas';
import { YearSummary } from '../protocol/year';
import { DailyFiguresBody, ImportRefusal, importDailyFigures } from './import';
import { AtQuery, SKEW_MS } from '../history/at-param';
import { parseTime } from '../domain/time';
import { yearSummary } from './year-summary';

export interface YearRouteOptions { store: Store; reference: Reference; now: () => number; timezone: string }

export const yearRoutes: FastifyPluginAsyncTypebox<YearRouteOptions> = async (app, o) => {
  app.get('/api/summary/year', { config: { role: 'screen', openapi: { response: { 200: YearSummary, 400: ErrorReply } } },
    schema: { tags: ['read'], summary: 'The year so far against the same dates last year: appeals, answers on time, teams on duty by month, arrivals, sites, incidents, producers; with at, as it stood then',
      querystring: Type.Object({ at: AtQuery.at }) },
  }, async (req) => {
    const now = o.now();
    if (req.query.at === undefined) return yearSummary(o.store, now, o.timezone);
    const t = parseTime(req.query.at);
    if (t === null) throw new ImportRefusal('querystring/at', 'unreadable time (ISO-8601 with a zone, or epoch ms)');
    if (t > now + SKEW_MS) throw new ImportRefusal('querystring/at', `${new Date(t).toISOString()} is in the future`);
    return yearSummary(o.store, Math.min(t, now), o.timezone);
  });

  app.post('/api/admin/daily-figures', { config: { role: 'admin', openapi: { response: { 200: Type.Object({ days: Type.Integer() }), 400: ErrorReply } } },
    schema: { tags: ['admin'], summary: "Import an archive's daily figures for days before Sitroom's own records (all of the batch, or none)",
      security: [{ bearer: [] }], body: DailyFiguresBody },
  }, async (req) => ({ days: importDailyFigures(o.store, o.reference, o.timezone, o.now(), req.body) }));
};
