// The entry point: reads the environment, builds the app, listens, and shuts down cleanly on SIGINT/SIGTERM.
import { loadConfig, ConfigError } from './config/config';
import { ReferenceError } from './reference/load';
import { buildApp } from './app/build';

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
    throw e;
  }
  const { sitroom } = app;
  app.log.info({ db: config.dbPath, simulator: config.sim.enabled, geo: config.geoDir ?? 'data/geo (approximate municipal areas)' },
    'starting');
  await app.ready();
  const address = await app.listen({ port: config.port, host: config.host });
  const keyNote = sitroom.ingestKeyFile ? ` (generated, kept in ${sitroom.ingestKeyFile})` : ' (from SITROOM_INGEST_KEYS)';
  console.log([
    '',
    `  Sitroom is running: ${address.replace('[::1]', 'localhost')}/`,
    `  Ingest key${keyNote}: ${sitroom.ingestKeys[0]}`,
    `  Try: curl ${address}/api/summary`,
    '',
  ].join('\n'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
