// The entry point: reads the environment, builds the app, listens, and shuts down cleanly on SIGINT/SIGTERM.
import { loadConfig, ConfigError } from './config/config';
import { ReferenceError } from './reference/load';
import { buildApp } from './app/build';
import { ClusterError } from './cluster/cluster';
import { WriterLockError } from './store/writer-lock';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) { console.error(`Sitroom cannot start: ${e.message}`); process.exit(2); }
    throw e;
  }
  let app;
  try {
    app = await buildApp(config);
  } catch (e) {
    if (e instanceof ReferenceError) { console.error(`Sitroom cannot start: reference data: ${e.message}`); process.exit(2); }
    if (e instanceof ClusterError || e instanceof WriterLockError) { console.error(`Sitroom cannot start: ${e.message}`); process.exit(2); }
    throw e;
  }
  const { sitroom } = app;
  app.log.info({ db: config.dbPath, simulator: config.sim.enabled, geo: config.geoDir ?? 'data/geo (approximate municipal areas)' },
    'starting');
  await app.ready();
  const address = await app.listen({ port: config.port, host: config.host });
  // followers on this host send writes here (the cluster shares one SQLite file, so they are on this host)
  const port = app.server.address();
  if (sitroom.cluster && typeof port === 'object' && port) sitroom.cluster.advertise(`http://127.0.0.1:${port.port}`);
  // Traccar Client posts to / on its own port (5055 by default); only the writer has that listener (app/parts/producers.ts)
  const osmand = sitroom.osmand;
  if (osmand && config.osmand.port !== null) await osmand.listen({ port: config.osmand.port, host: config.host });
  console.log([
    '',
    `  Sitroom is running: ${address.replace('[::1]', 'localhost')}/`,
    sitroom.generatedKey ? `  Ingest key (generated, kept in ${sitroom.generatedKey.file}): ${sitroom.generatedKey.key}`
      : `  Ingest keys: from SITROOM_INGEST_KEYS (${config.ingestKeys.map((k) => k.name).join(', ')})`,
    sitroom.admin.file ? `  Admin token (generated, kept in ${sitroom.admin.file}): ${sitroom.admin.token}`
      : '  Admin token: from SITROOM_ADMIN_TOKEN',
    `  Wall screens: ${[...sitroom.walls.walls()].flatMap((w) => w.screens.map((sc) => `${address}/wall/${w.id}/${sc.id}`)).join('  ')}`,
    `  Console: ${address}/console  (sign in as ${sitroom.access.firstAdmin ? `"admin" with the password in ${sitroom.access.firstAdmin.file}` : 'an operator or admin'}, or with the admin token)`,
    config.trustLoopback ? '  Browsers on this computer are trusted screens (SITROOM_TRUST_LOOPBACK=on); others pair with a code' : '  Every screen pairs with a code (SITROOM_TRUST_LOOPBACK=off)',
    `  API description: ${address}/docs`,
    ...(sitroom.cluster ? [`  Cluster (SITROOM_REDIS_URL): this server is the ${sitroom.cluster.role}${sitroom.primary ? '' : '; writes go on to the primary'}`] : []),
    `  Try: curl ${address}/api/summary`,
    ...(osmand ? [`  OsmAnd / Traccar Client positions: http://${config.host}:${config.osmand.port}/`] : []),
    '',
  ].join('\n'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close(); // closes the OsmAnd listener too
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
