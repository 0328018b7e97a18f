/**
 * The warehouse tables. Column meanings are documented in docs/warehouse.md; keep both in step.
 *
 * Timestamps are TIMESTAMP (no zone): wall-clock time in the deployment's zone (HOTLINE_TZ), so that day and month
 * buckets are plain date_trunc calls. Codes (appeal type, status, satisfaction) are stable English codes; the UI
 * translates them.
 */
export const TICKET_COLUMNS = `
  ticket_id           VARCHAR NOT NULL,   -- stable global id: '<channel>:<source_id>'
  channel             VARCHAR NOT NULL,   -- intake channel as the user names it (12345热线, 网络问政, App, NYC 311 ...)
  source_id           VARCHAR NOT NULL,   -- id in the source system
  source_layout       VARCHAR NOT NULL,   -- mapping file id that read it
  load_id             INTEGER NOT NULL,   -- load_log.load_id of the file that last wrote the row
  source_file         VARCHAR NOT NULL,
  source_row          INTEGER NOT NULL,   -- record number in that file, header = row 1
  received_at         TIMESTAMP NOT NULL,
  dispatched_at       TIMESTAMP,
  first_response_at   TIMESTAMP,
  due_at              TIMESTAMP,
  closed_at           TIMESTAMP,
  appeal_type         VARCHAR,            -- consult | help | complaint | report | suggestion | praise | other
  category_code       VARCHAR,            -- finest taxonomy code found (lib/taxonomy), NULL = 未分类
  category_l1         VARCHAR,            -- first-level taxonomy code
  category_l2         VARCHAR,            -- second-level taxonomy code
  category_raw        VARCHAR,            -- the source's own category text, joined with ' / '
  category_origin     VARCHAR,            -- source | mapped | predicted | unclassified (text too unclear to predict)
  category_confidence DOUBLE,
  title               VARCHAR,            -- personal data masked
  content             VARCHAR,            -- personal data masked
  reply               VARCHAR,            -- personal data masked
  region_code         VARCHAR,            -- finest region code resolved
  province_code       VARCHAR,
  city_code           VARCHAR,
  county_code         VARCHAR,
  town_code           VARCHAR,
  community_code      VARCHAR,
  region_raw          VARCHAR,            -- region names as the source wrote them
  region_method       VARCHAR,            -- code | name | point
  address             VARCHAR,            -- masked below building level
  place_key           VARCHAR,            -- normalised address for repeat detection
  lon                 DOUBLE,             -- WGS-84
  lat                 DOUBLE,
  coord_system_raw    VARCHAR,            -- WGS84 | GCJ02 | BD09, as read
  h3_r6               UBIGINT,
  h3_r8               UBIGINT,
  h3_r10              UBIGINT,
  department          VARCHAR,            -- lead handling unit
  co_departments      VARCHAR[],
  dispatch_count      INTEGER,
  returned            BOOLEAN,            -- sent back (退单) at least once
  escalated           BOOLEAN,            -- 督办 / 提级
  status              VARCHAR,            -- open | in_progress | closed | cancelled
  resolved            BOOLEAN,
  satisfaction        VARCHAR,            -- satisfied | basically_satisfied | dissatisfied
  overdue             BOOLEAN,            -- closed after due, or still open past due at load time
  handling_hours      DOUBLE,             -- closed_at - received_at
  caller_key          VARCHAR,            -- HMAC of the caller's phone/id; never the number itself
  row_hash            UBIGINT NOT NULL    -- hash of the normalised content: tells updated from unchanged
`;

export const SCHEMA_VERSION = 1;

/**
 * Tickets a load replaced or re-categorised since the rollups were last refreshed, as they were before: the days,
 * callers and map cells the refresh must recount (etl/load/rollups-changed.ts). Emptied by every refresh, which
 * also creates it in a warehouse opened without this schema (the benchmarks' scaled copies).
 */
export const REPLACED_TICKETS_SQL = `
CREATE TABLE IF NOT EXISTS replaced_tickets (
  ticket_id  VARCHAR NOT NULL,
  day        DATE NOT NULL,
  caller_key VARCHAR,
  h3_r6      UBIGINT,
  h3_r8      UBIGINT
);`;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS tickets (${TICKET_COLUMNS});

CREATE TABLE IF NOT EXISTS load_log (
  load_id       INTEGER PRIMARY KEY,
  file_path     VARCHAR NOT NULL,
  file_name     VARCHAR NOT NULL,
  content_hash  VARCHAR NOT NULL,
  layout        VARCHAR,
  channel       VARCHAR,
  started_at    TIMESTAMP NOT NULL,
  finished_at   TIMESTAMP,
  status        VARCHAR NOT NULL,    -- loaded | skipped_identical | failed
  message       VARCHAR,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_loaded   INTEGER NOT NULL DEFAULT 0,
  rows_updated  INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  coords_out_of_area INTEGER NOT NULL DEFAULT 0,
  first_received TIMESTAMP,
  last_received  TIMESTAMP,
  seconds       DOUBLE
);

CREATE TABLE IF NOT EXISTS rejected_rows (
  load_id    INTEGER NOT NULL,
  file_name  VARCHAR NOT NULL,
  row_number INTEGER NOT NULL,
  column_name VARCHAR,
  reason     VARCHAR NOT NULL,
  raw_values VARCHAR            -- JSON of the row as read, personal data removed or masked
);

CREATE TABLE IF NOT EXISTS regions (
  code        VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  level       INTEGER NOT NULL,  -- 1 province, 2 city, 3 county/district, 4 town/street, 5 community
  parent_code VARCHAR,
  population  INTEGER            -- residents, where known (per-10,000 rates)
);

CREATE TABLE IF NOT EXISTS region_shapes (
  code    VARCHAR PRIMARY KEY,
  name    VARCHAR,
  level   INTEGER,
  geojson VARCHAR NOT NULL   -- a WGS-84 GeoJSON Feature, for the map
);

CREATE TABLE IF NOT EXISTS region_aliases (
  alias VARCHAR NOT NULL,        -- a name the region is written as: full, short, former (宜宾县 → 叙州区)
  code  VARCHAR NOT NULL,
  level INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS categories (
  code        VARCHAR PRIMARY KEY,
  level       INTEGER NOT NULL,
  parent_code VARCHAR,
  name_zh     VARCHAR NOT NULL,
  name_en     VARCHAR NOT NULL,
  due_days    INTEGER
);

${REPLACED_TICKETS_SQL}

-- daily_counts, repeat_appeals and the other rollups are derived tables, refreshed after every load by
-- etl/load/rollups.ts.
`;
