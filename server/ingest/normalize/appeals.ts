// An incoming appeal (new, or a change to a known one) → the merged AppealRecord.
import type { AppealRecord } from '../../domain/records';
import { dueAt } from '../../domain/deadlines';
import type { AppealStatus } from '../../protocol/views';
import { fieldsOf } from '../errors';
import type { AppealIn } from '../schemas';
import { municipalityOf, time, type NormaliseContext } from './common';

function statusFrom(item: AppealIn, existing: AppealRecord | null): AppealStatus {
  if (item.status) return item.status;
  if (item.closedAt !== undefined) return 'closed';
  if (item.answeredAt !== undefined) return 'answered';
  if (item.inWorkAt !== undefined) return 'in_work';
  return existing?.status ?? 'received';
}

export function normaliseAppeal(item: AppealIn, i: number, existing: AppealRecord | null, ctx: NormaliseContext): AppealRecord {
  const f = fieldsOf('appeals', i);
  const { reference, now } = ctx;
  const channelId = item.channel ?? existing?.channel ?? f.fail('channel', 'required for a new appeal');
  const channel = reference.channelById.get(channelId)
    ?? f.fail('channel', `unknown channel "${channelId}"; known: ${[...reference.channelById.keys()].join(', ')}`);
  const categoryId = item.category ?? existing?.category ?? f.fail('category', 'required for a new appeal');
  const category = reference.categoryById.get(categoryId)
    ?? f.fail('category', `unknown category "${categoryId}"; known: ${[...reference.categoryById.keys()].join(', ')}`);
  const municipality = municipalityOf(f, ctx, item.municipality, item, existing?.municipality ?? null);
  const receivedAt = item.receivedAt !== undefined ? time(f, 'receivedAt', item.receivedAt, now)
    : existing?.receivedAt ?? f.fail('receivedAt', 'required for a new appeal');
  const status = statusFrom(item, existing);
  const stamp = (name: 'inWorkAt' | 'answeredAt' | 'closedAt', due: boolean): number | null => {
    const t = time(f, name, item[name], now, true) ?? existing?.[name] ?? (due ? now : null);
    if (t !== null && t < receivedAt) f.fail(name, 'is before receivedAt');
    return t;
  };
  const answeredAt = stamp('answeredAt', status === 'answered');
  const closedAt = stamp('closedAt', status === 'closed');
  const inWorkAt = stamp('inWorkAt', status === 'in_work');
  const keepDeadline = existing && existing.receivedAt === receivedAt && existing.channel === channel.id && existing.category === category.id;
  const deadline = keepDeadline ? { dueAt: existing.dueAt, ceilingAt: existing.ceilingAt } : dueAt(receivedAt, channel, category);
  return {
    id: item.id, source: existing?.source ?? ctx.source, channel: channel.id, category: category.id, municipality,
    lon: item.lon ?? existing?.lon ?? null, lat: item.lat ?? existing?.lat ?? null,
    address: item.address ?? existing?.address ?? null, text: item.text ?? existing?.text ?? null,
    author: item.author ?? existing?.author ?? null, contact: item.contact ?? existing?.contact ?? null,
    status, receivedAt, inWorkAt, answeredAt, closedAt, ...deadline, updatedAt: now,
  };
}
