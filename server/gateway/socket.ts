// The gateway: the only module that knows socket.io. Pages of foreign origins are refused at the handshake; every
// connection is identified once, in middleware (screen token, operator session, admin token, or a program or
// same-origin page on this computer); an unknown one is refused with `unpaired`. Topics are rooms; a subscribe answers
// with a snapshot or the missed deltas of this run; the hub's deltas and fleet frames are encoded once per message
// and sent to each room. Whether a socket gets the visitor version is the server's decision, from the wall it shows.
import { Server } from 'socket.io';
import type { Server as HttpServer } from 'node:http';
import { EVENTS, PROTOCOL_VERSION, TOPICS, type ClientEvents, type Hello, type Topic } from '../protocol/live';
import { UNPAIRED, WALL_EVENTS, type OnlineScreen, type WallState } from '../protocol/walls';
import { visitorAllowed, visitorDelta } from '../hub/visitor';
import { SOCKET_PARSER_AUTH, sitroomParser } from '../protocol/socket-parser';
import { fleetPositions } from '../protocol/fleet-json';
import { decodeFleetHeader } from '../protocol/fleet-frame';
import { preEncodeBinaryFrames } from './pre-encoded-frames';
import { originPolicy } from './origin';
import { dropStalled } from './backpressure';
import { dropExpired, IDENTITY_RECHECK_MS } from './identity-check';
import { screenPresence, type ScreenPresence } from './presence';
import type { GatewayOptions, LiveServer, LiveSocket, SocketData } from './types';
import { gatewayEvents } from './events';
import { guarded } from './guarded';
import { clientHandlers, type RoomRules } from './handlers';
import { visitorWallState } from '../walls/visitor-state';

export type { ScreenPresence, GatewayOptions, LiveServer, LiveSocket };
export type { GatewayEvents } from './events';

/** the largest message a client may send: every client event is a few hundred bytes */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;
/** the JSON fleet goes out at most this often (a frame comes about once a second; a burst of them must not multiply it) */
const JSON_FLEET_INTERVAL_MS = 900;
/** bytes queued for one client before it counts as stalled and is dropped (about 20 s of a 2,000-team fleet) */
export const STALLED_CLIENT_BYTES = 8 * 1024 * 1024;

const room = (topic: Topic, visitor: boolean) => `${visitor ? 'visitor' : 'topic'}:${topic}`;
const wallRoom = (wall: string, visitor: boolean) => `${visitor ? 'visitor-wall' : 'wall'}:${wall}`;
const jsonFleetRoom = (visitor: boolean) => `${visitor ? 'visitor' : 'topic'}:fleet:json`;
const readsFrames = (socket: LiveSocket) => (socket.handshake.auth as Record<string, unknown> | undefined)?.[SOCKET_PARSER_AUTH.key] === SOCKET_PARSER_AUTH.value;
const CONSOLE = 'console';

export function attachGateway(server: HttpServer, o: GatewayOptions) {
  const policy = originPolicy(o.origins);
  const events = gatewayEvents();
  const io: LiveServer = new Server(server, { serveClient: false, perMessageDeflate: false, maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    parser: sitroomParser, allowRequest: (req, cb) => { const ok = policy.allows(req); cb(ok ? null : `origin ${policy.describe(req)} may not open the live socket`, ok); },
    ...(o.adapter ? { adapter: o.adapter } : {}) });
  preEncodeBinaryFrames(io.of('/').adapter);
  const presence = screenPresence(io);
  const local = io.local;
  const hasMembers = (name: string) => (io.sockets.adapter.rooms.get(name)?.size ?? 0) > 0;

  /** The wall a socket shows (a paired screen's own wins over what it says) is in visitor mode; an unknown wall fails closed. */
  const visitorFor = (d: SocketData): boolean => {
    const wall = d.identity.screen?.wall ?? d.wall;
    if (!wall) return false;
    try { return o.walls.state(wall).mode === 'visitor'; } catch { return true; }
  };
  /** Puts a socket in the rooms of the kind its wall's mode says, leaving every room of the other kind. */
  const placeRooms = (socket: LiveSocket): boolean => {
    const d = socket.data;
    const visitor = visitorFor(d);
    if (visitor !== d.visitor) {
      for (const t of TOPICS) if (socket.rooms.has(room(t, !visitor))) void socket.leave(room(t, !visitor));
      if (socket.rooms.has(jsonFleetRoom(!visitor))) { void socket.leave(jsonFleetRoom(!visitor)); void socket.join(jsonFleetRoom(visitor)); }
      if (d.wall) { void socket.leave(wallRoom(d.wall, !visitor)); void socket.join(wallRoom(d.wall, visitor)); }
      d.visitor = visitor;
    }
    return visitor;
  };
  const wallStateFor = (state: WallState, visitor: boolean) => (visitor ? visitorWallState(state, o.reference) : state);
  const notifyConsoles = (what: string) => { local.to(CONSOLE).emit(WALL_EVENTS.consoleChanged, { what }); };
  const checkReady = (wall: string) => {
    const version = o.walls.state(wall).version;
    if (presence.allReady(wall, version)) o.walls.ready(wall, version);
  };
  const rules: RoomRules = { room, wallRoom, jsonFleetRoom, readsFrames, console: CONSOLE, placeRooms, wallStateFor, notifyConsoles, checkReady };

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const address = policy.trustsLoopback(socket.request) ? o.access.trustAddress(socket.request) : undefined;
    const token = typeof auth?.token === 'string' ? auth.token : undefined;
    const identity = o.access.identify(token, address);
    if (!identity) return next(new Error(UNPAIRED));
    socket.data = { identity, token, address, wall: null, screen: null, visitor: false, since: Date.now(), ready: 0 };
    if (identity.screen) events.screenSeen(identity.screen.id);
    next();
  });

  const handlers = clientHandlers(o, rules, events);
  io.on('connection', (socket) => {
    const hello: Hello = { protocol: PROTOCOL_VERSION, time: o.now(), run: o.hub.run(), topics: TOPICS };
    socket.emit(EVENTS.hello, hello);
    for (const [event, handler] of Object.entries(handlers)) {
      socket.on(event as keyof ClientEvents, guarded(socket, event, o.log, (...args: unknown[]) => handler(socket, ...args)));
    }
    socket.on('disconnect', guarded(socket, 'disconnect', o.log, () => {
      if (socket.data.wall) { notifyConsoles('screens'); events.screensChanged(); }
    }));
  });

  // Every server sends the hub's changes to its own sockets only (io.local): in a cluster each server holds a copy
  // of the hub fed by the primary (server/cluster/hub-relay.ts), so nothing is delivered twice.
  const stop = o.hub.listen({
    delta: (d) => {
      local.to(room(d.topic, false)).emit(EVENTS.delta, d);
      if (!hasMembers(room(d.topic, true))) return;
      const v = visitorDelta(d);
      if (v) local.to(room(d.topic, true)).emit(EVENTS.delta, v);
    },
    fleetFrame: (bytes) => {
      // the frame holds indexes, positions and statuses only: the same bytes serve visitor screens
      const rooms = visitorAllowed('fleet') ? [room('fleet', false), room('fleet', true)] : [room('fleet', false)];
      local.to(rooms).except([jsonFleetRoom(false), jsonFleetRoom(true)]).emit(EVENTS.fleetFrame, bytes);
      sendJsonFleet(bytes);
    },
  });
  /** the JSON positions, built once per kind for all their clients, at most once a second */
  let jsonSentAt = -Infinity;
  function sendJsonFleet(bytes: Uint8Array): void {
    const plain = hasMembers(jsonFleetRoom(false)), visitor = visitorAllowed('fleet') && hasMembers(jsonFleetRoom(true));
    const t = Date.now();
    if ((!plain && !visitor) || t - jsonSentAt < JSON_FLEET_INTERVAL_MS) return;
    jsonSentAt = t;
    const { seq, time } = decodeFleetHeader(bytes);
    const views = o.hub.snapshot('fleet').vehicles;
    if (plain) local.to(jsonFleetRoom(false)).emit(EVENTS.fleetPositions, fleetPositions(views, seq, time, false));
    if (visitor) local.to(jsonFleetRoom(true)).emit(EVENTS.fleetPositions, fleetPositions(views, seq, time, true));
  }
  const recheck = () => { dropExpired(io, o.access, notifyConsoles); };
  const recheckTimer = setInterval(recheck, IDENTITY_RECHECK_MS);
  recheckTimer.unref();
  const stopRights = o.access.onRightsChanged(recheck);
  let droppedStalled = 0;
  const stallTimer = setInterval(() => { droppedStalled += dropStalled(io, o.stalledBytes ?? STALLED_CLIENT_BYTES, o.log); }, 1000);
  stallTimer.unref();

  return {
    io,
    onScreenSeen: events.onScreenSeen,
    onScreensChanged: events.onScreensChanged,
    clients: () => io.engine.clientsCount,
    stats: () => ({ clients: io.engine.clientsCount, droppedStalled }),
    /** A wall's state changed: sockets move rooms first when its mode changed, then each gets its kind of state. */
    wallChanged(state: WallState, before: WallState): void {
      if (state.mode !== before.mode) {
        for (const s of io.of('/').sockets.values()) {
          if ((s.data.identity.screen?.wall ?? s.data.wall) !== state.wall) continue;
          const was = s.data.visitor;
          if (placeRooms(s) !== was) s.emit(WALL_EVENTS.resubscribe);
        }
      }
      local.to(wallRoom(state.wall, false)).emit(WALL_EVENTS.state, state);
      if (hasMembers(wallRoom(state.wall, true))) local.to(wallRoom(state.wall, true)).emit(WALL_EVENTS.state, wallStateFor(state, true));
      notifyConsoles('walls');
    },
    notifyConsoles,
    /** Drops every connection of a revoked screen, telling it to pair again. */
    revokeScreen(screenId: string): void {
      for (const s of io.of('/').sockets.values()) {
        if (s.data.identity.screen?.id === screenId) { s.emit(WALL_EVENTS.revoked); s.disconnect(true); }
      }
      notifyConsoles('screens');
    },
    /** wall screens online on every server of the cluster */
    online: (): OnlineScreen[] => presence.all().map(({ ready: _ready, ...s }) => s),
    localScreens: presence.local,
    /** another server's wall screens (a follower reports them to the primary) */
    setRemote(node: string, screens: ScreenPresence[] | null): void {
      presence.setRemote(node, screens);
      for (const wall of new Set(screens?.map((x) => x.wall) ?? [])) checkReady(wall);
      notifyConsoles('screens');
    },
    /** every socket of this server fetches every topic anew (its hub was reloaded from the primary) */
    resubscribeAll(): void { local.emit(WALL_EVENTS.resubscribe); },
    /** Stops: tells every client this is a restart, lets that notice leave, then closes each transport (not an
     *  "io server disconnect", after which socket.io clients would not come back by themselves). */
    async close(afterMs = 2000): Promise<void> {
      stop();
      stopRights();
      clearInterval(stallTimer);
      clearInterval(recheckTimer);
      local.emit(EVENTS.restart, { time: o.now(), run: o.hub.run(), afterMs });
      for (const s of io.of('/').sockets.values()) s.conn.close();
      await new Promise((r) => setTimeout(r, 50));
      io.engine.close();
    },
  };
}
export type Gateway = ReturnType<typeof attachGateway>;
