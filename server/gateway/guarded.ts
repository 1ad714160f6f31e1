// Every handler of a client's event runs through here: an exception (a bug, or input no check foresaw) answers that
// client and is logged; it never reaches the process, which would stop every wall.
export type Log = (msg: string, extra?: Record<string, unknown>) => void;

/** Wraps an event handler: a throw or a rejection acks `{ ok: false, error }` when the client asked for an answer. */
export function guarded<A extends unknown[]>(socket: { id: string }, event: string, log: Log, handler: (...args: A) => unknown) {
  return (...args: A): void => {
    const ack = args.find((a): a is (r: unknown) => void => typeof a === 'function');
    const fail = (e: unknown) => {
      log('socket: a handler failed; the client was answered with an error', { event, socket: socket.id, error: (e as Error)?.stack ?? String(e) });
      try { ack?.({ ok: false, error: `${event}: internal error; see the server log` }); } catch { /* the client is gone */ }
    };
    try {
      const r = handler(...args);
      if (r instanceof Promise) r.catch(fail);
    } catch (e) { fail(e); }
  };
}
