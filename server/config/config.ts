// Configuration: read once from the environment at boot, checked against a schema; the type comes from the schema.
// A bad value stops the start with a message naming the variable.
import { Type, type Static } from '@sinclair/typebox';
import { Value, ValuePointer } from '@sinclair/typebox/value';
import { ID_PATTERN } from '../ingest/limits';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const Int = (min: number, max: number) => Type.Integer({ minimum: min, maximum: max });

export const ConfigSchema = Type.Object({
  port: Int(0, 65535),
  host: Type.String({ minLength: 1 }),
  dbPath: Type.String({ minLength: 1 }),
  dataDir: Type.String({ minLength: 1 }),
  geoDir: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
  timezone: Type.String({ minLength: 1 }),
  open311Channel: Type.String({ pattern: '^[a-z][a-z0-9_-]*$' }),
  /** what the key-less Open311 request list publishes: requests that came in through Open311, all channels, or nothing */
  open311Public: Type.Union([Type.Literal('open311'), Type.Literal('all'), Type.Literal('off')]),
  /** producers' keys from SITROOM_INGEST_KEYS: "key" or "name=key", comma-separated */
  ingestKeys: Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), key: Type.String({ minLength: 16 }) })),
  adminToken: Type.Union([Type.String({ minLength: 16 }), Type.Null()]),
  /** a browser on this host is a trusted screen without pairing */
  trustLoopback: Type.Boolean(),
  /** page origins besides the server's own that may open the live socket (a wall served under another host name) */
  origins: Type.Array(Type.String({ pattern: '^https?://[^/\\s]+$' })),
  /** origins that may show wall pages (/wall/...) in a frame; empty: none may (the console never may) */
  frameAncestors: Type.Array(Type.String({ pattern: '^https?://[^/\\s;,\']+$' })),
  /** reverse proxies whose X-Forwarded-For is believed (addresses, CIDRs, or loopback / linklocal / uniquelocal) */
  trustProxy: Type.Array(Type.String({ pattern: '^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(/\\d{1,3})?)$' })),
  /** how long an operator's or admin's sign-in lasts (screens never expire) */
  sessionHours: Type.Number({ minimum: 0.1, maximum: 24 * 365 }),
  limits: Type.Object({
    /** requests per minute per producer key (per device for OsmAnd) */
    perMinute: Int(1, 1_000_000),
    /** the native batch API's and FIWARE's body limit, MB */
    bodyMb: Type.Number({ minimum: 0.1, maximum: 1024 }),
    /** MB queued for one live client that stopped reading before it is dropped (it reconnects and resyncs) */
    socketBufferMb: Type.Number({ minimum: 0.1, maximum: 1024 }),
  }),
  outOfRegion: Type.Union([Type.Literal('flag'), Type.Literal('reject')]),
  /** several servers sharing live messages through this Redis (null: a single server) */
  redisUrl: Type.Union([Type.String({ pattern: '^rediss?://' }), Type.Null()]),
  cap: Type.Object({
    feeds: Type.Array(Type.String({ pattern: '^https?://' })),
    pollSeconds: Int(10, 86_400),
    language: Type.String({ minLength: 2 }),
  }),
  deadlinesHours: Type.Record(Type.String(), Type.Number({ exclusiveMinimum: 0 })),
  /** the on-time share's window: appeals whose deadline fell in the last N days */
  deadlineWindowDays: Int(1, 365),
  dbSync: Type.Union([Type.Literal('full'), Type.Literal('normal')]),
  logLevel: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  /** pretty: readable lines; json: one JSON object a line; auto: pretty on a terminal, JSON otherwise */
  logFormat: Type.Union([Type.Literal('auto'), Type.Literal('pretty'), Type.Literal('json')]),
  /** serve the wall's pre-compressed copies with long caching of hashed assets (off: plain files, no-cache) */
  staticCompression: Type.Boolean(),
  /** the built wall to serve; null: client/dist */
  clientDir: Type.Union([Type.String(), Type.Null()]),
  retention: Type.Object({
    appealsDays: Int(30, 5000),
    incidentsDays: Int(7, 5000),
    positionsHours: Int(1, 24 * 90),
    /** a team's track for replay: one fix a minute and every status change, after positionsHours */
    tracksDays: Int(1, 400),
    containerEventsDays: Int(1, 3650),
    metricsDays: Int(30, 5000),
  }),
  osmand: Type.Object({
    /** the separate port Traccar Client expects (null: only /osmand on the main port) */
    port: Type.Union([Type.Null(), Int(1, 65535)]),
    autoRegister: Type.Boolean(),
    /** networks (CIDR or single addresses) allowed to send fixes; empty: any */
    networks: Type.Array(Type.String({ pattern: '^[0-9a-fA-F.:]+(/\\d{1,3})?$' })),
    speedUnit: Type.Union([Type.Literal('kn'), Type.Literal('kmh'), Type.Literal('mps'), Type.Literal('mph')]),
    /** devices bound to vehicles (device=vehicle), each optionally with its own speed unit (device=vehicle:kmh) */
    devices: Type.Array(Type.Object({ id: Type.String({ minLength: 12, maxLength: 128 }), vehicle: Type.String({ minLength: 1, maxLength: 200, pattern: ID_PATTERN }),
      speedUnit: Type.Optional(Type.Union([Type.Literal('kn'), Type.Literal('kmh'), Type.Literal('mps'), Type.Literal('mph')])) })),
  }),
  sim: Type.Object({
    enabled: Type.Boolean(),
    seed: Type.Integer(),
    speed: Type.Number({ minimum: 0.1, maximum: 1000 }),
    teams: Int(1, 5000),
    sites: Int(0, 200_000),
    backfillDays: Int(0, 1000),
  }),
});
export type Config = Static<typeof ConfigSchema>;

/** Which environment variable each config path comes from, so errors can name it. */
const SOURCES: Record<string, string> = {
  '/port': 'PORT', '/host': 'HOST', '/dbPath': 'SITROOM_DB', '/dataDir': 'SITROOM_DATA_DIR', '/geoDir': 'SITROOM_GEO_DIR',
  '/osmand/port': 'SITROOM_OSMAND_PORT', '/osmand/autoRegister': 'SITROOM_OSMAND_AUTOREGISTER',
  '/osmand/speedUnit': 'SITROOM_OSMAND_SPEED_UNIT', '/osmand/devices': 'SITROOM_OSMAND_DEVICES', '/osmand/networks': 'SITROOM_OSMAND_NETWORKS',
  '/timezone': 'SITROOM_TZ', '/open311Channel': 'SITROOM_OPEN311_CHANNEL', '/open311Public': 'SITROOM_OPEN311_PUBLIC', '/ingestKeys': 'SITROOM_INGEST_KEYS',
  '/adminToken': 'SITROOM_ADMIN_TOKEN', '/trustLoopback': 'SITROOM_TRUST_LOOPBACK', '/origins': 'SITROOM_ORIGINS', '/trustProxy': 'SITROOM_TRUST_PROXY', '/frameAncestors': 'SITROOM_FRAME_ANCESTORS', '/sessionHours': 'SITROOM_SESSION_HOURS', '/limits/perMinute': 'SITROOM_RATE_LIMIT', '/limits/bodyMb': 'SITROOM_BODY_LIMIT_MB', '/limits/socketBufferMb': 'SITROOM_SOCKET_BUFFER_MB',
  '/outOfRegion': 'SITROOM_OUT_OF_REGION', '/redisUrl': 'SITROOM_REDIS_URL', '/cap/feeds': 'SITROOM_CAP_FEEDS', '/cap/pollSeconds': 'SITROOM_CAP_POLL_SECONDS',
  '/cap/language': 'SITROOM_CAP_LANGUAGE', '/deadlinesHours': 'SITROOM_DEADLINES', '/deadlineWindowDays': 'SITROOM_DEADLINE_WINDOW_DAYS',
  '/dbSync': 'SITROOM_DB_SYNC', '/logLevel': 'SITROOM_LOG_LEVEL', '/logFormat': 'SITROOM_LOG_FORMAT', '/staticCompression': 'SITROOM_STATIC_COMPRESSION', '/clientDir': 'SITROOM_CLIENT_DIR',
  '/retention/appealsDays': 'SITROOM_RETAIN_APPEALS_DAYS', '/retention/incidentsDays': 'SITROOM_RETAIN_INCIDENTS_DAYS',
  '/retention/positionsHours': 'SITROOM_RETAIN_POSITIONS_HOURS', '/retention/tracksDays': 'SITROOM_RETAIN_TRACKS_DAYS',
  '/retention/containerEventsDays': 'SITROOM_RETAIN_CONTAINER_EVENTS_DAYS', '/retention/metricsDays': 'SITROOM_RETAIN_METRICS_DAYS',
  '/sim/enabled': 'SITROOM_SIM', '/sim/seed': 'SITROOM_SIM_SEED', '/sim/speed': 'SITROOM_SIM_SPEED',
  '/sim/teams': 'SITROOM_SIM_TEAMS', '/sim/sites': 'SITROOM_SIM_SITES', '/sim/backfillDays': 'SITROOM_SIM_BACKFILL_DAYS',
};

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function num(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new ConfigError(name, `expected a number, got "${raw}"`);
  return v;
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `expected on or off, got "${env[name]}"`);
}

function deadlines(env: Env): Record<string, number> {
  const raw = env.SITROOM_DEADLINES?.trim();
  if (!raw) return {};
  const out: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    const hours = Number(value);
    if (!key || !Number.isFinite(hours) || hours <= 0) {
      throw new ConfigError('SITROOM_DEADLINES', `expected channel=hours pairs like social=8,pos=720, got "${part}"`);
    }
    out[key] = hours;
  }
  return out;
}

/** One SITROOM_OSMAND_DEVICES entry, device=vehicle[:unit]: the device id is the tracker's credential, so a bare id
 *  (which used to be the vehicle's own, shown on every screen) is refused rather than guessed at. */
function deviceEntry(entry: string): Config['osmand']['devices'][number] {
  const eq = entry.indexOf('=');
  if (eq <= 0) {
    throw new ConfigError('SITROOM_OSMAND_DEVICES', `"${entry}" names no vehicle: write device=vehicle (the device id is the tracker's ` +
      'secret and must not be the vehicle id shown on the wall)');
  }
  const [vehicle, unit] = entry.slice(eq + 1).split(':');
  return { id: entry.slice(0, eq).trim(), vehicle: vehicle!.trim(), ...(unit ? { speedUnit: unit.trim() as Config['osmand']['speedUnit'] } : {}) };
}

export function loadConfig(env: Env = process.env): Config {
  const candidate: Config = {
    port: num(env, 'PORT', 8080),
    host: env.HOST?.trim() || '127.0.0.1',
    dbPath: path.resolve(env.SITROOM_DB?.trim() || path.join(repoRoot, 'var', 'sitroom.db')),
    dataDir: path.resolve(env.SITROOM_DATA_DIR?.trim() || path.join(repoRoot, 'data')),
    geoDir: env.SITROOM_GEO_DIR?.trim() ? path.resolve(env.SITROOM_GEO_DIR.trim()) : null,
    timezone: env.SITROOM_TZ?.trim() || 'Asia/Yekaterinburg',
    open311Channel: env.SITROOM_OPEN311_CHANNEL?.trim() || 'pos',
    open311Public: (env.SITROOM_OPEN311_PUBLIC?.trim().toLowerCase() || 'open311') as Config['open311Public'],
    ingestKeys: (env.SITROOM_INGEST_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean).map((entry, i) => {
      const eq = entry.indexOf('=');
      return eq > 0 ? { name: entry.slice(0, eq).trim(), key: entry.slice(eq + 1).trim() } : { name: `configured-${i + 1}`, key: entry };
    }),
    adminToken: env.SITROOM_ADMIN_TOKEN?.trim() || null,
    trustLoopback: onOff(env, 'SITROOM_TRUST_LOOPBACK', true),
    frameAncestors: (env.SITROOM_FRAME_ANCESTORS ?? '').split(/[\s,]+/).map((o) => o.trim().replace(/\/$/, '')).filter(Boolean),
    trustProxy: (env.SITROOM_TRUST_PROXY ?? '').split(/[\s,]+/).map((p) => p.trim()).filter(Boolean),
    origins: (env.SITROOM_ORIGINS ?? '').split(/[\s,]+/).map((o) => o.trim().replace(/\/$/, '')).filter(Boolean),
    sessionHours: num(env, 'SITROOM_SESSION_HOURS', 12),
    limits: { perMinute: num(env, 'SITROOM_RATE_LIMIT', 1200), bodyMb: num(env, 'SITROOM_BODY_LIMIT_MB', 16),
      socketBufferMb: num(env, 'SITROOM_SOCKET_BUFFER_MB', 8) },
    outOfRegion: (env.SITROOM_OUT_OF_REGION?.trim().toLowerCase() || 'flag') as Config['outOfRegion'],
    redisUrl: env.SITROOM_REDIS_URL?.trim() || null,
    cap: {
      feeds: (env.SITROOM_CAP_FEEDS ?? '').split(/[\s,]+/).map((u) => u.trim()).filter(Boolean),
      pollSeconds: num(env, 'SITROOM_CAP_POLL_SECONDS', 60),
      language: env.SITROOM_CAP_LANGUAGE?.trim() || 'ru',
    },
    deadlinesHours: deadlines(env),
    deadlineWindowDays: num(env, 'SITROOM_DEADLINE_WINDOW_DAYS', 30),
    dbSync: (env.SITROOM_DB_SYNC?.trim().toLowerCase() || 'full') as Config['dbSync'],
    logLevel: (env.SITROOM_LOG_LEVEL?.trim() || 'info') as Config['logLevel'],
    logFormat: (env.SITROOM_LOG_FORMAT?.trim() || 'auto') as Config['logFormat'],
    staticCompression: onOff(env, 'SITROOM_STATIC_COMPRESSION', true),
    clientDir: env.SITROOM_CLIENT_DIR?.trim() || null,
    retention: {
      appealsDays: num(env, 'SITROOM_RETAIN_APPEALS_DAYS', 430),
      incidentsDays: num(env, 'SITROOM_RETAIN_INCIDENTS_DAYS', 430),
      positionsHours: num(env, 'SITROOM_RETAIN_POSITIONS_HOURS', 6),
      tracksDays: num(env, 'SITROOM_RETAIN_TRACKS_DAYS', 7),
      containerEventsDays: num(env, 'SITROOM_RETAIN_CONTAINER_EVENTS_DAYS', 430),
      metricsDays: num(env, 'SITROOM_RETAIN_METRICS_DAYS', 800),
    },
    osmand: {
      port: env.SITROOM_OSMAND_PORT?.trim().toLowerCase() === 'off' ? null : num(env, 'SITROOM_OSMAND_PORT', 5055),
      autoRegister: onOff(env, 'SITROOM_OSMAND_AUTOREGISTER', false),
      speedUnit: (env.SITROOM_OSMAND_SPEED_UNIT?.trim() || 'kn') as Config['osmand']['speedUnit'],
      devices: (env.SITROOM_OSMAND_DEVICES ?? '').split(',').map((d) => d.trim()).filter(Boolean).map(deviceEntry),
      networks: (env.SITROOM_OSMAND_NETWORKS ?? '').split(/[\s,]+/).map((n) => n.trim()).filter(Boolean),
    },
    sim: {
      enabled: onOff(env, 'SITROOM_SIM', true),
      seed: num(env, 'SITROOM_SIM_SEED', 20211220),
      speed: num(env, 'SITROOM_SIM_SPEED', 1),
      teams: num(env, 'SITROOM_SIM_TEAMS', 300),
      sites: num(env, 'SITROOM_SIM_SITES', 24_000),
      backfillDays: num(env, 'SITROOM_SIM_BACKFILL_DAYS', 400),
    },
  };
  const error = Value.Errors(ConfigSchema, candidate).First();
  if (error) {
    const variable = SOURCES[error.path] ?? SOURCES[error.path.replace(/\/\d+(\/.*)?$/, '')] ?? error.path;
    throw new ConfigError(variable, `${error.message} (got ${JSON.stringify(ValuePointer.Get(candidate, error.path))})`);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: candidate.timezone });
  } catch {
    throw new ConfigError('SITROOM_TZ', `unknown time zone "${candidate.timezone}"`);
  }
  return candidate;
}
