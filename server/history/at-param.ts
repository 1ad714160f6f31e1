// `at` on a read: the answer as it stood at a past moment. A moment in the future or unreadable is refused naming
// `at`; one older than some kind of history still kept is answered with what is kept, and the answer says which
// kinds are missing (header Sitroom-History-Missing), so a figure is never silently short.
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { parseTime } from '../domain/time';
import type { Moment } from './moment';
import type { Moments } from './moments';

export const AtQuery = {
  at: Type.Optional(Type.String({ description: 'a past moment (ISO-8601 with a zone, or epoch ms): the answer as it stood then; absent: now' })),
};

/** a tolerance for clocks a little apart: "now" from another machine is not the future */
export const SKEW_MS = 5_000;

/** The moment asked for (null: now), or undefined once the reply has been refused. */
export function pastMoment(reply: FastifyReply, moments: Moments, at: string | undefined, now: number): Moment | null | undefined {
  if (at === undefined) return null;
  const t = parseTime(at);
  if (t === null) { void reply.code(400).send({ statusCode: 400, error: 'Bad Request', field: 'querystring/at', message: 'at: unreadable time (ISO-8601 with a zone, or epoch ms)' }); return undefined; }
  if (t > now + SKEW_MS) { void reply.code(400).send({ statusCode: 400, error: 'Bad Request', field: 'querystring/at', message: `at: ${new Date(t).toISOString()} is in the future` }); return undefined; }
  const moment = moments.at(Math.min(t, now), now);
  void reply.header('sitroom-moment', new Date(moment.at).toISOString());
  const missing = moments.missingAt(moment.at, now);
  if (missing.length) void reply.header('sitroom-history-missing', missing.join(','));
  return moment;
}
