// An incoming incident (new, or a change to a known one) → the merged IncidentRecord.
import type { IncidentRecord } from '../../domain/records';
import { bboxOf, polygonsOf, type Geometry } from '../../reference/geometry';
import { fieldsOf } from '../errors';
import type { IncidentIn } from '../schemas';
import { municipalityOf, time, type NormaliseContext } from './common';
import { checkArea } from './area';

export function normaliseIncident(item: IncidentIn, i: number, existing: IncidentRecord | null, ctx: NormaliseContext): IncidentRecord {
  const f = fieldsOf('incidents', i);
  const { reference, now } = ctx;
  const type = item.type ?? existing?.type ?? f.fail('type', 'required for a new incident');
  if (!reference.incidentTypes.some((t) => t.id === type)) {
    f.fail('type', `unknown type "${type}"; known: ${reference.incidentTypes.map((t) => t.id).join(', ')}`);
  }
  const severity = item.severity ?? existing?.severity ?? f.fail('severity', 'required for a new incident');
  const sent = item.area ? checkArea(f, item.area as Geometry) : null;
  const area = sent ?? existing?.area ?? null;
  let point = item.lon !== undefined || item.lat !== undefined ? { lon: item.lon, lat: item.lat } : null;
  if (!point && sent) {
    // an area without a point is placed at its bounding box centre
    const b = bboxOf(polygonsOf(sent));
    point = { lon: (b.minX + b.maxX) / 2, lat: (b.minY + b.maxY) / 2 };
  }
  const municipality = municipalityOf(f, ctx, item.municipality, point ?? {}, existing?.municipality ?? null);
  const centre = reference.municipalityById.get(municipality)!.centre;
  const lon = point?.lon ?? existing?.lon ?? centre.lon;
  const lat = point?.lat ?? existing?.lat ?? centre.lat;
  const reportedAt = item.reportedAt !== undefined ? time(f, 'reportedAt', item.reportedAt, now)
    : existing?.reportedAt ?? f.fail('reportedAt', 'required for a new incident');
  const status = item.status ?? (item.resolvedAt !== undefined ? 'resolved' : existing?.status ?? 'active');
  let resolvedAt = time(f, 'resolvedAt', item.resolvedAt, now, true) ?? existing?.resolvedAt ?? null;
  if (status === 'resolved' && resolvedAt === null) resolvedAt = now;
  if (status === 'active') resolvedAt = null;
  if (resolvedAt !== null && resolvedAt < reportedAt) f.fail('resolvedAt', 'is before reportedAt');
  const typeName = reference.incidentTypes.find((t) => t.id === type)!.name_en;
  return {
    id: item.id, source: existing?.source ?? ctx.source, type, severity, status, municipality, lon, lat, area,
    title: item.title ?? existing?.title ?? typeName, description: item.description ?? existing?.description ?? null,
    reportedAt, resolvedAt, updatedAt: now,
  };
}
