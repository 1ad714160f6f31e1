// Response deadlines: the channel's deadline (configurable), shortened by the category's when it has one.
import type { Category, Channel } from '../reference/schemas';
import { HOUR } from './time';

export function deadlineHours(channel: Channel, category: Category | undefined): number {
  return category?.deadlineHours !== undefined ? Math.min(channel.deadlineHours, category.deadlineHours) : channel.deadlineHours;
}

export function dueAt(receivedAt: number, channel: Channel, category: Category | undefined): { dueAt: number; ceilingAt: number } {
  const due = receivedAt + deadlineHours(channel, category) * HOUR;
  return { dueAt: due, ceilingAt: Math.max(due, receivedAt + channel.ceilingHours * HOUR) };
}

/** Answered within the deadline? null while still open and not yet due. */
export function onTime(a: { answeredAt: number | null; dueAt: number }, now: number): boolean | null {
  if (a.answeredAt !== null) return a.answeredAt <= a.dueAt;
  return now > a.dueAt ? false : null;
}

export const isOpen = (a: { answeredAt: number | null; closedAt: number | null }): boolean => a.answeredAt === null && a.closedAt === null;
