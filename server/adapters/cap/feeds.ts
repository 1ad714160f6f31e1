// Polls CAP feeds (SITROOM_CAP_FEEDS): Atom or RSS whose entries carry a CAP alert inline or link to one. Each
// linked alert is fetched once per entry version; a feed that fails is retried on the next poll and its last error
// is reported at /api/cap/feeds. These are the only outbound requests Sitroom makes, and only when configured.
import { childText, childrenNamed, parseXml, type XmlElement } from '../xml/parse';
import type { CapReceiver } from './receive';
import { readAlert } from './alert';

export interface FeedStatus {
  url: string; lastPollAt: number | null; ok: boolean | null; error: string | null; entries: number; applied: number;
}
type Log = (msg: string, extra?: Record<string, unknown>) => void;

const FETCH_TIMEOUT_MS = 15_000;
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_ENTRIES = 500;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { accept: 'application/atom+xml, application/rss+xml, application/cap+xml, application/xml;q=0.9, */*;q=0.5' } });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > MAX_FEED_BYTES) throw new Error(`${url} is larger than ${MAX_FEED_BYTES} bytes`);
  return bytes;
}

interface FeedEntry { key: string; alert: XmlElement | null; link: string | null }

/** The entries of an Atom feed, an RSS channel, or a bare CAP alert served at the feed's address. */
export function feedEntries(root: XmlElement, base: string): FeedEntry[] {
  const resolve = (href: string) => new URL(href, base).toString();
  const inline = (el: XmlElement): XmlElement | null => {
    for (const c of el.children) {
      if (c.name === 'alert') return c;
      const deeper = c.children.find((x) => x.name === 'alert');
      if (deeper) return deeper;
    }
    return null;
  };
  if (root.name === 'alert') return [{ key: base, alert: root, link: null }];
  if (root.name === 'feed') {
    return childrenNamed(root, 'entry').slice(0, MAX_ENTRIES).map((e) => {
      const links = childrenNamed(e, 'link');
      const cap = links.find((l) => /cap|xml/i.test(l.attributes['type'] ?? '')) ?? links.find((l) => (l.attributes['rel'] ?? 'alternate') === 'alternate') ?? links[0];
      const link = cap?.attributes['href'] ? resolve(cap.attributes['href']) : null;
      return { key: `${childText(e, 'id') ?? link}|${childText(e, 'updated') ?? ''}`, alert: inline(e), link };
    });
  }
  const channel = root.name === 'rss' ? childrenNamed(root, 'channel')[0] : root.name === 'channel' ? root : undefined;
  if (channel) {
    return childrenNamed(channel, 'item').slice(0, MAX_ENTRIES).map((item) => {
      const enclosure = childrenNamed(item, 'enclosure')[0]?.attributes['url'];
      const href = childText(item, 'link') || enclosure;
      const link = href ? resolve(href) : null;
      return { key: `${childText(item, 'guid') ?? link}|${childText(item, 'pubDate') ?? ''}`, alert: inline(item), link };
    });
  }
  throw new Error(`not an Atom feed, an RSS channel or a CAP alert (<${root.name}>)`);
}

export function createCapFeeds(urls: readonly string[], pollSeconds: number, cap: CapReceiver, log: Log) {
  const status = new Map<string, FeedStatus>(urls.map((url) => [url, { url, lastPollAt: null, ok: null, error: null, entries: 0, applied: 0 }]));
  /** entry keys already applied, per feed: an entry is fetched again only when its id or update time changes */
  const seen = new Map<string, Set<string>>(urls.map((u) => [u, new Set()]));
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  async function pollOne(url: string): Promise<void> {
    const s = status.get(url)!;
    const done = seen.get(url)!;
    try {
      const entries = feedEntries(parseXml(await fetchBytes(url)), url);
      const source = `cap-feed:${new URL(url).host}`;
      const errors: string[] = [];
      for (const e of entries) {
        if (done.has(e.key)) continue;
        try {
          if (e.alert) cap.apply(readAlert(e.alert), source);
          else if (e.link) cap.receive(await fetchBytes(e.link), source);
          else continue;
          done.add(e.key);
          s.applied++;
        } catch (err) {
          errors.push(`${e.link ?? e.key}: ${(err as Error).message}`);
        }
      }
      Object.assign(s, { ok: errors.length === 0, error: errors[0] ?? null, entries: entries.length });
      if (errors.length) log('CAP feed entries refused', { url, errors: errors.slice(0, 5) });
    } catch (err) {
      Object.assign(s, { ok: false, error: (err as Error).message });
      log('CAP feed poll failed', { url, error: (err as Error).message });
    } finally {
      s.lastPollAt = Date.now();
    }
  }

  async function pollAll(): Promise<void> {
    if (running) return;
    running = true;
    try { for (const url of urls) await pollOne(url); } finally { running = false; }
  }

  return {
    pollAll,
    start(): void {
      if (!urls.length || timer) return;
      void pollAll();
      timer = setInterval(() => void pollAll(), pollSeconds * 1000);
      timer.unref();
    },
    stop(): void { if (timer) clearInterval(timer); timer = null; },
    status: (): FeedStatus[] => [...status.values()],
  };
}
export type CapFeeds = ReturnType<typeof createCapFeeds>;
