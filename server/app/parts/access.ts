// Who may do what: producers' keys (configured or generated on first start), the admin token, operators and screens,
// and which tracker may move which vehicle.
import type { Config } from '../../config/config';
import type { Store } from '../../store';
import { fileSecret } from '../../access/secrets';
import { createProducerKeys } from '../../access/producer-keys';
import { createAccess } from '../../access/identity';
import { createDevices } from '../../access/devices';
import { clientAddresses } from '../../access/client-address';

export function accessPart(config: Config, store: Store, trustedProxies: string[]) {
  const producerKeys = createProducerKeys(store.producerKeys, () => Date.now());
  for (const k of config.ingestKeys) producerKeys.ensure(k.key, k.name, 'config');
  let generatedKey: { key: string; file: string } | null = null;
  if (!config.ingestKeys.length) {
    const { secret, file } = fileSecret(config.dbPath, 'ingest-key');
    producerKeys.ensure(secret, 'default', 'generated');
    generatedKey = { key: secret, file };
  }
  const adminFile = config.adminToken ? null : fileSecret(config.dbPath, 'admin-token');
  const admin = { token: config.adminToken ?? adminFile?.secret ?? '', file: adminFile?.file ?? null };
  const access = createAccess({ store, adminToken: admin.token, trustLoopback: config.trustLoopback, sessionHours: config.sessionHours,
    dbPath: config.dbPath, now: () => Date.now(), addresses: clientAddresses(trustedProxies) });
  const devices = createDevices({ rows: store.devices, now: () => Date.now(), autoRegister: config.osmand.autoRegister });
  for (const d of config.osmand.devices) devices.ensure(d.id, d.vehicle);
  return { producerKeys, generatedKey, admin, access, devices };
}
