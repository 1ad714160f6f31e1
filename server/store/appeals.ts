// SQL for appeals and their per-day counts.
import type { Db } from './database';
import type { AppealRecord } from '../domain/records';
import type { AppealStatus } from '../protocol/views';

interface AppealRow {
  id: string; source: string; channel: string; category: string; municipality: string; lon: number | null; lat: number | null;
  address: string | null; text: string | null; author: string | null; contact: string | null; status: string;
  received_at: number; in_work_at: number | null; answered_at: number | null; closed_at: number | null;
  due_at: number; ceiling_at: number; updated_at: number;
}

const fromRow = (r: AppealRow): AppealRecord => ({
  id: r.id, source: r.source, channel: r.channel, category: r.category, municipality: r.municipality, lon: r.lon, lat: r.lat,
  address: r.address, text: r.text, author: r.author, contact: r.contact, status: r.status as AppealStatus,
  receivedAt: r.received_at, inWorkAt: r.in_work_at, answeredAt: r.answered_at, closedAt: r.closed_at,
  dueAt: r.due_at, ceilingAt: r.ceiling_at, updatedAt: r.updated_at,
});

export type AppealDim = 'channel' | 'category' | 'municipality';
export interface DueRow { municipality: string; channel: string; received_at: number; due_at: number; responded_at: number | null }
export interface AnsweredRow { municipality: string; channel: string; received_at: number; answered_at: number; due_at: number }

export interface AppealListQuery {
  since: number | null; municipality: string | null; category: string | null; limit: number; cursor: { at: number; id: string } | null;
  /** only appeals whose source starts with this (open311: for the public Open311 list) */
  sourcePrefix?: string;
  /** received at or before this time (the end of a window) */
  until?: number;
  /** only open (unanswered, not closed) or only closed appeals */
  closed?: boolean;
  /** rows to skip (a page of a window) */
  offset?: number;
  channel?: string | null;
  status?: string | null;
  /** only appeals open and past their deadline at this time (the wall's open overdue) */
  overdueAt?: number;
  /** only appeals open and past their channel's ceiling at this time (the wall's "of which past the ceiling") */
  pastCeilingAt?: number;
}

/** The filters of a list as SQL (the cursor and paging are the caller's). */
function whereOf(q: Omit<AppealListQuery, 'limit' | 'cursor' | 'offset'>): { where: string[]; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const eq = (column: string, v: string | null | undefined) => { if (v) { where.push(`${column} = ?`); args.push(v); } };
  if (q.since !== null) { where.push('received_at >= ?'); args.push(q.since); }
  eq('municipality', q.municipality); eq('category', q.category); eq('channel', q.channel); eq('status', q.status);
  if (q.sourcePrefix) { where.push('substr(source, 1, ?) = ?'); args.push(q.sourcePrefix.length, q.sourcePrefix); }
  if (q.until !== undefined) { where.push('received_at <= ?'); args.push(q.until); }
  if (q.closed !== undefined) where.push(q.closed ? "status = 'closed'" : "status <> 'closed'");
  // the wall's open overdue: neither answered nor closed, past its deadline
  if (q.overdueAt !== undefined) { where.push('answered_at IS NULL AND closed_at IS NULL AND due_at < ?'); args.push(q.overdueAt); }
  if (q.pastCeilingAt !== undefined) { where.push('answered_at IS NULL AND closed_at IS NULL AND ceiling_at < ?'); args.push(q.pastCeilingAt); }
  return { where, args };
}

export function appealStore(db: Db) {
  const get = db.prepare<[string], AppealRow>('SELECT * FROM appeals WHERE id = ?');
  const put = db.prepare(`INSERT INTO appeals VALUES (@id, @source, @channel, @category, @municipality, @lon, @lat, @address,
    @text, @author, @contact, @status, @receivedAt, @inWorkAt, @answeredAt, @closedAt, @dueAt, @ceilingAt, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET source = excluded.source, channel = excluded.channel, category = excluded.category,
    municipality = excluded.municipality, lon = excluded.lon, lat = excluded.lat, address = excluded.address,
    text = excluded.text, author = excluded.author, contact = excluded.contact, status = excluded.status,
    received_at = excluded.received_at, in_work_at = excluded.in_work_at, answered_at = excluded.answered_at,
    closed_at = excluded.closed_at, due_at = excluded.due_at, ceiling_at = excluded.ceiling_at, updated_at = excluded.updated_at`);
  const bump = db.prepare(`INSERT INTO appeal_daily VALUES (?, ?, ?, 1)
    ON CONFLICT (day, dim, key) DO UPDATE SET count = count + 1`);
  const countBy = (dim: AppealDim) => db.prepare<[number, number], { key: string; n: number }>(
    `SELECT ${dim} AS key, count(*) AS n FROM appeals WHERE received_at >= ? AND received_at < ? GROUP BY ${dim}`);
  const counters = { channel: countBy('channel'), category: countBy('category'), municipality: countBy('municipality') };
  const hourly = db.prepare<[number, number, number], { h: number; n: number }>(
    'SELECT CAST((received_at - ?) / 3600000 AS INTEGER) AS h, count(*) AS n FROM appeals WHERE received_at >= ? AND received_at < ? GROUP BY h');
  const recent = db.prepare<[number], AppealRow>('SELECT * FROM appeals WHERE received_at >= ? ORDER BY received_at, id');
  const receivedIn = db.prepare<[number, number], AppealRow>('SELECT * FROM appeals WHERE received_at >= ? AND received_at <= ? ORDER BY received_at, id');
  // an appeal closed without an answer (a duplicate, a withdrawn one) was responded to when it was closed
  const dueIn = db.prepare<[number, number], DueRow>(
    `SELECT municipality, channel, received_at, due_at, coalesce(answered_at, closed_at) AS responded_at FROM appeals
     WHERE due_at >= ? AND due_at < ?`);
  const answeredIn = db.prepare<[number, number], AnsweredRow>(
    `SELECT municipality, channel, received_at, answered_at, due_at FROM appeals WHERE answered_at >= ? AND answered_at < ?`);
  // Open at a moment t: not answered or closed by t. Those open now (the partial index appeals_open_due), and those
  // answered or closed only after t (the index appeals_responded, migration 11): at t = now the second part is empty,
  // so the live wall and a past moment use one definition at the live path's cost.
  const openAt = (cond: string) => `SELECT municipality FROM appeals WHERE answered_at IS NULL AND closed_at IS NULL AND ${cond}
    UNION ALL SELECT municipality FROM appeals WHERE coalesce(answered_at, closed_at) > @t AND ${cond}`;
  // (a deadline and a ceiling come after receipt: past them at t, an appeal was received by t; saying so again would
  // lead SQLite to the receipt index over the whole table)
  const openOverdue = db.prepare<[{ t: number }], { municipality: string; n: number }>(
    `SELECT municipality, count(*) AS n FROM (${openAt('due_at < @t')}) GROUP BY municipality`);
  const openPastCeiling = db.prepare<[{ t: number }], { n: number }>(`SELECT count(*) AS n FROM (${openAt('ceiling_at < @t')})`);
  const openSince = db.prepare<[{ since: number; t: number }], { n: number }>(
    `SELECT count(*) AS n FROM appeals WHERE received_at >= @since AND received_at <= @t
     AND (coalesce(answered_at, closed_at) IS NULL OR coalesce(answered_at, closed_at) > @t)`);
  const newest = db.prepare<[number], { at: number | null }>('SELECT max(received_at) AS at FROM appeals WHERE received_at <= ?');
  const oldest = db.prepare<[], { at: number | null }>('SELECT min(received_at) AS at FROM appeals');
  const deleteBefore = db.prepare('DELETE FROM appeals WHERE received_at < ?');
  // the deadlines' definition over a day: due in it, and of those responded to by the deadline (answered or closed)
  const dueOnTime = db.prepare<[number, number], { due: number; onTime: number | null }>(
    `SELECT count(*) AS due, sum(coalesce(answered_at, closed_at) <= due_at) AS onTime FROM appeals WHERE due_at >= ? AND due_at < ?`);
  const sources = db.prepare<[number, number], { source: string }>('SELECT DISTINCT source FROM appeals WHERE received_at >= ? AND received_at < ?');
  const deleteDailyBefore = db.prepare('DELETE FROM appeal_daily WHERE day < ?');
  const oldestDay = db.prepare<[], { day: string | null }>('SELECT min(day) AS day FROM appeal_daily');

  return {
    get: (id: string): AppealRecord | null => { const r = get.get(id); return r ? fromRow(r) : null; },
    /** Writes the merged record; counts it in the per-day table when it is new. */
    put(record: AppealRecord, isNew: boolean, localDay: string): void {
      put.run(record);
      if (isNew) {
        bump.run(localDay, 'channel', record.channel);
        bump.run(localDay, 'category', record.category);
        bump.run(localDay, 'municipality', record.municipality);
      }
    },
    countBy: (dim: AppealDim, from: number, to: number): Map<string, number> =>
      new Map(counters[dim].all(from, to).map((r) => [r.key, r.n])),
    hourly(dayStart: number, to: number): number[] {
      const out = new Array<number>(24).fill(0);
      for (const r of hourly.all(dayStart, dayStart, to)) if (r.h >= 0 && r.h < 24) out[r.h] = r.n;
      return out;
    },
    receivedSince: (t: number): AppealRecord[] => recent.all(t).map(fromRow),
    /** as stored now (a past moment's caller rewinds their statuses) */
    receivedIn: (from: number, to: number): AppealRecord[] => receivedIn.all(from, to).map(fromRow),
    /** appeals whose deadline fell in [from, to), with when they were responded to (answered, or closed) by `asOf` */
    dueIn: (from: number, to: number, asOf: number = to): DueRow[] =>
      dueIn.all(from, to).map((r) => (r.responded_at !== null && r.responded_at > asOf ? { ...r, responded_at: null } : r)),
    /** appeals answered in [from, to) */
    answeredIn: (from: number, to: number): AnsweredRow[] => answeredIn.all(from, to),
    /** per municipality: appeals open at t and past their deadline (the wall's open overdue) */
    openOverdue: (t: number) => new Map(openOverdue.all({ t }).map((r) => [r.municipality, r.n])),
    openPastCeiling: (t: number) => openPastCeiling.get({ t })?.n ?? 0,
    /** appeals received in [since, t] and still open at t */
    openSince: (since: number, t: number) => openSince.get({ since, t })?.n ?? 0,
    /** the newest appeal received by t */
    newestAt: (t: number) => newest.get(t)?.at ?? null,
    /** the first appeal kept: a baseline week before it would count as zero, not as unknown */
    oldestAt: () => oldest.get()?.at ?? null,
    /** the oldest local day with a count of appeals (they outlive the raw appeals) */
    oldestDay: (): string | null => oldestDay.get()?.day ?? null,
    list(q: AppealListQuery): AppealRecord[] {
      const { where, args } = whereOf(q);
      if (q.cursor) { where.push('(received_at < ? OR (received_at = ? AND id < ?))'); args.push(q.cursor.at, q.cursor.at, q.cursor.id); }
      const sql = `SELECT * FROM appeals ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`;
      return db.prepare<(string | number)[], AppealRow>(sql).all(...args, q.limit, q.offset ?? 0).map(fromRow);
    },
    /** how many appeals the list's filters match in all (its pages together) */
    count(q: Omit<AppealListQuery, 'limit' | 'cursor' | 'offset'>): number {
      const { where, args } = whereOf(q);
      return db.prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM appeals ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).get(...args)?.n ?? 0;
    },
    /** appeals whose deadline fell in [from, to), and of those responded to by it */
    dueOnTimeIn: (from: number, to: number) => { const r = dueOnTime.get(from, to); return { due: r?.due ?? 0, onTime: r?.onTime ?? 0 }; },
    /** the producers that sent appeals received in [from, to) */
    sourcesIn: (from: number, to: number): string[] => sources.all(from, to).map((r) => r.source),
    daily: db.prepare<[string, string, string], { day: string; key: string; count: number }>(
      'SELECT day, key, count FROM appeal_daily WHERE dim = ? AND day >= ? AND day <= ? ORDER BY day'),
    prune(before: number, beforeDay: string): number {
      deleteDailyBefore.run(beforeDay);
      return deleteBefore.run(before).changes;
    },
  };
}
export type AppealStore = ReturnType<typeof appealStore>;
