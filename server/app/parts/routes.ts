// Every HTTP route, registered in one place: docs, limits and roles first, then ingest and the standard adapters,
// access, walls, reads, and the wall's own pages (or a page saying it is not built yet).
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sitroom } from '../sitroom';
import { DEFAULT_LAYOUT } from '../../reference/layouts';
import { ingestRoutes } from '../../ingest/routes';
import { mayRead, registerRateLimit, registerRoles } from '../../access/guard';
import { sessionRoutes } from '../../access/session-routes';
import { pairingRoutes } from '../../access/pairing-routes';
import { adminRoutes } from '../../access/admin-routes';
import { deviceRoutes } from '../../access/device-routes';
import { wallRoutes } from '../../walls/routes';
import { screenPages } from '../../api/screen-pages';
import { readRoutes } from '../../api/read-routes';
import { layoutRoutes } from '../../api/layout-routes';
import { registerDocs } from '../../api/docs';
import { registerHeaders } from './headers';
import { open311Routes } from '../../adapters/open311/routes';
import { osmandRoutes } from '../../adapters/osmand/routes';
import { capRoutes } from '../../adapters/cap/routes';
import { fiwareRoutes } from '../../adapters/fiware/routes';
import { createWasteReceiver } from '../../adapters/fiware/apply';
import { forwardWrites } from '../../cluster/write-forward';
import { ogcRoutes } from '../../api/ogc/routes';
import { listRoutes } from '../../api/lists';
import { deskRoutes } from '../../desk/routes';
import { historyRoutes } from '../../history/routes';
import { yearRoutes } from '../../year/routes';
import { buildCollections } from '../../api/ogc/collections';

/** the built wall (npm run build); SITROOM_CLIENT_DIR serves another build */
export const DEFAULT_CLIENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../client/dist');

export interface RouteExtras { notifyConsoles(what: string): void; revoked(screenId: string): void; summary: Sitroom['jobs']['summary'] }

export async function registerRoutes(app: FastifyInstance, s: Sitroom, x: RouteExtras): Promise<void> {
  const { config, cluster, ingest, store, reference, hub, producerKeys, access, walls, gateway } = s;
  const now = () => s.clock.now();
  // before any other hook: a follower's writes are the primary's to check, limit and store
  if (cluster && !s.primary) forwardWrites(app, () => cluster.primaryUrl());
  await registerHeaders(app);
  await registerDocs(app);
  await registerRateLimit(app, config.limits.perMinute);
  registerRoles(app, access);
  const bodyLimit = Math.round(config.limits.bodyMb * 1024 * 1024);
  await app.register(ingestRoutes, { ingest, keys: producerKeys, bodyLimit });
  await app.register(adminRoutes, { keys: producerKeys, access });
  await app.register(deviceRoutes, { devices: s.devices });
  await app.register(sessionRoutes, { access });
  await app.register(pairingRoutes, { pairing: s.pairing, changed: x.notifyConsoles, revoked: x.revoked });
  await app.register(wallRoutes, { walls, online: () => gateway.online() });
  await app.register(open311Routes, { prefix: '/open311/v2', ingest, store, reference, keys: producerKeys, timezone: config.timezone,
    now, channel: config.open311Channel, publicList: config.open311Public });
  await app.register(capRoutes, { cap: s.cap.receiver, feeds: s.cap.feeds, keys: producerKeys, store });
  await app.register(fiwareRoutes, { waste: createWasteReceiver({ ingest, store, reference, now }), keys: producerKeys, bodyLimit });
  await app.register(osmandRoutes, { ingest, devices: s.devices, osmand: config.osmand, now, path: '/osmand' });
  await app.register(layoutRoutes, { layouts: s.layouts, defaultId: DEFAULT_LAYOUT });
  await app.register(readRoutes, { store, hub, reference, now, summary: () => x.summary(), moments: s.moments, startedAt: Date.now(), live: () => gateway.stats(), simulator: () => s.sim?.refusals() ?? null,
    cluster: () => (cluster ? { id: cluster.id, role: cluster.role, redis: cluster.connected() } : null) });
  await app.register(listRoutes, { store, hub, reference, now, timezone: config.timezone });
  await app.register(historyRoutes, { store, now, timezone: config.timezone });
  await app.register(yearRoutes, { store, reference, now, timezone: config.timezone });
  await app.register(deskRoutes, { store, hub, reference, now, summary: () => x.summary(), timezone: config.timezone, access });
  await app.register(ogcRoutes, { collections: buildCollections({ store, hub, reference, now }),
    mayRead: (req, role) => !role || mayRead(access, req, role) });
  await registerPages(app, config.clientDir ?? DEFAULT_CLIENT_DIR, config.frameAncestors, config.staticCompression);
}

/** what Vite names by content hash (client/dist/assets/name-<hash>.ext) */
const HASHED = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\.br|\.gz)?$/;

/** compressed: pre-compressed copies and long caching (SITROOM_STATIC_COMPRESSION=off serves plain files with
 *  no-cache, as before, for the cold-start benchmark's baseline) */
async function registerPages(app: FastifyInstance, clientDist: string, frameAncestors: readonly string[], compressed: boolean): Promise<void> {
  if (existsSync(path.join(clientDist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt wall (new hashed names) is served without a restart.
    // The build leaves brotli and gzip copies beside each text file (client/build/precompress.ts): they are sent as
    // they are. A file under assets/ has its content's hash in its name, so a browser keeps it for good.
    await app.register(fastifyStatic, { root: clientDist, wildcard: true, preCompressed: compressed, cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader('cache-control', compressed && HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (compressed) res.setHeader('vary', 'accept-encoding'); // one URL, several encodings: caches must tell them apart
      } });
    await app.register(screenPages, { index: path.join(clientDist, 'index.html'), frameAncestors });
    return;
  }
  app.get('/', async (_req, reply) => reply.type('text/html').send(
    '<!doctype html><meta charset="utf-8"><title>Sitroom</title><body style="background:#0A0F1A;color:#E8EEF7;font:20px sans-serif">' +
    '<p>The wall is not built yet: run <code>npm run build</code> (npm start does it for you).</p>' +
    '<p>Стена ещё не собрана: выполните <code>npm run build</code>.</p>'));
}
