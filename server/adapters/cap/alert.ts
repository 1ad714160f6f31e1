// An OASIS CAP 1.2 <alert> element → a checked CapAlert. Every refusal names the element by its path
// (alert/info[1]/severity), so the sending system's operator can find it. Any namespace prefix is accepted; the
// namespace, when there is one, must be CAP's.
import { childText, childrenNamed, type XmlElement } from '../xml/parse';
import { parseTime, TIME_RANGE } from '../../domain/time';

export const CAP_NAMESPACES = ['urn:oasis:names:tc:emergency:cap:1.2', 'urn:oasis:names:tc:emergency:cap:1.1'];

const STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
const MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
const SCOPES = ['Public', 'Restricted', 'Private'] as const;
const CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
// "Very Likely" is CAP 1.0's, still sent by old systems; read as Likely
const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown', 'Very Likely'] as const;

export type CapSeverity = (typeof SEVERITIES)[number];
export interface CapCircle { lat: number; lon: number; radiusKm: number }
export interface CapArea {
  areaDesc: string;
  /** rings as [lon, lat] pairs (CAP sends lat,lon), closed */
  polygons: [number, number][][];
  circles: CapCircle[];
  geocodes: { valueName: string; value: string }[];
}
export interface CapInfo {
  language: string;
  categories: string[];
  event: string;
  urgency: string;
  severity: CapSeverity;
  certainty: string;
  eventCodes: { valueName: string; value: string }[];
  effective: number | null;
  onset: number | null;
  expires: number | null;
  senderName: string | null;
  headline: string | null;
  description: string | null;
  instruction: string | null;
  web: string | null;
  areas: CapArea[];
}
export interface CapReference { sender: string; identifier: string; sent: string }
export interface CapAlert {
  identifier: string;
  sender: string;
  sent: number;
  status: (typeof STATUSES)[number];
  msgType: (typeof MSG_TYPES)[number];
  scope: (typeof SCOPES)[number];
  source: string | null;
  note: string | null;
  references: CapReference[];
  infos: CapInfo[];
}

export class CapRefused extends Error {
  constructor(readonly field: string, message: string) { super(`${field}: ${message}`); }
}

function required(el: XmlElement, name: string, path: string): string {
  const v = childText(el, name);
  if (v === undefined || v === '') throw new CapRefused(`${path}/${name}`, 'required');
  return v;
}
function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CapRefused(field, `"${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}
function capTime(value: string | undefined, field: string): number | null {
  if (value === undefined || value === '') return null;
  // CAP times always carry an offset (2002-05-24T16:49:00-07:00); a time without one is ambiguous and refused
  if (!/([+-]\d\d:\d\d|Z)$/.test(value)) throw new CapRefused(field, `"${value}" has no time zone offset`);
  const t = parseTime(value);
  if (t === null) throw new CapRefused(field, `"${value}" is not a CAP date-time ${TIME_RANGE}`);
  return t;
}
function number(s: string, field: string, min: number, max: number): number {
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new CapRefused(field, `"${s}" is not a number from ${min} to ${max}`);
  return n;
}
function latLon(pair: string, field: string): [number, number] {
  const [a, b, ...rest] = pair.split(',');
  if (a === undefined || b === undefined || rest.length) throw new CapRefused(field, `"${pair}" is not a lat,lon pair`);
  return [number(b, field, -180, 180), number(a, field, -90, 90)];
}

function area(el: XmlElement, path: string): CapArea {
  const polygons = childrenNamed(el, 'polygon').map((p, k) => {
    const field = `${path}/polygon[${k}]`;
    const ring = p.text.trim().split(/\s+/).filter(Boolean).map((pair) => latLon(pair, field));
    if (ring.length < 4) throw new CapRefused(field, 'a polygon needs at least four lat,lon pairs');
    const [first, last] = [ring[0]!, ring[ring.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) throw new CapRefused(field, 'the first and last pairs must be equal (a closed ring)');
    return ring;
  });
  const circles = childrenNamed(el, 'circle').map((c, k) => {
    const field = `${path}/circle[${k}]`;
    const [centre, radius, ...rest] = c.text.trim().split(/\s+/);
    if (!centre || radius === undefined || rest.length) throw new CapRefused(field, `"${c.text.trim()}" is not "lat,lon radius-km"`);
    const [lon, lat] = latLon(centre, field);
    return { lat, lon, radiusKm: number(radius, field, 0, 20_000) };
  });
  const geocodes = childrenNamed(el, 'geocode').map((g) => ({ valueName: childText(g, 'valueName') ?? '', value: childText(g, 'value') ?? '' }));
  return { areaDesc: required(el, 'areaDesc', path), polygons, circles, geocodes };
}

function info(el: XmlElement, path: string): CapInfo {
  const categories = childrenNamed(el, 'category').map((c, k) => oneOf(c.text.trim(), CATEGORIES, `${path}/category[${k}]`));
  if (!categories.length) throw new CapRefused(`${path}/category`, 'required');
  const certainty = oneOf(required(el, 'certainty', path), CERTAINTIES, `${path}/certainty`);
  return {
    language: childText(el, 'language') || 'en-US',
    categories,
    event: required(el, 'event', path),
    urgency: oneOf(required(el, 'urgency', path), URGENCIES, `${path}/urgency`),
    severity: oneOf(required(el, 'severity', path), SEVERITIES, `${path}/severity`),
    certainty: certainty === 'Very Likely' ? 'Likely' : certainty,
    eventCodes: childrenNamed(el, 'eventCode').map((g) => ({ valueName: childText(g, 'valueName') ?? '', value: childText(g, 'value') ?? '' })),
    effective: capTime(childText(el, 'effective'), `${path}/effective`),
    onset: capTime(childText(el, 'onset'), `${path}/onset`),
    expires: capTime(childText(el, 'expires'), `${path}/expires`),
    senderName: childText(el, 'senderName') || null,
    headline: childText(el, 'headline') || null,
    description: childText(el, 'description') || null,
    instruction: childText(el, 'instruction') || null,
    web: childText(el, 'web') || null,
    areas: childrenNamed(el, 'area').map((a, k) => area(a, `${path}/area[${k}]`)),
  };
}

/** Reads "sender,identifier,sent" triples separated by whitespace. */
function references(text: string | undefined): CapReference[] {
  if (!text) return [];
  return text.split(/\s+/).filter(Boolean).map((triple) => {
    const [sender, identifier, sent] = triple.split(',');
    if (!sender || !identifier || !sent) throw new CapRefused('alert/references', `"${triple}" is not sender,identifier,sent`);
    return { sender, identifier, sent };
  });
}

export function readAlert(root: XmlElement): CapAlert {
  if (root.name !== 'alert') throw new CapRefused('alert', `the root element is <${root.name}>, not a CAP <alert>`);
  if (root.ns && !CAP_NAMESPACES.includes(root.ns)) throw new CapRefused('alert', `namespace "${root.ns}" is not CAP 1.2's (${CAP_NAMESPACES[0]})`);
  const p = 'alert';
  const sent = capTime(required(root, 'sent', p), `${p}/sent`)!;
  const alert: CapAlert = {
    identifier: required(root, 'identifier', p),
    sender: required(root, 'sender', p),
    sent,
    status: oneOf(required(root, 'status', p), STATUSES, `${p}/status`),
    msgType: oneOf(required(root, 'msgType', p), MSG_TYPES, `${p}/msgType`),
    scope: oneOf(required(root, 'scope', p), SCOPES, `${p}/scope`),
    source: childText(root, 'source') || null,
    note: childText(root, 'note') || null,
    references: references(childText(root, 'references')),
    infos: childrenNamed(root, 'info').map((el, k) => info(el, `${p}/info[${k}]`)),
  };
  for (const [field, value] of [['identifier', alert.identifier], ['sender', alert.sender]] as const) {
    if (/[\s,<&]/.test(value)) throw new CapRefused(`${p}/${field}`, 'must not contain spaces, commas, < or &');
    if (value.length > 200) throw new CapRefused(`${p}/${field}`, 'longer than 200 characters');
  }
  if ((alert.msgType === 'Update' || alert.msgType === 'Cancel') && !alert.references.length) {
    throw new CapRefused(`${p}/references`, `required for msgType ${alert.msgType}`);
  }
  return alert;
}

/** The <info> for the wall's language (ru matches ru-RU), else the first; the others are kept with the alert. */
export function infoFor(alert: CapAlert, language: string): CapInfo | null {
  const lang = language.toLowerCase();
  return alert.infos.find((i) => i.language.toLowerCase() === lang)
    ?? alert.infos.find((i) => i.language.toLowerCase().split('-')[0] === lang.split('-')[0])
    ?? alert.infos[0] ?? null;
}
