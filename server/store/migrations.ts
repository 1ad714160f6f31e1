// Schema migrations, versioned in code: migration i brings the file from user_version i to i + 1.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE appeals (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, channel TEXT NOT NULL, category TEXT NOT NULL, municipality TEXT NOT NULL,
    lon REAL, lat REAL, address TEXT, text TEXT, author TEXT, contact TEXT,
    status TEXT NOT NULL, received_at INTEGER NOT NULL, in_work_at INTEGER, answered_at INTEGER, closed_at INTEGER,
    due_at INTEGER NOT NULL, ceiling_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  CREATE INDEX appeals_received ON appeals (received_at);
  CREATE INDEX appeals_answered ON appeals (answered_at) WHERE answered_at IS NOT NULL;
  CREATE INDEX appeals_open_due ON appeals (due_at) WHERE answered_at IS NULL AND closed_at IS NULL;

  -- Per-day counts that outlive the raw appeals (retention): dim is channel, category or municipality.
  CREATE TABLE appeal_daily (day TEXT NOT NULL, dim TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (day, dim, key)) WITHOUT ROWID;

  CREATE TABLE incidents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, type TEXT NOT NULL, severity TEXT NOT NULL, status TEXT NOT NULL,
    municipality TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, area TEXT, title TEXT NOT NULL, description TEXT,
    reported_at INTEGER NOT NULL, resolved_at INTEGER, updated_at INTEGER NOT NULL);
  CREATE INDEX incidents_reported ON incidents (reported_at);
  CREATE INDEX incidents_active ON incidents (status) WHERE status = 'active';

  CREATE TABLE vehicles (
    id TEXT PRIMARY KEY, callsign TEXT NOT NULL, substation TEXT, status TEXT,
    lon REAL, lat REAL, speed_kmh REAL, heading REAL, fix_at INTEGER, updated_at INTEGER NOT NULL);
  CREATE TABLE positions (
    vehicle TEXT NOT NULL, at INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, speed_kmh REAL, heading REAL,
    status TEXT, accuracy_m REAL, source TEXT NOT NULL);
  CREATE INDEX positions_vehicle_at ON positions (vehicle, at);
  CREATE INDEX positions_at ON positions (at);

  CREATE TABLE container_sites (
    id TEXT PRIMARY KEY, operator TEXT NOT NULL, municipality TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
    containers INTEGER NOT NULL, volume_m3 REAL NOT NULL, fill REAL NOT NULL, status TEXT NOT NULL,
    serviced_at INTEGER, updated_at INTEGER NOT NULL);
  -- Status changes and services of sites (fill changes alone update the site, not this history).
  CREATE TABLE container_events (
    site TEXT NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, fill REAL NOT NULL);
  CREATE INDEX container_events_at ON container_events (at);
  CREATE INDEX container_events_site ON container_events (site, at);

  CREATE TABLE metrics (
    name TEXT NOT NULL, at INTEGER NOT NULL, value REAL NOT NULL, municipality TEXT, labels TEXT, key TEXT, source TEXT NOT NULL);
  CREATE INDEX metrics_name_at ON metrics (name, at);
  CREATE UNIQUE INDEX metrics_key ON metrics (key) WHERE key IS NOT NULL;
  `,
  // 2: producers' keys, CAP alerts, FIWARE containers and models, position attributes, items outside the region
  `
  CREATE TABLE producer_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, origin TEXT NOT NULL,
    created_at INTEGER NOT NULL, revoked_at INTEGER, used_at INTEGER);

  -- Every CAP alert received, with all its <info> blocks; incident is the wall incident it created or changed.
  CREATE TABLE cap_alerts (sender TEXT NOT NULL, identifier TEXT NOT NULL, sent INTEGER NOT NULL, status TEXT NOT NULL,
    msg_type TEXT NOT NULL, incident TEXT, alert TEXT NOT NULL, received_at INTEGER NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (sender, identifier)) WITHOUT ROWID;

  -- FIWARE WasteContainer entities (a site is a WasteContainerIsle or a container on its own) and WasteContainerModels.
  CREATE TABLE waste_containers (id TEXT PRIMARY KEY, site TEXT NOT NULL, model TEXT, fill REAL, status TEXT,
    observed_at INTEGER NOT NULL, entity TEXT NOT NULL);
  CREATE INDEX waste_containers_site ON waste_containers (site);
  CREATE TABLE waste_models (id TEXT PRIMARY KEY, volume_m3 REAL, entity TEXT NOT NULL, updated_at INTEGER NOT NULL);

  ALTER TABLE positions ADD COLUMN attributes TEXT;
  -- Items placed outside the republic (SITROOM_OUT_OF_REGION=flag): kept and listed, never counted in the region's figures.
  CREATE TABLE outside_region (kind TEXT NOT NULL, id TEXT NOT NULL, at INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
    item TEXT NOT NULL, source TEXT NOT NULL, received_at INTEGER NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
  CREATE INDEX outside_region_received ON outside_region (received_at);
  `,
  // 3: what departmental indicators are (names, unit, thresholds), as their producers last described them; one
  // position per vehicle and time
  `
  CREATE TABLE metric_defs (name TEXT PRIMARY KEY, unit TEXT, title_ru TEXT, title_en TEXT, warn REAL, critical REAL,
    direction TEXT, source TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;

  -- a fix re-sent by a tracker (same vehicle, same time) replaces the stored one instead of doubling the history
  DELETE FROM positions WHERE rowid NOT IN (SELECT min(rowid) FROM positions GROUP BY vehicle, at);
  DROP INDEX positions_vehicle_at;
  CREATE UNIQUE INDEX positions_vehicle_at ON positions (vehicle, at);
  `,
  // 4: running the walls: each wall's state, the log of who changed it, people (operators, admins) and their
  // sessions, paired screens and pending pairing codes. Secrets are kept as hashes only.
  `
  CREATE TABLE wall_state (wall TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE wall_actions (id INTEGER PRIMARY KEY AUTOINCREMENT, wall TEXT NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL,
    role TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
  CREATE INDEX wall_actions_wall ON wall_actions (wall, id);

  CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL, password TEXT NOT NULL, created_at INTEGER NOT NULL,
    disabled_at INTEGER) WITHOUT ROWID;
  CREATE TABLE sessions (hash TEXT PRIMARY KEY, user TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;

  CREATE TABLE screens (id TEXT PRIMARY KEY, name TEXT NOT NULL, wall TEXT NOT NULL, screen TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
    paired_at INTEGER NOT NULL, paired_by TEXT NOT NULL, last_seen_at INTEGER, revoked_at INTEGER) WITHOUT ROWID;
  -- a pending code, and once approved the screen's token until the screen has fetched it (then it is cleared)
  CREATE TABLE pairings (code TEXT PRIMARY KEY, ticket TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
    user_agent TEXT NOT NULL, address TEXT NOT NULL, screen_id TEXT, token TEXT) WITHOUT ROWID;
  `,
  // 5: hardened edges. Which producer brought each vehicle into being (a cap per producer); OsmAnd devices, each bound
  // to one vehicle and known by the hash of its id (the id is the device's credential); a screen's token is no longer
  // kept in plain text while the screen has not fetched it: the screen's hash is set when it does.
  `
  CREATE TABLE vehicle_origins (vehicle TEXT PRIMARY KEY, source TEXT NOT NULL, created_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX vehicle_origins_source ON vehicle_origins (source);

  CREATE TABLE devices (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL, vehicle TEXT NOT NULL,
    origin TEXT NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL, revoked_at INTEGER, last_fix_at INTEGER) WITHOUT ROWID;
  CREATE INDEX devices_vehicle ON devices (vehicle);

  CREATE TABLE screens_new (id TEXT PRIMARY KEY, name TEXT NOT NULL, wall TEXT NOT NULL, screen TEXT NOT NULL, hash TEXT UNIQUE,
    paired_at INTEGER NOT NULL, paired_by TEXT NOT NULL, last_seen_at INTEGER, revoked_at INTEGER) WITHOUT ROWID;
  INSERT INTO screens_new SELECT * FROM screens;
  DROP TABLE screens;
  ALTER TABLE screens_new RENAME TO screens;
  -- approved codes whose token was still waiting in plain text: those screens pair again
  DELETE FROM screens WHERE id IN (SELECT screen_id FROM pairings WHERE token IS NOT NULL);
  DELETE FROM pairings WHERE token IS NOT NULL;
  `,
  // 6: figures by deadline: the on-time share counts the appeals whose deadline fell in its window
  `
  CREATE INDEX appeals_due ON appeals (due_at);
  `,
  // 7: a tracker may report without a position (cell towers or Wi-Fi only): the vehicle and the device keep when they
  // were last heard from, apart from the time of their last position
  `
  ALTER TABLE vehicles ADD COLUMN heard_at INTEGER;
  UPDATE vehicles SET heard_at = fix_at;
  ALTER TABLE devices ADD COLUMN last_heard_at INTEGER;
  UPDATE devices SET last_heard_at = last_fix_at;
  `,
  // 8: the desk. Every view of an appeal's personal data (text, author, contact) is recorded: who, when, which appeal
  // (152-FZ); admins read it. (Its index of appeals by municipality and deadline is dropped again by 9.)
  `
  CREATE TABLE personal_data_views (at INTEGER NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, appeal TEXT NOT NULL, address TEXT NOT NULL);
  CREATE INDEX personal_data_views_at ON personal_data_views (at);
  CREATE INDEX appeals_municipality_due ON appeals (municipality, due_at);
  `,
  // 9: that index made SQLite answer the wall's open overdue (GROUP BY municipality) by scanning all of it instead of
  // the due range: 690 ms instead of 41 ms on 404,000 appeals (measured in memory), in every kpi refresh; the desk's
  // per-municipality overdue is served well by appeals_due
  `
  DROP INDEX IF EXISTS appeals_municipality_due;
  `,
  // 10: the calls teams report being on (a position's call): when each was received, where, when the team took it
  // (its first fix on it), when it got there (its first fix on scene on it) and its last fix on it
  `
  CREATE TABLE team_calls (vehicle TEXT NOT NULL, call TEXT NOT NULL, received_at INTEGER NOT NULL, lon REAL, lat REAL,
    address TEXT, assigned_at INTEGER NOT NULL, arrived_at INTEGER, last_at INTEGER NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (vehicle, call));
  CREATE INDEX team_calls_vehicle_last ON team_calls (vehicle, last_at);
  CREATE INDEX team_calls_last ON team_calls (last_at);
  `,
  // 11: a past moment's open appeals are those open now and those answered or closed after it (server/store/appeals.ts)
  `
  CREATE INDEX appeals_responded ON appeals (coalesce(answered_at, closed_at));
  `,
  // 12: the fixes a team's replay track keeps after the raw window (one a minute and every status change): the rest are
  // thinned out (server/store/fleet.ts); fixes stored before this were all kept
  `
  ALTER TABLE positions ADD COLUMN kept INTEGER NOT NULL DEFAULT 1;
  `,
  // 13: the sites' daily checkpoints for past moments (server/store/site-checkpoints.ts); a site whose registration
  // the old 14-day retention dropped is known from its oldest event kept (or its last update), as a registration then
  `
  CREATE TABLE site_checkpoints (at INTEGER PRIMARY KEY, count INTEGER NOT NULL, state BLOB NOT NULL);
  INSERT INTO container_events (site, at, kind, status, fill)
    SELECT s.id, coalesce((SELECT min(at) FROM container_events WHERE site = s.id), s.updated_at), 'registered', s.status, s.fill
    FROM container_sites s WHERE NOT EXISTS (SELECT 1 FROM container_events WHERE site = s.id AND kind = 'registered');
  `,
  // 14: the year's figures, one row per local day, figure and key, kept for good (server/year/): computed from the
  // store's own records when a day closes, or imported from an archive for days before them. `covered` rows say which
  // groups of figures a day has, so a day without incidents is told from a day without a record.
  `
  CREATE TABLE daily_figures (day TEXT NOT NULL, figure TEXT NOT NULL, key TEXT NOT NULL, value REAL NOT NULL, origin TEXT NOT NULL,
    PRIMARY KEY (figure, day, key)) WITHOUT ROWID;
  CREATE INDEX container_events_registered ON container_events (at) WHERE kind = 'registered';
  `,
];
