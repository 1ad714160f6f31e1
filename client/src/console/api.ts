// The console's side of the HTTP API: the operator's token (localStorage), JSON calls that turn refusals into
// readable errors, and a socket that says when something changed.
import { io, type Socket } from 'socket.io-client';
import { liveSocketOptions } from '../../../server/protocol/socket-parser';
import { WALL_EVENTS } from '../../../server/protocol/walls';
import { EVENTS, RECONNECT, type ClientEvents, type ServerEvents } from '../../../server/protocol/live';

const KEY = 'sitroom.console-token';
export const consoleToken = (): string | null => { try { return localStorage.getItem(KEY); } catch { return null; } };
export const keepConsoleToken = (t: string | null): void => { if (t) localStorage.setItem(KEY, t); else localStorage.removeItem(KEY); };

export class ApiError extends Error { constructor(readonly status: number, message: string) { super(message); } }

export async function api<T>(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const token = consoleToken();
  const res = await fetch(url, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as ({ message?: string } & T) | null;
  if (!res.ok) throw new ApiError(res.status, json?.message ?? `HTTP ${res.status}`);
  return json as T;
}

/** Calls `changed` whenever the server says walls, screens, pairings or the log changed, and after every
 *  (re)connection, so the console refreshes after a server restart by itself. */
export function consoleSocket(changed: () => void): { close(): void } {
  const socket: Socket<ServerEvents, ClientEvents> = io({ transports: ['websocket'], ...RECONNECT,
    ...liveSocketOptions({ token: consoleToken() ?? '' }) });
  let closed = false;
  socket.on('connect', () => { socket.emit(EVENTS.consoleJoin, () => changed()); });
  socket.on(WALL_EVENTS.consoleChanged, () => changed());
  // socket.io does not come back by itself after a server-side disconnect: ask again
  socket.on('disconnect', (reason) => {
    changed();
    if (reason === 'io server disconnect') setTimeout(() => { if (!closed && !socket.connected) socket.connect(); }, 1000);
  });
  return { close: () => { closed = true; socket.close(); } };
}
