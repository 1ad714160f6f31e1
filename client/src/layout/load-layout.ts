// Fetches the layout (?layout=<id>, else the server's default) and the reference data, with errors that say what
// failed. Retries while the server is not up yet, so a wall screen that boots before the server still comes up.
import type { Layout, LayoutList } from '../../../server/protocol/layout';
import { indexReference, type ReferenceData, type ReferenceIndex } from '../store/reference';

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new Error(`${url}: ${body?.message ?? `HTTP ${res.status}`}`);
  }
  return (await res.json()) as T;
}

export async function loadStart(search: string): Promise<{ layout: Layout; reference: ReferenceIndex }> {
  const asked = new URLSearchParams(search).get('layout');
  const id = asked ?? (await getJson<LayoutList>('/api/layouts')).default;
  const [layout, reference] = await Promise.all([
    getJson<Layout>(`/api/layouts/${encodeURIComponent(id)}`), getJson<ReferenceData>('/api/reference'),
  ]);
  return { layout, reference: indexReference(reference) };
}

/** Retries a start that failed because the server could not be reached (not one it refused). */
export async function loadStartWithRetry(search: string, onWait: (e: Error) => void): Promise<{ layout: Layout; reference: ReferenceIndex }> {
  for (let delay = 1000; ; delay = Math.min(delay * 2, 10_000)) {
    try { return await loadStart(search); } catch (e) {
      if (!(e instanceof TypeError)) throw e; // a network error; a refusal (HTTP 4xx) is final
      onWait(e);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Retries while the server cannot be reached (a wall screen may boot before the server); a refusal is final. */
export async function withRetry<T>(load: () => Promise<T>): Promise<T> {
  for (let delay = 1000; ; delay = Math.min(delay * 2, 10_000)) {
    try { return await load(); } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

export const loadReference = async (): Promise<ReferenceIndex> => indexReference(await getJson<ReferenceData>('/api/reference'));
