// The walls' HTTP API: what each wall is and shows (screens may read it), and every console action (operators):
// scene, rotation, focus, mode, language, layers, banner, alarm, replay, and the log of who did what.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { ErrorReply } from '../ingest/schemas';
import { asActor } from '../access/guard';
import { FOCUS_KINDS, REPLAY_MAX_SPEED, REPLAY_MIN_SPEED, WALL_LANGS, WALL_MODES, type OnlineScreen, type WallConfig, type WallState } from '../protocol/walls';
import type { Layout } from '../protocol/layout';
import { MAP_LAYERS, type MapLayer } from '../protocol/layout';
import type { WallManager } from './manager';
import { REPLAY_ACTIONS, type ReplayBody } from './replay';

export interface WallRoutesOptions { walls: WallManager; online: () => OnlineScreen[] }

const literals = (list: readonly string[]) => Type.Union(list.map((v) => Type.Literal(v)));
const security = [{ bearer: [] }];
const operator = { role: 'operator' } as const;
const Params = Type.Object({ wall: Type.String({ maxLength: 40 }) });
const State = Type.Unsafe<WallState>(Type.Object({ wall: Type.String(), version: Type.Integer(), scene: Type.String(), switchAt: Type.Number() },
  { additionalProperties: true, description: 'the wall state (server/protocol/walls.ts WallState)' }));
const Described = Type.Unsafe<{ wall: WallConfig; state: WallState; scenes: Record<string, Layout>; online: OnlineScreen[] }>(
  Type.Object({ wall: Type.Object({}, { additionalProperties: true }), state: State, scenes: Type.Object({}, { additionalProperties: true }),
    online: Type.Array(Type.Object({}, { additionalProperties: true })) }));

export const wallRoutes: FastifyPluginAsyncTypebox<WallRoutesOptions> = async (app, { walls, online }) => {
  const describe = (id: string) => ({ wall: walls.config(id), state: walls.state(id), scenes: walls.scenesOf(id),
    online: online().filter((s) => s.wall === id) });

  app.get('/api/walls', { config: { role: 'screen' },
    schema: { tags: ['walls'], summary: 'Every wall: its screens, scenes, state and the screens online now', security, response: { 200: Type.Array(Described) } },
  }, async () => walls.walls().map((w) => describe(w.id)));
  app.get('/api/walls/:wall', { config: { role: 'screen' },
    schema: { tags: ['walls'], summary: 'One wall: screens, scenes (their layouts), state and screens online', security, params: Params, response: { 200: Described, 404: ErrorReply } },
  }, async (req) => describe(walls.config(req.params.wall).id));

  const action = <B extends TSchema>(name: string, summary: string, body: B,
    run: (wall: string, body: import('@sinclair/typebox').Static<B>, actor: ReturnType<typeof asActor>) => WallState) => {
    app.post(`/api/walls/:wall/${name}`, { config: operator,
      schema: { tags: ['walls'], summary, security, params: Params, body,
        response: { 200: State, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply } },
    }, async (req) => run(req.params.wall, req.body as import('@sinclair/typebox').Static<B>, asActor(req)));
  };

  action('scene', 'Show a scene on every screen of the wall (switched together a moment later); pauses the rotation',
    Type.Object({ scene: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
    (wall, b, actor) => walls.setScene(wall, b.scene, actor));
  action('rotation', 'Pause or resume the playlist, or move to its next scene now',
    Type.Object({ action: literals(['pause', 'resume', 'next']) }, { additionalProperties: false }),
    (wall, b, actor) => walls.rotation(wall, b.action as 'pause' | 'resume' | 'next', actor));
  action('focus', 'Fly every map of the wall to a municipality, an incident or a vehicle; without kind, back to the whole republic',
    Type.Object({ kind: Type.Optional(literals(FOCUS_KINDS)), id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false }),
    (wall, b, actor) => {
      if (b.kind && !b.id) throw Object.assign(new Error('id: required with kind'), { statusCode: 400, field: 'body/id' });
      return walls.focus(wall, b.kind && b.id ? { kind: b.kind as (typeof FOCUS_KINDS)[number], id: b.id } : null, actor);
    });
  action('mode', 'Normal or visitor mode (visitor: aggregates and the map only, enforced on the server), optionally with the language',
    Type.Object({ mode: literals(WALL_MODES), lang: Type.Optional(literals(WALL_LANGS)) }, { additionalProperties: false }),
    (wall, b, actor) => walls.mode(wall, b.mode as (typeof WALL_MODES)[number], b.lang as (typeof WALL_LANGS)[number] | undefined, actor));
  action('lang', "The wall's language", Type.Object({ lang: literals(WALL_LANGS) }, { additionalProperties: false }),
    (wall, b, actor) => walls.lang(wall, b.lang as (typeof WALL_LANGS)[number], actor));
  const LayerList = Type.Optional(Type.Array(literals(MAP_LAYERS), { uniqueItems: true }));
  action('layers', "Switch map layers on every map of the wall over the scenes' own: show, hide, or reset to the scene's choice",
    Type.Object({ show: LayerList, hide: LayerList, reset: LayerList }, { additionalProperties: false }),
    (wall, b, actor) => {
      const change: Partial<Record<MapLayer, boolean | null>> = {};
      for (const l of (b.reset ?? []) as MapLayer[]) change[l] = null;
      for (const l of (b.show ?? []) as MapLayer[]) change[l] = true;
      for (const l of (b.hide ?? []) as MapLayer[]) change[l] = false;
      return walls.layers(wall, change, actor);
    });
  action('banner', 'Put a message across the wall (for minutes, or until cleared); an empty text clears it',
    Type.Object({ text: Type.Union([Type.String({ maxLength: 280 }), Type.Null()]), minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })) },
      { additionalProperties: false }),
    (wall, b, actor) => walls.banner(wall, b.text?.trim() || null, b.minutes ?? null, actor));
  action('alarm', 'End the alarm that took over the wall and hand back what it showed before',
    Type.Object({ action: Type.Literal('end') }, { additionalProperties: false }),
    (wall, _b, actor) => walls.endAlarm(wall, actor));

  const Moment = (description: string) => Type.Optional(Type.String({ maxLength: 40, description }));
  action('replay', 'Put every screen of the wall into the past together (a moment, or a window played at a speed), pause, resume, jump, '
    + 'or back to live; the wall goes back to live by itself after its idle time (replayIdleSeconds) and at once on an alarm',
  Type.Object({ action: literals(REPLAY_ACTIONS),
    at: Moment('show: the moment held; jump: the moment to move to (ISO-8601 with a zone, or epoch ms)'),
    from: Moment('play: the window\'s start'), to: Moment('play: the window\'s end (default: now)'),
    speed: Type.Optional(Type.Number({ description: `play: history seconds per second, ${REPLAY_MIN_SPEED} to ${REPLAY_MAX_SPEED} (default 60)` })),
  }, { additionalProperties: false }),
  (wall, b, actor) => walls.replay(wall, b as ReplayBody, actor));

  const Limit = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) });
  const Log = { openapi: { response: { 200: Type.Array(Type.Object({ id: Type.Integer(), wall: Type.String(), at: Type.Number(),
    actor: Type.String({ description: 'a user\'s name, "admin token", or "alarm"/"rotation" for the server itself' }), role: Type.String(),
    action: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()) })), 404: ErrorReply } } };
  app.get('/api/walls/:wall/log', { config: { ...operator, ...Log },
    schema: { tags: ['walls'], summary: 'Who did what on this wall, newest first', security, params: Params, querystring: Limit },
  }, async (req) => walls.actions(walls.config(req.params.wall).id, req.query.limit ?? 100));
  app.get('/api/log', { config: { ...operator, ...Log },
    schema: { tags: ['walls'], summary: 'Who did what on any wall, newest first', security, querystring: Limit },
  }, async (req) => walls.actions(null, req.query.limit ?? 100));
};
