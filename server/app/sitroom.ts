// What a built server holds (app.sitroom): every part, for routes, main.ts and tests to reach.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config';
import type { Reference } from '../reference/load';
import type { Layout } from '../protocol/layout';
import type { Store } from '../store';
import type { Hub } from '../hub/hub';
import type { Ingest } from '../ingest/pipeline';
import type { ProducerKeys } from '../access/producer-keys';
import type { Access } from '../access/identity';
import type { Devices } from '../access/devices';
import type { Pairing } from '../access/pairing';
import type { WallManager } from '../walls/manager';
import type { CapReceiver } from '../adapters/cap/receive';
import type { CapFeeds } from '../adapters/cap/feeds';
import type { Gateway } from '../gateway/socket';
import type { Jobs } from '../jobs';
import type { Simulator } from '../sim';
import type { ClusterNode } from '../cluster/cluster';
import type { Clock } from './clock';
import type { Moments } from '../history/moments';

export interface Sitroom {
  config: Config;
  reference: Reference;
  layouts: Map<string, Layout>;
  store: Store;
  hub: Hub;
  ingest: Ingest;
  jobs: Jobs;
  /** the wall at past moments (server/history/) */
  moments: Moments;
  gateway: Gateway;
  sim: Simulator | null;
  clock: Clock;
  producerKeys: ProducerKeys;
  /** the first-start ingest key and where it is kept (null when SITROOM_INGEST_KEYS is set) */
  generatedKey: { key: string; file: string } | null;
  admin: { token: string; file: string | null };
  cap: { receiver: CapReceiver; feeds: CapFeeds };
  access: Access;
  /** OsmAnd / Traccar Client devices and the vehicle each may move */
  devices: Devices;
  pairing: Pairing;
  walls: WallManager;
  /** several servers through Redis (SITROOM_REDIS_URL), or null for a single server */
  cluster: ClusterNode | null;
  /** this server writes (single server or the cluster's primary) */
  primary: boolean;
  /** the OsmAnd / Traccar Client listener for its own port (SITROOM_OSMAND_PORT), not listening yet; null when off */
  osmand: FastifyInstance | null;
}

declare module 'fastify' {
  interface FastifyInstance { sitroom: Sitroom }
}
