// Builds the whole Sitroom server: store, hub, ingest, API, live gateway, jobs and (optionally) the simulator.
// It never listens; server/main.ts does, and tests build the app the same way.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config';
import { loadReference, type Reference } from '../reference/load';
import { DEFAULT_LAYOUT, loadLayouts } from '../reference/layouts';
import type { Layout } from '../protocol/layout';
import { createStore, type Store } from '../store';
import { takeWriterLock } from '../store/writer-lock';
import { createHub, APPEAL_WINDOW, RESOLVED_INCIDENT_WINDOW, type Hub } from '../hub/hub';
import { createIngest, type Ingest } from '../ingest/pipeline';
import { IngestError } from '../ingest/errors';
import { ingestRoutes } from '../ingest/routes';
import { fileSecret } from '../access/secrets';
import { createProducerKeys, type ProducerKeys } from '../access/producer-keys';
import { registerRateLimit, registerRoles } from '../access/guard';
import { createAccess, type Access } from '../access/identity';
import { createPairing, type Pairing } from '../access/pairing';
import { sessionRoutes } from '../access/session-routes';
import { pairingRoutes } from '../access/pairing-routes';
import { loadWalls } from '../reference/walls';
import { createWallManager, type WallManager } from '../walls/manager';
import { wallRoutes } from '../walls/routes';
import { screenPages } from '../api/screen-pages';
import { adminRoutes } from '../access/admin-routes';
import { STATUS_CODES } from 'node:http';
import { readRoutes } from '../api/read-routes';
import { layoutRoutes } from '../api/layout-routes';
import { registerDocs } from '../api/docs';
import { open311Routes } from '../adapters/open311/routes';
import { osmandRoutes } from '../adapters/osmand/routes';
import { capRoutes } from '../adapters/cap/routes';
import { createCapReceiver, type CapReceiver } from '../adapters/cap/receive';
import { createCapFeeds, type CapFeeds } from '../adapters/cap/feeds';
import { fiwareRoutes } from '../adapters/fiware/routes';
import { createWasteReceiver } from '../adapters/fiware/apply';
import { attachGateway, type Gateway } from '../gateway/socket';
import { computeSummary } from '../domain/indicators';
import { createJobs, type Jobs } from '../jobs';
import { createSimulator, type Simulator } from '../sim';
import { speedClock, type Clock } from './clock';
import { joinCluster, type ClusterNode } from '../cluster/cluster';
import { followPrimary, publishFromPrimary, relayNotices, reportScreens } from '../cluster/hub-relay';
import { forwardWrites } from '../cluster/write-forward';

export interface Sitroom {
  config: Config;
  reference: Reference;
  layouts: Map<string, Layout>;
  store: Store;
  hub: Hub;
  ingest: Ingest;
  jobs: Jobs;
  gateway: Gateway;
  sim: Simulator | null;
  clock: Clock;
  producerKeys: ProducerKeys;
  /** the first-start ingest key and where it is kept (null when SITROOM_INGEST_KEYS is set) */
  generatedKey: { key: string; file: string } | null;
  admin: { token: string; file: string | null };
  cap: { receiver: CapReceiver; feeds: CapFeeds };
  access: Access;
  pairing: Pairing;
  walls: WallManager;
  /** several servers through Redis (SITROOM_REDIS_URL), or null for a single server */
  cluster: ClusterNode | null;
  /** this server writes (single server or the cluster's primary) */
  primary: boolean;
}

declare module 'fastify' {
  interface FastifyInstance { sitroom: Sitroom }
}

export interface BuildOptions {
  clock?: Clock;
  /** start jobs and the simulator when the app is ready (tests may drive them by hand) */
  autoStart?: boolean;
  logger?: boolean;
}

const clientDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/dist');

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const clock = options.clock ?? speedClock(config.sim.speed);
  const now = () => clock.now();
  const reference = loadReference(config.dataDir, config.geoDir, config.deadlinesHours);
  const layouts = loadLayouts(config.dataDir);
  const wallConfig = loadWalls(config.dataDir);
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    // in a cluster a follower on this host forwards writes with the client's address in X-Forwarded-For
    trustProxy: config.redisUrl ? ['127.0.0.1', '::1'] : false,
    // the first start backfills a year of history before it listens; it must not count as a stuck plugin
    pluginTimeout: 0,
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const log = (msg: string, extra: Record<string, unknown> = {}) => app.log.info(extra, msg);
  const cluster = config.redisUrl ? await joinCluster(config.redisUrl, log) : null;
  const primary = cluster === null || cluster.role === 'primary';
  // one writer per database file: a second server on it stops here, naming the one that holds it
  const writer = primary ? await takeWriterLock(config.dbPath, 2000, String(config.port)).catch(async (e: unknown) => { await cluster?.close(); throw e; }) : null;
  const store = createStore(config.dbPath, config.dbSync);
  if (cluster) log(`cluster: this server is the ${cluster.role}`, { id: cluster.id });

  const hub = createHub(reference.municipalities.map((m) => m.id), reference.operators.map((o) => o.id));
  const t0 = now();
  // a follower's hub is a copy of the primary's, loaded when the app is ready (hub-relay.ts)
  if (primary) hub.load({
    appeals: store.appeals.receivedSince(t0 - APPEAL_WINDOW), incidents: store.incidents.live(t0 - RESOLVED_INCIDENT_WINDOW),
    vehicles: store.fleet.all(), containers: store.containers.all(),
  }, t0);
  let jobs: Jobs | null = null;
  const ingest = createIngest({ store, hub, reference, now, timezone: config.timezone, outOfRegion: config.outOfRegion,
    onChange: () => jobs?.markDirty() });
  jobs = createJobs({ store, hub, ingest, config, now, log,
    computeSummary: (t) => computeSummary(store, reference, hub, t, config.timezone) });
  const producerKeys = createProducerKeys(store.producerKeys, () => Date.now());
  for (const k of config.ingestKeys) producerKeys.ensure(k.key, k.name, 'config');
  let generatedKey: Sitroom['generatedKey'] = null;
  if (!config.ingestKeys.length) {
    const { secret, file } = fileSecret(config.dbPath, 'ingest-key');
    producerKeys.ensure(secret, 'default', 'generated');
    generatedKey = { key: secret, file };
  }
  const adminFile = config.adminToken ? null : fileSecret(config.dbPath, 'admin-token');
  const admin = { token: config.adminToken ?? adminFile!.secret, file: adminFile?.file ?? null };
  const access = createAccess({ store, adminToken: admin.token, trustLoopback: config.trustLoopback, sessionHours: config.sessionHours,
    dbPath: config.dbPath, now: () => Date.now() });
  let walls: WallManager | null = null;
  let pairing: Pairing | null = null;
  // the indicators: computed here on a single server or the primary; a follower shows the primary's copy
  const summary = () => primary ? jobs.summary() : (hub.snapshot('kpi') ?? computeSummary(store, reference, hub, now(), config.timezone));
  let screens: ReturnType<typeof reportScreens> | null = null;
  const gateway = attachGateway(app.server, { hub, now, kpi: summary, access, reference, walls: () => walls!, origins: config.origins,
    log: (msg, extra) => app.log.warn(extra ?? {}, msg), stalledBytes: config.limits.socketBufferMb * 1024 * 1024,
    seen: (id) => { if (primary) pairing?.seen(id); }, adapter: cluster?.adapter, screensChanged: () => screens?.changed() });
  const relay = cluster && primary ? relayNotices(gateway.io) : null;
  const notifyConsoles = (what: string) => { gateway.notifyConsoles(what); relay?.console(what); };
  walls = createWallManager({ walls: wallConfig.walls, scenes: wallConfig.scenes, store, reference, hub, timezone: config.timezone,
    now: () => Date.now(), dataNow: now, follower: !primary,
    onState: (s, before) => { gateway.wallChanged(s, before); relay?.wall(s); }, onAction: () => notifyConsoles('log') });
  pairing = createPairing({ store, now: () => Date.now(), wall: (id) => walls!.config(id),
    online: (id) => gateway.online().some((o) => o.screenId === id) });
  if (cluster) screens = reportScreens(gateway.io, cluster, gateway, (id) => { if (primary) pairing!.seen(id); });
  const follower = cluster && !primary ? followPrimary(gateway.io, cluster, hub, walls, gateway, log) : null;
  const stopPublishing = cluster && primary ? publishFromPrimary(gateway.io, hub, walls) : null;
  const sim = config.sim.enabled && primary ? createSimulator({ config, reference, ingest, store, now, log }) : null;
  const capReceiver = createCapReceiver({ ingest, store, reference, now, language: config.cap.language });
  const capFeeds = createCapFeeds(config.cap.feeds, config.cap.pollSeconds, capReceiver, (msg, extra) => app.log.warn(extra ?? {}, msg));
  let capExpiry: NodeJS.Timeout | null = null;
  const sitroom: Sitroom = { config, reference, layouts, store, hub, ingest, jobs, gateway, sim, clock, producerKeys,
    generatedKey, admin, cap: { receiver: capReceiver, feeds: capFeeds }, access, pairing, walls, cluster, primary };
  app.decorate('sitroom', sitroom);

  app.setErrorHandler((error: FastifyError, _req, reply) => {
    if (error instanceof IngestError) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: error.message, field: error.field });
    }
    if (error.validation) {
      const v = error.validation[0];
      const extra = (v?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
      const field = `${error.validationContext ?? 'body'}${v?.instancePath ?? ''}${extra ? `/${extra}` : ''}`;
      const message = extra ? `${field}: unknown field` : `${field}: ${v?.message ?? error.message}`;
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message, field });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) app.log.error(error);
    const message = status >= 500 ? 'internal error; see the server log'
      : status === 413 ? `body: larger than this endpoint takes (${error.message})` : error.message;
    const own = (error as { field?: unknown }).field;
    return reply.code(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message,
      ...(typeof own === 'string' ? { field: own } : {}),
      ...(status === 413 || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? { field: 'body' } : {}) });
  });

  // before any other hook: a follower's writes are the primary's to check, limit and store
  if (cluster && !primary) forwardWrites(app, () => cluster.primaryUrl());
  await registerDocs(app);
  await registerRateLimit(app, config.limits.perMinute);
  registerRoles(app, access);
  const bodyLimit = Math.round(config.limits.bodyMb * 1024 * 1024);
  await app.register(ingestRoutes, { ingest, keys: producerKeys, bodyLimit });
  await app.register(adminRoutes, { keys: producerKeys, access });
  await app.register(sessionRoutes, { access });
  await app.register(pairingRoutes, { pairing, changed: notifyConsoles, revoked: (id) => { gateway.revokeScreen(id); relay?.revoke(id); } });
  await app.register(wallRoutes, { walls, online: () => gateway.online() });
  await app.register(open311Routes, { prefix: '/open311/v2', ingest, store, reference, keys: producerKeys, timezone: config.timezone,
    now, channel: config.open311Channel });
  await app.register(capRoutes, { cap: capReceiver, feeds: capFeeds, keys: producerKeys, store });
  await app.register(fiwareRoutes, { waste: createWasteReceiver({ ingest, store, reference, now }), keys: producerKeys, bodyLimit });
  await app.register(osmandRoutes, { ingest, hub, osmand: config.osmand, now, path: '/osmand' });
  await app.register(layoutRoutes, { layouts, defaultId: DEFAULT_LAYOUT });
  await app.register(readRoutes, { store, hub, reference, now, summary, cluster: () => (cluster ? { id: cluster.id, role: cluster.role, redis: cluster.connected() } : null), startedAt: Date.now(), live: () => gateway.stats() });
  if (existsSync(path.join(clientDist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt wall (new hashed names) is served without a restart
    await app.register(fastifyStatic, { root: clientDist, wildcard: true });
    await app.register(screenPages, { index: path.join(clientDist, 'index.html') });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html').send(
      '<!doctype html><meta charset="utf-8"><title>Sitroom</title><body style="background:#0A0F1A;color:#E8EEF7;font:20px sans-serif">' +
      '<p>The wall is not built yet: run <code>npm run build</code> (npm start does it for you).</p>' +
      '<p>Стена ещё не собрана: выполните <code>npm run build</code>.</p>'));
  }

  app.addHook('onReady', async () => {
    if (follower) { await follower.start(); return; }
    if (options.autoStart === false) return;
    if (sim) await sim.start();
    jobs.refreshKpi(true);
    jobs.start();
    walls!.start();
    capFeeds.start();
    capExpiry = setInterval(() => capReceiver.expire(), 60_000);
    capExpiry.unref();
  });
  app.addHook('preClose', async () => {
    capFeeds.stop();
    if (capExpiry) clearInterval(capExpiry);
    jobs.stop();
    walls!.stop();
    sim?.stop();
    stopPublishing?.();
    screens?.stop();
    await gateway.close();
  });
  app.addHook('onClose', async () => {
    await cluster?.close();
    store.close();
    writer?.release();
  });
  return app;
}
