// SQL for received CAP alerts: each one as it was read (all its <info> blocks), and the incident it touched.
import type { Db } from './database';

export interface CapAlertRow {
  sender: string; identifier: string; sent: number; status: string; msg_type: string; incident: string | null;
  alert: string; received_at: number; source: string;
}

export function capAlertStore(db: Db) {
  const put = db.prepare(`INSERT INTO cap_alerts VALUES (@sender, @identifier, @sent, @status, @msg_type, @incident, @alert,
    @received_at, @source) ON CONFLICT (sender, identifier) DO UPDATE SET sent = excluded.sent, status = excluded.status,
    msg_type = excluded.msg_type, incident = excluded.incident, alert = excluded.alert, received_at = excluded.received_at,
    source = excluded.source`);
  const get = db.prepare<[string, string], CapAlertRow>('SELECT * FROM cap_alerts WHERE sender = ? AND identifier = ?');
  const recent = db.prepare<[number], CapAlertRow>('SELECT * FROM cap_alerts ORDER BY received_at DESC, sent DESC LIMIT ?');
  return {
    put: (row: CapAlertRow) => { put.run(row); },
    get: (sender: string, identifier: string) => get.get(sender, identifier) ?? null,
    recent: (limit: number) => recent.all(limit),
  };
}
export type CapAlertStore = ReturnType<typeof capAlertStore>;
