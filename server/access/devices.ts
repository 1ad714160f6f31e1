// OsmAnd / Traccar Client devices: which device may move which vehicle. A device is registered by an admin (the
// server draws an id that cannot be guessed), listed in SITROOM_OSMAND_DEVICES, or registers itself within a cap when
// SITROOM_OSMAND_AUTOREGISTER=on (then onto a vehicle of its own, never onto one that exists). The device id is the
// credential a tracker sends with each fix: only its SHA-256 is kept, and nothing the server shows contains it.
import { randomBytes } from 'node:crypto';
import type { DeviceRow, DeviceStore } from '../store/devices';
import { LIMITS } from '../ingest/limits';
import { AccessError } from './identity';
import { sha256 } from './secrets';

export interface DeviceInfo {
  id: string; label: string; vehicle: string; origin: DeviceRow['origin']; createdAt: number; createdBy: string;
  revokedAt: number | null; lastFixAt: number | null; lastHeardAt: number | null;
}
export interface DeviceBinding { id: string; vehicle: string }
export interface DeviceOptions { rows: DeviceStore; now: () => number; autoRegister: boolean }

/** A device id an admin can type into Traccar Client: 20 characters from 120 random bits. */
export const newDeviceId = (): string => randomBytes(15).toString('base64url');
/** The shortest device id an admin may choose (Traccar Client's own default is 6 digits: guessed in minutes). */
export const MIN_DEVICE_ID = 12;

const info = (r: DeviceRow): DeviceInfo => ({ id: r.id, label: r.label, vehicle: r.vehicle, origin: r.origin, createdAt: r.created_at,
  createdBy: r.created_by, revokedAt: r.revoked_at, lastFixAt: r.last_fix_at, lastHeardAt: r.last_heard_at });

export function createDevices(o: DeviceOptions) {
  const lastWritten = new Map<string, number>();
  function insert(device: string, vehicle: string, label: string, origin: DeviceRow['origin'], by: string): DeviceRow {
    const hash = sha256(device);
    const row: DeviceRow = { id: `dev-${hash.slice(0, 10)}`, hash, label, vehicle, origin, created_at: o.now(), created_by: by,
      revoked_at: null, last_fix_at: null, last_heard_at: null };
    o.rows.insert(row);
    return row;
  }
  /** A self-registered device gets a vehicle named after its hash: it can never land on a team that exists. */
  function autoRegister(device: string): DeviceBinding | null {
    if (!o.autoRegister || o.rows.autoRegistered() >= LIMITS.autoRegisteredDevices) return null;
    const row = insert(device, `trk-${sha256(device).slice(0, 10)}`, 'self-registered', 'auto', 'auto-registration');
    return { id: row.id, vehicle: row.vehicle };
  }
  return {
    /** The vehicle this device may move, or null (unknown, revoked, or over the auto-registration cap). */
    resolve(device: string): DeviceBinding | null {
      const row = o.rows.byHash(sha256(device));
      if (row) return row.revoked_at === null ? { id: row.id, vehicle: row.vehicle } : null;
      return autoRegister(device);
    },
    /** the device's last fix or report without a position, for the admin's list (written at most once a minute per
     * device and kind) */
    heard(id: string, withPosition: boolean): void {
      const t = o.now(), key = `${withPosition ? 'fix' : 'heard'}:${id}`;
      if ((lastWritten.get(key) ?? -Infinity) > t - 60_000) return;
      lastWritten.set(key, t);
      if (withPosition) o.rows.fixed(id, t); else o.rows.heard(id, t);
    },
    /** SITROOM_OSMAND_DEVICES at each start (idempotent): a listed device not yet known is registered. */
    ensure(device: string, vehicle: string): void {
      if (!o.rows.byHash(sha256(device))) insert(device, vehicle, 'SITROOM_OSMAND_DEVICES', 'config', 'configuration');
    },
    /** An admin binds a device to a vehicle; the device id is drawn here unless the admin brings a long enough one. */
    register(vehicle: string, label: string, by: string, device = newDeviceId()): DeviceInfo & { device: string } {
      if (device.length < MIN_DEVICE_ID) throw new AccessError(400, `device: at least ${MIN_DEVICE_ID} characters (it is the tracker's password); leave it out to have one drawn`, 'body/device');
      if (o.rows.byHash(sha256(device))) throw new AccessError(409, 'device: this device id is registered already', 'body/device');
      return { ...info(insert(device, vehicle, label, 'admin', by)), device };
    },
    revoke(id: string): DeviceInfo | null {
      o.rows.revoke(id, o.now());
      const row = o.rows.byId(id);
      return row ? info(row) : null;
    },
    list: (): DeviceInfo[] => o.rows.all().map(info),
  };
}
export type Devices = ReturnType<typeof createDevices>;
