// Builds the whole Sitroom server from its parts (server/app/parts/), each owning its resources and releasing them
// when the app closes: data (files, cluster, database), live (hub, ingest, jobs), access, producers (simulator, CAP,
// the OsmAnd listener), walls (manager, gateway, pairing, cluster relay), then the routes. It never listens;
// server/main.ts does, and tests build the app the same way.
import pinoPretty from 'pino-pretty';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config/config';
import { speedClock, type Clock } from './clock';
import type { Sitroom } from './sitroom';
import { clusterPart, loadFiles, storePart } from './parts/data';
import { livePart } from './parts/live';
import { accessPart } from './parts/access';
import { osmandListener, producersPart } from './parts/producers';
import { wallsPart } from './parts/walls';
import { registerErrors } from './parts/errors';
import { registerRoutes } from './parts/routes';

export interface BuildOptions {
  clock?: Clock;
  /** start jobs and the simulator when the app is ready (tests may drive them by hand) */
  autoStart?: boolean;
  logger?: boolean;
}

/** SITROOM_TRUST_PROXY, and in a cluster this host: a follower forwards writes with the client's address in X-Forwarded-For */
export const trustedProxies = (config: Config): string[] => [...config.trustProxy, ...(config.redisUrl ? ['127.0.0.1', '::1'] : [])];

/** Readable lines for a person at a terminal (pino-pretty, written synchronously so nothing is lost on a crash),
 *  JSON lines for a log collector. */
function loggerOptions(config: Config) {
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  if (!pretty) return { level: config.logLevel };
  return { level: config.logLevel, stream: pinoPretty({ sync: true, colorize: process.stdout.isTTY === true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }) };
}

function fastify(config: Config, options: BuildOptions): FastifyInstance {
  return Fastify({
    logger: options.logger === false ? false : loggerOptions(config),
    trustProxy: trustedProxies(config).length ? trustedProxies(config) : false,
    // the first start backfills a year of history before it listens; it must not count as a stuck plugin
    pluginTimeout: 0,
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } },
  });
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const clock = options.clock ?? speedClock(config.sim.speed);
  const now = () => clock.now();
  const files = loadFiles(config);
  const app = fastify(config, options);
  const log = (msg: string, extra: Record<string, unknown> = {}) => app.log.info(extra, msg);
  const { cluster, primary } = await clusterPart(app, config, log);
  const store = await storePart(app, config, primary).catch(async (e: unknown) => { await cluster?.close(); throw e; });
  const base = { config, reference: files.reference, store, primary, now, log };
  const live = livePart(app, base);
  const keys = accessPart(config, store, trustedProxies(config));
  const producers = producersPart(app, { ...base, hub: live.hub, ingest: live.ingest });
  const walls = wallsPart(app, { ...base, hub: live.hub, access: keys.access, summary: live.summary, moments: live.moments, wallConfig: files.wallConfig, cluster });
  const osmand = await osmandListener(app, { ...base, hub: live.hub, ingest: live.ingest }, keys.devices);
  const sitroom: Sitroom = { config, reference: files.reference, layouts: files.layouts, store, hub: live.hub, ingest: live.ingest, jobs: live.jobs, moments: live.moments,
    gateway: walls.gateway, sim: producers.sim, clock, ...keys, cap: producers.cap, pairing: walls.pairing, walls: walls.walls, cluster, primary, osmand };
  app.decorate('sitroom', sitroom);
  registerErrors(app);
  await registerRoutes(app, sitroom, { notifyConsoles: walls.notifyConsoles, revoked: walls.revoked, summary: live.summary });

  app.addHook('onReady', async () => {
    if (walls.follower) { await walls.follower.start(); return; }
    if (options.autoStart === false) return;
    await producers.start();
    live.jobs.refreshKpi(true);
    live.jobs.start();
    walls.walls.start();
  });
  return app;
}
