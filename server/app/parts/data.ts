// The data a server stands on: reference files, layouts and walls (checked at start), the cluster it joins (if
// any), and the database, written by this server only when it is the writer (one writer per file).
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config';
import { loadReference } from '../../reference/load';
import { loadLayouts } from '../../reference/layouts';
import { loadWalls } from '../../reference/walls';
import { createStore } from '../../store';
import { takeWriterLock } from '../../store/writer-lock';
import { joinCluster } from '../../cluster/cluster';

export type Log = (msg: string, extra?: Record<string, unknown>) => void;

/** Reference data, layouts and walls: read and checked once; a broken file stops the start naming it. */
export function loadFiles(config: Config) {
  return { reference: loadReference(config.dataDir, config.geoDir, config.deadlinesHours), layouts: loadLayouts(config.dataDir),
    wallConfig: loadWalls(config.dataDir) };
}

/** Joins the cluster when SITROOM_REDIS_URL is set; left on close. */
export async function clusterPart(app: FastifyInstance, config: Config, log: Log) {
  const cluster = config.redisUrl ? await joinCluster(config.redisUrl, log) : null;
  if (cluster) {
    log(`cluster: this server is the ${cluster.role}`, { id: cluster.id });
    app.addHook('onClose', async () => { await cluster.close(); });
  }
  return { cluster, primary: cluster === null || cluster.role === 'primary' };
}

/** The database: the writer takes the file's lock first (a second server stops here naming the holder); closed and
 *  released on close, after everything that uses it (onClose hooks run last-registered first). */
export async function storePart(app: FastifyInstance, config: Config, primary: boolean) {
  const writer = primary ? await takeWriterLock(config.dbPath, 2000, String(config.port)) : null;
  const store = (() => {
    try { return createStore(config.dbPath, config.dbSync); } catch (e) { writer?.release(); throw e; }
  })();
  app.addHook('onClose', async () => { store.close(); writer?.release(); });
  return store;
}
