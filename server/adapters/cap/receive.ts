// What happens to a CAP alert: it is kept (every <info>, as read), and an Actual one changes the wall:
// Alert → a new incident; Update → the incident of the alert it references, changed; Cancel → that incident resolved.
// Test, Exercise, System and Draft alerts, Acks and Errors are kept but never shown. Re-sending an alert updates it.
import type { Ingest } from '../../ingest/pipeline';
import { IngestError } from '../../ingest/errors';
import type { IncidentIn } from '../../ingest/schemas';
import type { Store } from '../../store';
import type { Reference } from '../../reference/load';
import { parseXml } from '../xml/parse';
import { CapRefused, infoFor, readAlert, type CapAlert } from './alert';
import { incidentTypeOf, placeOf, severityOf } from './incident';

export type CapAction = 'created' | 'updated' | 'resolved' | 'kept';
export interface CapOutcome {
  identifier: string; sender: string; status: string; msgType: string; incident: string | null; action: CapAction; note?: string;
}
// note: an incident placed outside the republic keeps its action (created/updated) and says so in the note

export interface CapDeps { ingest: Ingest; store: Store; reference: Reference; now: () => number; language: string }

const MAX_ID = 200;
export const incidentIdFor = (a: { sender: string; identifier: string }) => `cap:${a.sender}/${a.identifier}`.slice(0, MAX_ID);

export function createCapReceiver({ ingest, store, reference, now, language }: CapDeps) {
  /** The wall incident an earlier alert created or changed, if any of the referenced alerts is known. */
  function referencedIncident(alert: CapAlert): string | null {
    for (const r of alert.references) {
      const row = store.capAlerts.get(r.sender, r.identifier);
      if (row?.incident) return row.incident;
    }
    return null;
  }

  /** The incident an alert shows, or null when it names no place the wall can draw (it is kept all the same). */
  function incidentFrom(alert: CapAlert, id: string, existing: boolean): IncidentIn | null {
    const info = infoFor(alert, language);
    if (!info) throw new CapRefused('alert/info', `required for an Actual ${alert.msgType}`);
    const place = placeOf(info.areas, reference);
    if (!existing && !place.area && !place.point && !place.municipality) return null;
    const t = now();
    const expired = info.expires !== null && info.expires <= t;
    return {
      id, type: incidentTypeOf(info, reference), severity: severityOf(info.severity),
      ...(place.area ? { area: place.area } : {}), ...(place.point ?? {}),
      ...(place.municipality && !place.area && !place.point ? { municipality: place.municipality } : {}),
      title: (info.headline ?? info.event).slice(0, 300),
      description: [info.description, info.instruction].filter(Boolean).join('\n\n').slice(0, 20_000) || undefined,
      ...(existing ? {} : { reportedAt: alert.sent }),
      status: expired ? 'resolved' : 'active',
      ...(expired ? { resolvedAt: Math.max(info.expires!, alert.sent) } : {}),
    };
  }

  /** The CAP path a refused incident field came from. */
  function asCapRefusal(e: IngestError, alert: CapAlert): CapRefused {
    const field = e.field.split('/').pop() ?? '';
    const info = infoFor(alert, language);
    const k = info ? alert.infos.indexOf(info) : 0;
    const path = field === 'reportedAt' ? 'alert/sent' : field === 'resolvedAt' ? `alert/info[${k}]/expires` : `alert/info[${k}]/area`;
    return new CapRefused(path, e.message.slice(e.field.length + 2));
  }

  function apply(alert: CapAlert, source: string): CapOutcome {
    const base = { identifier: alert.identifier, sender: alert.sender, status: alert.status, msgType: alert.msgType };
    const previous = store.capAlerts.get(alert.sender, alert.identifier);
    let incident: IncidentIn | null = null;
    let action: CapAction = 'kept';
    let note: string | undefined;
    const unplaced = 'no polygon, circle, or municipality of the republic named in a geocode or areaDesc: kept, not shown';
    if (alert.status !== 'Actual') note = `status ${alert.status}: kept, not shown on the wall`;
    else if (alert.msgType === 'Alert') {
      const id = incidentIdFor(alert);
      const known = store.incidents.get(id) !== null;
      incident = incidentFrom(alert, id, known);
      action = incident ? (known ? 'updated' : 'created') : 'kept';
      if (!incident) note = unplaced;
    } else if (alert.msgType === 'Update') {
      const target = referencedIncident(alert) ?? previous?.incident ?? null;
      const id = target ?? incidentIdFor(alert);
      const known = store.incidents.get(id) !== null;
      incident = incidentFrom(alert, id, known);
      action = incident ? (known ? 'updated' : 'created') : 'kept';
      if (!incident) note = unplaced;
      else if (!target) note = 'none of the referenced alerts is known here: shown as a new incident';
    } else if (alert.msgType === 'Cancel') {
      const target = referencedIncident(alert);
      const shown = target ? store.incidents.get(target) : null;
      if (shown) {
        incident = { id: shown.id, status: 'resolved', resolvedAt: Math.max(alert.sent, shown.reportedAt) };
        action = 'resolved';
      } else note = 'none of the referenced alerts is known here: nothing to cancel';
    } else note = `msgType ${alert.msgType}: kept, not shown on the wall`;

    let outside = false;
    store.transaction(() => {
      store.capAlerts.put({
        sender: alert.sender, identifier: alert.identifier, sent: alert.sent, status: alert.status, msg_type: alert.msgType,
        incident: incident?.id ?? previous?.incident ?? null, alert: JSON.stringify(alert), received_at: now(), source,
      });
      // last: the incident reaches the hub only when everything before it was written
      if (incident) {
        try {
          outside = (ingest.incidents([incident], source).outside ?? 0) > 0;
        } catch (e) {
          throw e instanceof IngestError ? asCapRefusal(e, alert) : e;
        }
      }
    });
    if (outside) note = 'placed outside the republic: kept aside, listed at /api/outside-region, not counted';
    return { ...base, incident: incident?.id ?? null, action, ...(note ? { note } : {}) };
  }

  return {
    /** Reads, checks and applies one CAP document (bytes as sent, any declared encoding). */
    receive(document: Uint8Array | string, source: string): CapOutcome {
      return apply(readAlert(parseXml(document)), source);
    },
    apply,
    /** Resolves shown CAP incidents whose alert has expired; returns how many. */
    expire(): number {
      const t = now();
      const due: IncidentIn[] = [];
      const seen = new Set<string>();
      // newest first: an incident's latest alert (an Update may have moved its expiry) decides
      for (const row of store.capAlerts.recent(2000)) {
        if (!row.incident || row.status !== 'Actual' || seen.has(row.incident)) continue;
        seen.add(row.incident);
        const current = store.incidents.get(row.incident);
        if (!current || current.status !== 'active') continue;
        const info = infoFor(JSON.parse(row.alert) as CapAlert, language);
        if (info?.expires != null && info.expires <= t) {
          due.push({ id: row.incident, status: 'resolved', resolvedAt: Math.max(info.expires, current.reportedAt) });
        }
      }
      if (due.length) ingest.incidents(due, 'cap:expiry');
      return due.length;
    },
  };
}
export type CapReceiver = ReturnType<typeof createCapReceiver>;
