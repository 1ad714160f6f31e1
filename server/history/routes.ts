// The shift handover over HTTP: GET /api/changes?from=&to= (or ?window=overnight: yesterday 20:00 to today 08:00 in
// the region's time, or to now while the night is still going). Operators only: it lists incidents by title.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../store';
import { DAY, HOUR, dayStart, parseTime } from '../domain/time';
import { changesIn } from './changes';
import { ChangesDoc } from './changes-doc';

export interface HistoryRouteOptions { store: Store; now: () => number; timezone: string }

const MAX_SPAN = 31 * DAY;
export const NIGHT_FROM_HOUR = 20;
export const NIGHT_TO_HOUR = 8;

/** the overnight window: the last night that began by now (yesterday 20:00 → today 08:00, local), cut at now */
export function overnight(now: number, timezone: string): { from: number; to: number } {
  const today = dayStart(now, timezone);
  const morning = today + NIGHT_TO_HOUR * HOUR;
  const eveningBefore = dayStart(today - DAY / 2, timezone) + NIGHT_FROM_HOUR * HOUR;
  // before 20:00 tonight, the night that matters is the last one; after it, tonight so far
  const tonight = today + NIGHT_FROM_HOUR * HOUR;
  return now >= tonight ? { from: tonight, to: now } : { from: eveningBefore, to: Math.min(morning, now) };
}

const bad = (field: string, message: string) => ({ statusCode: 400, error: 'Bad Request', field: `querystring/${field}`, message: `${field}: ${message}` });

export const historyRoutes: FastifyPluginAsyncTypebox<HistoryRouteOptions> = async (app, o) => {
  app.get('/api/changes', { config: { role: 'operator', openapi: { response: { 200: ChangesDoc } } }, schema: { tags: ['read'], summary: 'What changed in a window: incidents, appeals, overdue, alarms, sites gone overflowing (the shift handover)',
    querystring: Type.Object({
      from: Type.Optional(Type.String({ description: 'ISO-8601 or epoch ms' })), to: Type.Optional(Type.String({ description: 'ISO-8601 or epoch ms; default now' })),
      window: Type.Optional(Type.Literal('overnight', { description: 'yesterday 20:00 to today 08:00, local (instead of from and to)' })),
    }) } }, async (req, reply) => {
    const now = o.now();
    if (req.query.window === 'overnight') { const w = overnight(now, o.timezone); return changesIn(o.store, w.from, w.to); }
    const to = req.query.to === undefined ? now : parseTime(req.query.to);
    if (to === null) return reply.code(400).send(bad('to', 'unreadable time (ISO-8601 or epoch ms)'));
    const from = req.query.from === undefined ? to - 12 * HOUR : parseTime(req.query.from);
    if (from === null) return reply.code(400).send(bad('from', 'unreadable time (ISO-8601 or epoch ms)'));
    if (from >= to) return reply.code(400).send(bad('from', 'must be before to'));
    if (to - from > MAX_SPAN) return reply.code(400).send(bad('from', 'a window of at most 31 days'));
    return changesIn(o.store, from, Math.min(to, now));
  });
};
