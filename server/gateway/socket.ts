// The gateway: the only module that knows socket.io. Topics are rooms; a subscribe answers with a snapshot or the
// missed deltas; the hub's deltas and fleet frames are encoded once per message and sent to each room.
import { Server, type Socket } from 'socket.io';
import type { Server as HttpServer } from 'node:http';
import { EVENTS, PROTOCOL_VERSION, TOPICS, parseSubscribe, type Hello, type SubscribeReply, type Topic, type TopicSync,
  type UnsubscribeReply } from '../protocol/live';
import type { Hub } from '../hub/hub';
import type { Summary } from '../protocol/summary';

const room = (topic: Topic) => `topic:${topic}`;

export interface GatewayOptions {
  hub: Hub;
  now: () => number;
  /** the kpi snapshot comes from the indicators, computed on demand when none is cached */
  kpi: () => Summary;
}

export function attachGateway(server: HttpServer, { hub, now, kpi }: GatewayOptions) {
  const io = new Server(server, { serveClient: false, perMessageDeflate: false, maxHttpBufferSize: 1e6 });

  const sync = (topic: Topic, since: number | undefined): TopicSync => {
    const time = now();
    if (since !== undefined) {
      const deltas = hub.since(topic, since);
      if (deltas) return { topic, mode: 'replay', seq: hub.seq(topic), time, deltas } as TopicSync;
    }
    const snapshot = topic === 'kpi' ? (hub.snapshot('kpi') ?? kpi()) : hub.snapshot(topic);
    return { topic, mode: 'snapshot', seq: hub.seq(topic), time, snapshot } as TopicSync;
  };

  io.on('connection', (socket: Socket) => {
    const hello: Hello = { protocol: PROTOCOL_VERSION, time: now(), topics: TOPICS };
    socket.emit(EVENTS.hello, hello);
    socket.on(EVENTS.subscribe, (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const req = parseSubscribe(raw);
      if ('error' in req) return ack({ ok: false, error: req.error } satisfies SubscribeReply);
      // Joining and taking the snapshot happen in one synchronous step, so no delta can fall between them.
      const results = req.topics.map(({ topic, since }) => {
        void socket.join(room(topic));
        return sync(topic, since);
      });
      ack({ ok: true, time: now(), results } satisfies SubscribeReply);
    });
    socket.on(EVENTS.unsubscribe, (raw: unknown, ack: unknown) => {
      const req = parseSubscribe(raw);
      if (!('error' in req)) for (const { topic } of req.topics) void socket.leave(room(topic));
      if (typeof ack === 'function') ack(('error' in req ? { ok: false, error: req.error } : { ok: true }) satisfies UnsubscribeReply);
    });
  });

  const stop = hub.listen({
    delta: (d) => { io.to(room(d.topic)).emit(EVENTS.delta, d); },
    fleetFrame: (bytes) => { io.to(room('fleet')).emit(EVENTS.fleetFrame, bytes); },
  });

  return {
    io,
    clients: () => io.engine.clientsCount,
    close(): void {
      stop();
      io.disconnectSockets(true);
      io.engine.close();
    },
  };
}
export type Gateway = ReturnType<typeof attachGateway>;
