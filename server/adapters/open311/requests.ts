// Service requests ↔ appeals: what an Open311 POST becomes, and how an appeal reads as a service request.
import type { AppealIn } from '../../ingest/schemas';
import type { AppealRecord } from '../../domain/records';
import { municipalityInAddress } from '../../reference/place-names';
import type { Reference } from '../../reference/load';
import type { Flat } from './format';

export class Open311Failure extends Error {
  constructor(readonly status: 400 | 403 | 404, readonly code: number, message: string) { super(message); }
}

const bad = (field: string, message: string) => new Open311Failure(400, 400, `${field}: ${message}`);

const text = (v: unknown, field: string, max: number): string | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') throw bad(field, 'expected text');
  const s = String(v).trim();
  if (s.length > max) throw bad(field, `longer than ${max} characters`);
  return s || undefined;
};

function coordinate(v: unknown, field: 'lat' | 'long', min: number, max: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n < min || n > max) throw bad(field, `expected a number from ${min} to ${max}`);
  return n;
}


export interface PostContext { reference: Reference; channel: string; newId: () => string; now: number }

/** An Open311 POST requests (form fields or JSON) as an appeal for the ingest pipeline. */
export function requestToAppeal(body: Record<string, unknown>, ctx: PostContext): AppealIn {
  const code = text(body['service_code'], 'service_code', 64);
  if (!code) throw bad('service_code', 'required');
  if (!ctx.reference.categoryById.has(code)) throw new Open311Failure(400, 404, `service_code: unknown service "${code}"; see services.json`);
  const hasLat = body['lat'] !== undefined && body['lat'] !== '', hasLong = body['long'] !== undefined && body['long'] !== '';
  if (hasLat !== hasLong) throw bad(hasLat ? 'long' : 'lat', 'lat and long come together');
  const address = text(body['address_string'], 'address_string', 500);
  const addressId = text(body['address_id'], 'address_id', 200);
  const appeal: AppealIn = { id: ctx.newId(), channel: ctx.channel, category: code, receivedAt: new Date(ctx.now).toISOString(), status: 'received' };
  if (hasLat) {
    appeal.lat = coordinate(body['lat'], 'lat', -90, 90);
    appeal.lon = coordinate(body['long'], 'long', -180, 180);
  } else if (address) {
    const m = municipalityInAddress(address, ctx.reference);
    if (!m) throw bad('address_string', 'no municipality or town of the republic named in it; send lat and long');
    appeal.municipality = m;
  } else if (addressId) {
    throw bad('address_id', 'no address registry is configured here; send lat and long or address_string');
  } else {
    throw bad('lat', 'a location is required: lat and long, address_string or address_id');
  }
  if (address) appeal.address = address;
  const description = text(body['description'], 'description', 4000);
  const media = text(body['media_url'], 'media_url', 1000);
  if (description || media) appeal.text = [description, media && `media: ${media}`].filter(Boolean).join('\n');
  const author = [text(body['first_name'], 'first_name', 100), text(body['last_name'], 'last_name', 100)].filter(Boolean).join(' ');
  if (author) appeal.author = author;
  const contact = [text(body['email'], 'email', 200), text(body['phone'], 'phone', 50)].filter(Boolean).join(', ');
  if (contact) appeal.contact = contact;
  for (const f of ['device_id', 'account_id'] as const) text(body[f], f, 200);
  return appeal;
}

/** An appeal as a GeoReport v2 service request (no personal data: names, contacts and free text stay in the store;
 *  the point rounded; the id as the public list shows it). */
/** as the wall shows appeal points: to ~100 m, never a resident's doorstep */
const coarse = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 1000);

export function appealToRequest(a: AppealRecord, reference: Reference, date: (t: number) => string, id: string = a.id): Flat {
  const category = reference.categoryById.get(a.category);
  const municipality = reference.municipalityById.get(a.municipality);
  const closed = a.status === 'closed';
  const notes: Record<AppealRecord['status'], string> = {
    received: 'received', in_work: 'in work', answered: 'answered, awaiting closure', closed: 'closed',
  };
  return {
    service_request_id: id,
    status: closed ? 'closed' : 'open',
    status_notes: notes[a.status],
    service_name: category?.name_ru ?? a.category,
    service_code: a.category,
    description: null,
    agency_responsible: municipality?.name_ru ?? a.municipality,
    service_notice: null,
    requested_datetime: date(a.receivedAt),
    updated_datetime: date(a.updatedAt),
    expected_datetime: date(a.dueAt),
    address: municipality?.name_ru ?? null,
    address_id: null,
    zipcode: null,
    lat: coarse(a.lat),
    long: coarse(a.lon),
    media_url: null,
  };
}
