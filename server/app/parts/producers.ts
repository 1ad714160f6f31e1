// The producers a server runs itself: the simulator of the republic (the writer only), CAP feeds it polls, the CAP
// expiry, and the OsmAnd / Traccar Client listener on its own port, built here as an app of its own (main.ts makes
// it listen; tests inject into it). Each starts when the app is ready and stops before it closes.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../../config/config';
import type { Reference } from '../../reference/load';
import type { Store } from '../../store';
import type { Hub } from '../../hub/hub';
import type { Ingest } from '../../ingest/pipeline';
import { createSimulator } from '../../sim';
import { createCapReceiver } from '../../adapters/cap/receive';
import { createCapFeeds } from '../../adapters/cap/feeds';
import { osmandRoutes } from '../../adapters/osmand/routes';
import { registerRateLimit } from '../../access/guard';
import type { Devices } from '../../access/devices';
import type { Log } from './data';

export interface ProducerDeps { config: Config; reference: Reference; store: Store; hub: Hub; ingest: Ingest; primary: boolean; now: () => number; log: Log }

export function producersPart(app: FastifyInstance, d: ProducerDeps) {
  const sim = d.config.sim.enabled && d.primary
    ? createSimulator({ config: d.config, reference: d.reference, ingest: d.ingest, store: d.store, now: d.now, log: d.log }) : null;
  const receiver = createCapReceiver({ ingest: d.ingest, store: d.store, reference: d.reference, now: d.now, language: d.config.cap.language });
  const feeds = createCapFeeds(d.config.cap.feeds, d.config.cap.pollSeconds, receiver, (msg, extra) => app.log.warn(extra ?? {}, msg));
  let expiry: NodeJS.Timeout | null = null;
  app.addHook('preClose', async () => {
    feeds.stop();
    if (expiry) clearInterval(expiry);
    sim?.stop();
  });
  return {
    sim,
    cap: { receiver, feeds },
    /** Starts what runs by itself (a writer only: a follower's writes are the primary's). */
    async start(): Promise<void> {
      if (sim) await sim.start();
      feeds.start();
      expiry = setInterval(() => receiver.expire(), 60_000);
      expiry.unref();
    },
  };
}

/** Traccar Client posts to / on its own port (5055 by default): the same handler as /osmand on the main port. Only a
 *  writer has one; it is closed with the main app. */
export async function osmandListener(app: FastifyInstance, d: ProducerDeps, devices: Devices): Promise<FastifyInstance | null> {
  if (d.config.osmand.port === null || !d.primary) return null;
  const listener = Fastify({ logger: false });
  await registerRateLimit(listener, d.config.limits.perMinute);
  await listener.register(osmandRoutes, { ingest: d.ingest, devices, osmand: d.config.osmand, now: d.now, path: '/' });
  app.addHook('preClose', async () => { await listener.close(); });
  return listener;
}
