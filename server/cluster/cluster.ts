// Several Sitroom servers behind one load balancer, sharing live messages through Redis (SITROOM_REDIS_URL).
// One of them is the primary: it runs the simulator, the ingest writers, the jobs and the wall managers, so SQLite
// keeps a single writer. The others are followers: they hold a copy of the primary's hub (hub-relay.ts), serve
// screens and reads, and pass every write on to the primary (write-forward.ts). The role is taken at start with a
// Redis lock the primary keeps renewing; a follower never takes over while running (restart it to let it try).
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { randomUUID } from 'node:crypto';

export type ClusterRole = 'primary' | 'follower';

const LOCK_KEY = 'sitroom:primary';
const LOCK_TTL_MS = 15_000;
const RENEW_MS = 3_000;
const CONNECT_TIMEOUT_MS = 5_000;

// Renews the lock when this node holds it or nobody does (a Redis restart without persistence forgets it).
const RENEW = `local v = redis.call('GET', KEYS[1])
if (not v) or string.sub(v, 1, string.len(ARGV[2])) == ARGV[2] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3]) return 1 end
return 0`;

export class ClusterError extends Error {}

export interface ClusterNode {
  id: string;
  role: ClusterRole;
  /** the socket.io adapter every server of the cluster shares */
  adapter: ReturnType<typeof createAdapter>;
  /** the primary: where followers send writes (set once it listens) */
  advertise(url: string): void;
  /** the primary's address as it advertised it, or null when unknown */
  primaryUrl(): Promise<string | null>;
  /** Redis is reachable now */
  connected(): boolean;
  /** called on every reconnection to Redis after the first */
  onReconnect(fn: () => void): void;
  close(): Promise<void>;
}

export async function joinCluster(url: string, log: (msg: string, extra?: Record<string, unknown>) => void): Promise<ClusterNode> {
  const id = randomUUID();
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS,
    // while Redis is away, commands wait for it (the adapter's reads block anyway); reconnect quickly
    maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(200 * times, 2000) });
  redis.on('error', () => { /* reported through the status below; ioredis retries by itself */ });
  try {
    await Promise.race([redis.connect(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), CONNECT_TIMEOUT_MS))]);
  } catch (e) {
    redis.disconnect();
    throw new ClusterError(`SITROOM_REDIS_URL: cannot reach Redis at ${url.replace(/\/\/[^@]*@/, '//***@')} (${(e as Error).message})`);
  }
  let advertised = '';
  const value = () => `${id} ${advertised}`;
  const took = await redis.set(LOCK_KEY, value(), 'PX', LOCK_TTL_MS, 'NX');
  const role: ClusterRole = took === 'OK' ? 'primary' : 'follower';
  let renewTimer: NodeJS.Timeout | null = null;
  const renew = async () => {
    try {
      const held = await redis.eval(RENEW, 1, LOCK_KEY, value(), id, String(LOCK_TTL_MS));
      if (held !== 1) log('cluster: another server holds the primary lock; this primary keeps running (two writers!)', { id });
    } catch { /* Redis is away: retried on the next round */ }
  };
  if (role === 'primary') { renewTimer = setInterval(() => void renew(), RENEW_MS); renewTimer.unref(); }

  // connect() has seen the first 'ready'; every later one is a reconnection
  const reconnectFns: (() => void)[] = [];
  let lost = false;
  redis.on('ready', () => {
    lost = false;
    log('cluster: Redis is back', { id, role });
    if (role === 'primary') void renew();
    for (const fn of reconnectFns) fn();
  });
  redis.on('close', () => { if (!lost) { lost = true; log('cluster: lost Redis; retrying', { id, role }); } });

  const adapter = createAdapter(redis, { streamName: 'sitroom', channelPrefix: 'sitroom', blockTimeInMs: 2000 });
  return {
    id, role, adapter,
    advertise(u: string): void { if (role !== 'primary') return; advertised = u; void renew(); },
    async primaryUrl(): Promise<string | null> {
      if (role === 'primary') return advertised || null;
      const v = await redis.get(LOCK_KEY);
      const u = v?.split(' ')[1];
      return u ? u : null;
    },
    connected: () => redis.status === 'ready',
    onReconnect(fn: () => void): void { reconnectFns.push(fn); },
    async close(): Promise<void> {
      if (renewTimer) clearInterval(renewTimer);
      if (role === 'primary') {
        // let a restarted server become primary at once instead of after the lock's TTL
        await redis.eval(`if string.sub(redis.call('GET', KEYS[1]) or '', 1, string.len(ARGV[1])) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`, 1, LOCK_KEY, id).catch(() => 0);
      }
      lost = true;
      redis.disconnect();
    },
  };
}
