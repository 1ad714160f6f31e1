// What the server does with each event a client sends. Every payload is checked here at run time (shape, limits,
// unknown fields) before it is used; server/gateway/guarded.ts catches whatever a check did not foresee.
import { EVENTS, parseSubscribe, unknownField, type SubscribeReply, type Topic, type TopicSync, type UnsubscribeReply,
  type WallJoinReply } from '../protocol/live';
import { WALL_EVENTS, roleAtLeast, type WallJoin, type WallState } from '../protocol/walls';
import { visitorAllowed, visitorSync } from '../hub/visitor';
import type { GatewayOptions, LiveSocket } from './types';
import type { GatewayEvents } from './events';
import { momentHandler } from './moment-handler';

export interface RoomRules {
  room(topic: Topic, visitor: boolean): string;
  /** the room of the clients that take the fleet's positions as JSON */
  jsonFleetRoom(visitor: boolean): string;
  /** the client decodes the binary fleet frames (it connected with Sitroom's socket parser) */
  readsFrames(socket: LiveSocket): boolean;
  wallRoom(wall: string, visitor: boolean): string;
  console: string;
  placeRooms(socket: LiveSocket): boolean;
  wallStateFor(state: WallState, visitor: boolean): WallState;
  notifyConsoles(what: string): void;
  checkReady(wall: string): void;
}

type Handler = (socket: LiveSocket, ...args: unknown[]) => void;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ackOf = (v: unknown): ((r: never) => void) | null => (typeof v === 'function' ? (v as (r: never) => void) : null);
const MAX_ID = 100;

export function clientHandlers(o: GatewayOptions, rules: RoomRules, events: GatewayEvents): Record<string, Handler> {
  /** The topic now for one socket: the missed deltas when `since` counts in this run and they are kept, else a snapshot. */
  const sync = (topic: Topic, since: number | undefined): TopicSync => {
    const time = o.now();
    if (since !== undefined) {
      const deltas = o.hub.since(topic, since);
      if (deltas) return { topic, mode: 'replay', seq: o.hub.seq(topic), time, deltas } as TopicSync;
    }
    const snapshot = topic === 'kpi' ? (o.hub.snapshot('kpi') ?? o.kpi()) : o.hub.snapshot(topic);
    return { topic, mode: 'snapshot', seq: o.hub.seq(topic), time, snapshot } as TopicSync;
  };

  const subscribe: Handler = (socket, raw, ackRaw) => {
    const ack = ackOf(ackRaw) as ((r: SubscribeReply) => void) | null;
    if (!ack) return;
    const req = parseSubscribe(raw);
    if ('error' in req) return ack({ ok: false, error: req.error });
    const visitor = rules.placeRooms(socket);
    // numbers of another run mean nothing here: such a client gets snapshots
    const sameRun = req.run === o.hub.run();
    // Joining and taking the snapshot happen in one synchronous step, so no delta can fall between them.
    const results: TopicSync[] = [];
    for (const { topic, since } of req.topics) {
      if (visitor && !visitorAllowed(topic)) continue; // no visitor view: never sent to a visitor screen
      void socket.join(rules.room(topic, visitor));
      // the binary frames are single-binary events socket.io's own decoder cannot read: a client without Sitroom's
      // parser gets the positions as JSON instead (server/protocol/fleet-json.ts)
      if (topic === 'fleet' && !rules.readsFrames(socket)) void socket.join(rules.jsonFleetRoom(visitor));
      const r = sync(topic, sameRun ? since : undefined);
      results.push(visitor ? visitorSync(r)! : r);
    }
    ack({ ok: true, time: o.now(), run: o.hub.run(), results });
  };

  const unsubscribe: Handler = (socket, raw, ackRaw) => {
    const ack = ackOf(ackRaw) as ((r: UnsubscribeReply) => void) | null;
    const req = parseSubscribe(raw);
    if (!('error' in req)) {
      for (const { topic } of req.topics) { void socket.leave(rules.room(topic, false)); void socket.leave(rules.room(topic, true)); }
      if (req.topics.some((t) => t.topic === 'fleet')) { void socket.leave(rules.jsonFleetRoom(false)); void socket.leave(rules.jsonFleetRoom(true)); }
    }
    ack?.('error' in req ? { ok: false, error: req.error } : { ok: true });
  };

  const join: Handler = (socket, raw, ackRaw) => {
    const ack = ackOf(ackRaw) as ((r: WallJoinReply) => void) | null;
    if (!ack) return;
    if (!isObject(raw)) return ack({ error: 'expected { wall, screen? }' });
    const extra = unknownField(raw, ['wall', 'screen']);
    if (extra !== null) return ack({ error: `${extra.slice(0, 40)}: unknown field (expected wall, screen)` });
    const { wall, screen } = raw;
    if (typeof wall !== 'string' || wall.length > MAX_ID) return ack({ error: `wall: expected a wall id (at most ${MAX_ID} characters)` });
    if (screen !== undefined && screen !== null && (typeof screen !== 'string' || screen.length > MAX_ID)) {
      return ack({ error: `screen: expected a screen id (at most ${MAX_ID} characters) or null` });
    }
    const d = socket.data;
    const bound = d.identity.screen;
    if (bound && bound.wall !== wall) return ack({ error: `this screen is paired to wall "${bound.wall}"`, wall: bound.wall, screen: bound.screen });
    const manager = o.walls;
    const config = manager.walls().find((w) => w.id === wall);
    if (!config) return ack({ error: `wall: no wall "${wall.slice(0, MAX_ID)}"; known: ${manager.walls().map((w) => w.id).join(', ')}` });
    const spec = config.screens.find((s) => s.id === (bound?.screen ?? screen)) ?? null;
    if (screen !== undefined && screen !== null && !spec) {
      return ack({ error: `screen: wall "${config.id}" has no screen "${String(screen)}"; its screens: ${config.screens.map((s) => s.id).join(', ')}` });
    }
    if (d.wall) { void socket.leave(rules.wallRoom(d.wall, false)); void socket.leave(rules.wallRoom(d.wall, true)); }
    d.wall = config.id;
    d.screen = spec?.id ?? null;
    const was = d.visitor;
    const visitor = rules.placeRooms(socket);
    void socket.join(rules.wallRoom(config.id, visitor));
    if (visitor !== was) socket.emit(WALL_EVENTS.resubscribe);
    const state = rules.wallStateFor(manager.state(config.id), visitor);
    ack({ wall: config, screen: spec, scenes: manager.scenesOf(config.id), state } satisfies WallJoin);
    rules.notifyConsoles('screens');
    events.screensChanged();
  };

  // a screen has the announced scene ready; when every screen page of the wall has, the switch comes forward
  const ready: Handler = (socket, raw) => {
    const d = socket.data;
    if (!isObject(raw) || unknownField(raw, ['version']) !== null) return;
    const version = raw.version;
    if (!d.wall || typeof version !== 'number' || !Number.isSafeInteger(version)) return;
    d.ready = version;
    rules.checkReady(d.wall);
    events.screensChanged();
  };

  const time: Handler = (_socket, ackRaw) => { ackOf(ackRaw)?.(Date.now() as never); };

  const consoleJoin: Handler = (socket, ackRaw) => {
    const ok = roleAtLeast(socket.data.identity.role, 'operator');
    if (ok) void socket.join(rules.console);
    ackOf(ackRaw)?.((ok ? { ok: true, name: socket.data.identity.name, role: socket.data.identity.role }
      : { error: 'the console needs an operator or admin sign-in' }) as never);
  };

  return { [EVENTS.subscribe]: subscribe, [EVENTS.unsubscribe]: unsubscribe, [WALL_EVENTS.join]: join, [WALL_EVENTS.ready]: ready,
    [WALL_EVENTS.time]: time, [EVENTS.consoleJoin]: consoleJoin, [EVENTS.moment]: momentHandler(o) as Handler };
}
