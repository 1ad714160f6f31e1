// An incoming container-site observation (registration or change) → the merged site record.
import type { ContainerSiteRecord } from '../../domain/records';
import type { ContainerStatus } from '../../protocol/views';
import { fieldsOf } from '../errors';
import type { ContainerIn } from '../schemas';
import { municipalityOf, time, type NormaliseContext } from './common';

/** A site's status from its fill level, when the producer reports only the level. */
export function statusForFill(fill: number): ContainerStatus {
  if (fill >= 100) return 'overflowing';
  if (fill >= 80) return 'full';
  return 'ok';
}

export function normaliseContainer(item: ContainerIn, i: number, existing: ContainerSiteRecord | null, ctx: NormaliseContext):
  ContainerSiteRecord {
  const f = fieldsOf('containers', i);
  const { reference, now } = ctx;
  const at = time(f, 'at', item.at, now);
  if (!existing && (item.lon === undefined || item.lat === undefined) && item.municipality === undefined) {
    f.fail(item.lon === undefined ? 'lon' : 'lat', 'required for a new site');
  }
  const municipality = municipalityOf(f, ctx, item.municipality, item, existing?.municipality ?? null);
  const operator = item.operator ?? existing?.operator ?? reference.operatorByMunicipality.get(municipality)!.id;
  if (!reference.operators.some((o) => o.id === operator)) {
    f.fail('operator', `unknown operator "${operator}"; known: ${reference.operators.map((o) => o.id).join(', ')}`);
  }
  const centre = reference.municipalityById.get(municipality)!.centre;
  const fill = item.fill ?? existing?.fill ?? 0;
  const fillChanged = item.fill !== undefined;
  const servicedAt = time(f, 'servicedAt', item.servicedAt, now, true) ?? existing?.servicedAt ?? null;
  // A producer that reports a level but no status gets the status that level means (unless the site is damaged etc.).
  const derived = existing && !['ok', 'full', 'overflowing'].includes(existing.status) ? existing.status : statusForFill(fill);
  return {
    id: item.id, operator, municipality,
    lon: item.lon ?? existing?.lon ?? centre.lon, lat: item.lat ?? existing?.lat ?? centre.lat,
    containers: item.containers ?? existing?.containers ?? 1, volumeM3: item.volumeM3 ?? existing?.volumeM3 ?? 1.1,
    fill, status: item.status ?? (fillChanged || !existing ? derived : existing.status), servicedAt,
    updatedAt: Math.max(at, existing?.updatedAt ?? 0),
  };
}
