// A screen that stops reading (a frozen tab, a half-dead network) must not hold memory or slow the others: what the
// server has queued for it is measured once a tick, and past the limit its connection is dropped at the transport
// (not "io server disconnect"), so its client reconnects by itself and resyncs through "since N" or a snapshot.
import type { LiveServer, LiveSocket } from './types';

/** Bytes queued for one client (its WebSocket's buffer, which `ws` counts with its TCP socket's, plus packets
 *  engine.io holds back); a rough but safe measure. */
function queuedBytes(socket: LiveSocket): number {
  const conn = socket.conn as unknown as { writeBuffer?: unknown[]; transport?: { socket?: { bufferedAmount?: number } } };
  const inWs = conn.transport?.socket?.bufferedAmount ?? 0;
  // packets waiting in engine.io while the transport is not writable: counted at a nominal 16 KB each
  return inWs + (conn.writeBuffer?.length ?? 0) * 16_384;
}

/** Drops every local client with more than `limitBytes` queued; returns how many were dropped. */
export function dropStalled(io: LiveServer, limitBytes: number, log: (msg: string, extra?: Record<string, unknown>) => void): number {
  let dropped = 0;
  for (const s of io.of('/').sockets.values()) {
    const q = queuedBytes(s);
    if (q <= limitBytes) continue;
    log('socket: a client stopped reading; dropped at the transport (it reconnects and resyncs)', { socket: s.id, queuedBytes: q });
    s.conn.close();
    dropped++;
  }
  return dropped;
}
