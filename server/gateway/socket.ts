// The gateway: the only module that knows socket.io. Every connection is identified first (screen token, operator
// session, admin token or a trusted local browser); an unknown one is refused with `unpaired`. Topics are rooms; a
// subscribe answers with a snapshot or the missed deltas; the hub's deltas and fleet frames are encoded once per
// message and sent to each room. Screens of a wall in visitor mode sit in separate rooms that get the visitor
// version of every topic, so nothing personal is ever sent to them.
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { Server as HttpServer } from 'node:http';
import { EVENTS, PROTOCOL_VERSION, TOPICS, parseSubscribe, type Hello, type SubscribeReply, type Topic, type TopicSync,
  type UnsubscribeReply } from '../protocol/live';
import { UNPAIRED, WALL_EVENTS, roleAtLeast, type OnlineScreen, type WallJoin, type WallState } from '../protocol/walls';
import type { Hub } from '../hub/hub';
import type { Summary } from '../protocol/summary';
import type { Access, Identity } from '../access/identity';
import type { WallManager } from '../walls/manager';
import { visitorDelta, visitorSync } from '../hub/visitor';
import { SOCKET_PARSER_AUTH, sitroomParser } from '../protocol/socket-parser';
import { preEncodeBinaryFrames } from './pre-encoded-frames';

const room = (topic: Topic, visitor: boolean) => `${visitor ? 'visitor' : 'topic'}:${topic}`;
const wallRoom = (wall: string) => `wall:${wall}`;
const CONSOLE = 'console';

interface SocketData { identity: Identity; wall: string | null; screen: string | null; visitor: boolean; since: number; ready: number }

export interface GatewayOptions {
  hub: Hub;
  now: () => number;
  /** the kpi snapshot comes from the indicators, computed on demand when none is cached */
  kpi: () => Summary;
  access: Access;
  /** set once the wall manager exists (it needs the gateway's callbacks first) */
  walls: () => WallManager;
  /** a paired screen was heard from */
  seen: (screenId: string) => void;
  /** the socket.io adapter shared by several servers (server/cluster); absent on a single server */
  adapter?: ServerOptions['adapter'];
  /** this server's wall screens came, went or became ready (a follower tells the primary) */
  screensChanged?: () => void;
}

/** A wall screen online on some server, with the newest scene version it has prepared. */
export interface ScreenPresence extends OnlineScreen { ready: number }


export function attachGateway(server: HttpServer, { hub, now, kpi, access, walls, seen, adapter, screensChanged }: GatewayOptions) {
  const io = new Server(server, { serveClient: false, perMessageDeflate: false, maxHttpBufferSize: 1e6, parser: sitroomParser, ...(adapter ? { adapter } : {}) });
  preEncodeBinaryFrames(io.of('/').adapter);
  /** wall screens on the other servers of a cluster, as each last reported them */
  const remote = new Map<string, { screens: ScreenPresence[]; at: number }>();
  const REMOTE_STALE_MS = 15_000;
  const data = (s: Socket) => s.data as SocketData;

  const sync = (topic: Topic, since: number | undefined): TopicSync => {
    const time = now();
    if (since !== undefined) {
      const deltas = hub.since(topic, since);
      if (deltas) return { topic, mode: 'replay', seq: hub.seq(topic), time, deltas } as TopicSync;
    }
    const snapshot = topic === 'kpi' ? (hub.snapshot('kpi') ?? kpi()) : hub.snapshot(topic);
    return { topic, mode: 'snapshot', seq: hub.seq(topic), time, snapshot } as TopicSync;
  };

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const identity = access.identify(typeof auth?.token === 'string' ? auth.token : undefined, socket.handshake.address);
    if (!identity) return next(new Error(UNPAIRED));
    socket.data = { identity, wall: null, screen: null, visitor: false, since: Date.now(), ready: 0 } satisfies SocketData;
    if (identity.screen) seen(identity.screen.id);
    next();
  });

  io.on('connection', (socket: Socket) => {
    const hello: Hello = { protocol: PROTOCOL_VERSION, time: now(), topics: TOPICS };
    socket.emit(EVENTS.hello, hello);
    socket.on(WALL_EVENTS.time, (ack: unknown) => { if (typeof ack === 'function') ack(Date.now()); });

    socket.on(EVENTS.subscribe, (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const req = parseSubscribe(raw);
      if ('error' in req) return ack({ ok: false, error: req.error } satisfies SubscribeReply);
      const fleetAt = req.topics.findIndex((t) => t.topic === 'fleet');
      const auth = socket.handshake.auth as Record<string, unknown> | undefined;
      if (fleetAt >= 0 && auth?.[SOCKET_PARSER_AUTH.key] !== SOCKET_PARSER_AUTH.value) {
        // its frames are single-binary events that socket.io's default decoder cannot read (server/protocol/socket-parser.ts)
        return ack({ ok: false, error: `topics/${fleetAt}/topic: the fleet's binary frames need Sitroom's socket parser: connect with io(url, { parser: sitroomParser, auth: { ${SOCKET_PARSER_AUTH.key}: '${SOCKET_PARSER_AUTH.value}' } }) (server/protocol/socket-parser.ts)` } satisfies SubscribeReply);
      }
      const visitor = data(socket).visitor;
      // Joining and taking the snapshot happen in one synchronous step, so no delta can fall between them.
      const results = req.topics.map(({ topic, since }) => {
        void socket.join(room(topic, visitor));
        const r = sync(topic, since);
        return visitor ? visitorSync(r) : r;
      });
      ack({ ok: true, time: now(), results } satisfies SubscribeReply);
    });
    socket.on(EVENTS.unsubscribe, (raw: unknown, ack: unknown) => {
      const req = parseSubscribe(raw);
      if (!('error' in req)) for (const { topic } of req.topics) { void socket.leave(room(topic, false)); void socket.leave(room(topic, true)); }
      if (typeof ack === 'function') ack(('error' in req ? { ok: false, error: req.error } : { ok: true }) satisfies UnsubscribeReply);
    });

    socket.on(WALL_EVENTS.join, (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const { wall, screen } = (raw ?? {}) as { wall?: unknown; screen?: unknown };
      const d = data(socket);
      const bound = d.identity.screen;
      if (bound && bound.wall !== wall) return ack({ error: `this screen is paired to wall "${bound.wall}"`, wall: bound.wall, screen: bound.screen });
      const manager = walls();
      const config = typeof wall === 'string' ? manager.walls().find((w) => w.id === wall) : undefined;
      if (!config) return ack({ error: `wall: no wall "${String(wall)}"; known: ${manager.walls().map((w) => w.id).join(', ')}` });
      const spec = config.screens.find((s) => s.id === (bound?.screen ?? screen)) ?? null;
      if (screen !== undefined && screen !== null && !spec) {
        return ack({ error: `screen: wall "${config.id}" has no screen "${String(screen)}"; its screens: ${config.screens.map((s) => s.id).join(', ')}` });
      }
      const state = manager.state(config.id);
      if (d.wall) void socket.leave(wallRoom(d.wall));
      d.wall = config.id;
      d.screen = spec?.id ?? null;
      void socket.join(wallRoom(config.id));
      if (d.visitor !== (state.mode === 'visitor')) moveRooms(socket, state.mode === 'visitor');
      ack({ wall: config, screen: spec, scenes: manager.scenesOf(config.id), state } satisfies WallJoin);
      notifyConsoles('screens');
      screensChanged?.();
    });

    // a screen has the announced scene ready; when every screen page of the wall has, the switch comes forward
    socket.on(WALL_EVENTS.ready, (raw: unknown) => {
      const d = data(socket);
      const version = (raw as { version?: unknown } | null)?.version;
      if (!d.wall || typeof version !== 'number') return;
      d.ready = version;
      checkReady(d.wall);
      screensChanged?.();
    });

    socket.on('console:join', (ack: unknown) => {
      const ok = roleAtLeast(data(socket).identity.role, 'operator');
      if (ok) void socket.join(CONSOLE);
      if (typeof ack === 'function') ack(ok ? { ok: true, name: data(socket).identity.name, role: data(socket).identity.role } : { error: 'the console needs an operator or admin sign-in' });
    });
    socket.on('disconnect', () => { if (data(socket).wall) { notifyConsoles('screens'); screensChanged?.(); } });
  });

  /** Moves a socket between normal and visitor rooms at once (no delta of the other kind can reach it after this
   *  call) and asks it to fetch every topic anew. */
  function moveRooms(socket: Socket, visitor: boolean): void {
    const d = data(socket);
    for (const topic of TOPICS) {
      if (socket.rooms.has(room(topic, !visitor))) void socket.leave(room(topic, !visitor));
    }
    d.visitor = visitor;
    socket.emit(WALL_EVENTS.resubscribe);
  }

  /** Every screen of the wall online, on this server and the others, has prepared the current scene version:
   *  the wall manager may bring the switch forward (a follower's manager ignores it; its primary decides). */
  function checkReady(wall: string): void {
    const version = walls().state(wall).version;
    const members = allScreens().filter((x) => x.wall === wall && x.screen !== null);
    if (members.every((x) => x.ready >= version)) walls().ready(wall, version);
  }

  function localScreens(): ScreenPresence[] {
    const out: ScreenPresence[] = [];
    for (const s of io.sockets.sockets.values()) {
      const d = data(s);
      if (d.wall) out.push({ wall: d.wall, screen: d.screen, name: d.identity.name, via: d.identity.via, since: d.since, screenId: d.identity.screen?.id ?? null, ready: d.ready });
    }
    return out;
  }
  function allScreens(): ScreenPresence[] {
    const t = Date.now();
    const out = localScreens();
    for (const [node, r] of remote) {
      if (t - r.at > REMOTE_STALE_MS) remote.delete(node);
      else out.push(...r.screens);
    }
    return out;
  }

  // Every server sends the hub's changes to its own sockets only (io.local): in a cluster each server holds a copy
  // of the hub fed by the primary (server/cluster/hub-relay.ts), so nothing is delivered twice.
  const local = io.local;
  const hasMembers = (name: string) => (io.sockets.adapter.rooms.get(name)?.size ?? 0) > 0;
  const stop = hub.listen({
    delta: (d) => {
      local.to(room(d.topic, false)).emit(EVENTS.delta, d);
      if (hasMembers(room(d.topic, true))) local.to(room(d.topic, true)).emit(EVENTS.delta, visitorDelta(d));
    },
    fleetFrame: (bytes) => { local.to([room('fleet', false), room('fleet', true)]).emit(EVENTS.fleetFrame, bytes); },
  });

  function notifyConsoles(what: string): void { local.to(CONSOLE).emit(WALL_EVENTS.consoleChanged, { what }); }

  return {
    io,
    clients: () => io.engine.clientsCount,
    /** A wall's state changed: every screen of it gets the state; a change of mode moves them between rooms first. */
    wallChanged(state: WallState, before: WallState): void {
      if (state.mode !== before.mode) {
        for (const s of io.sockets.sockets.values()) if (data(s).wall === state.wall) moveRooms(s, state.mode === 'visitor');
      }
      local.to(wallRoom(state.wall)).emit(WALL_EVENTS.state, state);
      notifyConsoles('walls');
    },
    notifyConsoles,
    /** Drops every connection of a revoked screen, telling it to pair again. */
    revokeScreen(screenId: string): void {
      for (const s of io.sockets.sockets.values()) {
        if (data(s).identity.screen?.id === screenId) { s.emit(WALL_EVENTS.revoked); s.disconnect(true); }
      }
      notifyConsoles('screens');
    },
    /** wall screens online on every server of the cluster */
    online: (): OnlineScreen[] => allScreens().map(({ ready: _ready, ...s }) => s),
    localScreens,
    /** another server's wall screens (a follower reports them to the primary) */
    setRemote(node: string, screens: ScreenPresence[] | null): void {
      if (screens) remote.set(node, { screens, at: Date.now() }); else remote.delete(node);
      for (const wall of new Set(screens?.map((x) => x.wall) ?? [])) checkReady(wall);
      notifyConsoles('screens');
    },
    /** every socket of this server fetches every topic anew (its hub was reloaded from the primary) */
    resubscribeAll(): void { local.emit(WALL_EVENTS.resubscribe); },
    close(): void {
      stop();
      local.disconnectSockets(true);
      io.engine.close();
    },
  };
}
export type Gateway = ReturnType<typeof attachGateway>;
