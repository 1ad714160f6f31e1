// Where the next page of appeals starts (newest first): the receive time and id of the last one given, opaque to
// clients. /api/appeals and the OGC appeals collection page the same way.
import type { AppealRecord } from '../domain/records';

export const encodeCursor = (last: Pick<AppealRecord, 'receivedAt' | 'id'>): string => Buffer.from(`${last.receivedAt}:${last.id}`).toString('base64url');

/** The position a cursor names, or null when it is not one of ours. */
export function decodeCursor(raw: string): { at: number; id: string } | null {
  const [at, ...id] = Buffer.from(raw, 'base64url').toString().split(':');
  return at && id.length && Number.isFinite(Number(at)) ? { at: Number(at), id: id.join(':') } : null;
}
